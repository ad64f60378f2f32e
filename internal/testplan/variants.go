package testplan

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
)

// BlockVariants are phonebill with its dev and prod environments running
// the edge and platform blocks the profiles do not give them: production
// behind NGINX with Front Door in front, production with neither Key
// Vault nor Log Analytics, and development with the gateway, Key Vault and
// Log Analytics. The real judges (terraform validate, the API server) read
// them as well as the examples.
func BlockVariants(t testing.TB) map[string]*plan.Plan {
	t.Helper()
	p, data, err := examples.Spec("phonebill")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*plan.Plan{}
	for name, v := range map[string]struct{ dev, prod string }{
		"prod-nginx-frontdoor": {prod: "ingress: {controller: nginx, waf: false}"},
		"prod-bare":            {prod: "ingress: {frontDoor: none}\n    security: {keyVault: false}\n    monitoring: {logAnalytics: false}"},
		// The edge blocks' TLS variants: Premium's managed rules with
		// Front Door terminating TLS, a stated domain (the host name's
		// default) with end-to-end TLS, and the gateway alone with TLS
		// and its own rate limit.
		"prod-edge-premium-plain": {prod: "ingress: {frontDoor: Premium, endToEndTLS: false}"},
		"prod-edge-domain":        {prod: "ingress: {frontDoor: Premium, domain: shop.example.com}"},
		"prod-gateway-tls":        {prod: "ingress: {frontDoor: none}"},
		"dev-managed-edge":        {dev: "ingress: {controller: agic, gatewayMinCapacity: 1, gatewayMaxCapacity: 2}\n    security: {keyVault: true}\n    monitoring: {logAnalytics: true, retentionDays: 30}"},
	} {
		src := string(data)
		for env, add := range map[string]string{"dev": v.dev, "prod": v.prod} {
			if add != "" {
				src = strings.Replace(src, "    profile: "+env+"\n", "    profile: "+env+"\n    "+add+"\n", 1)
			}
		}
		doc, err := components.Load(p, []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pl, err := components.Plan(doc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = pl
	}
	return out
}
