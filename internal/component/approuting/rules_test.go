package approuting_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// shop is a small spec whose production ingress is managed NGINX; PROD is
// replaced by the production environment's extra ingress keys and EXTRA
// by its other keys.
const shop = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /api
    health: /healthz
    resources: {requests: {cpu: 250m, memory: 512Mi}}
environments:
  - name: dev
    profile: dev
    ingress: {controller: approuting}
  - name: prod
    profile: prod
    targets: {users: 1000, availability: 99.5, budgetUSD: 9000, rto: 12h, rpo: 1h}
    ingress: {controller: approuting, frontDoor: none, PROD}
    EXTRA
`

// shopSpec fills the template.
func shopSpec(prod, extra string) string {
	return strings.NewReplacer("PROD", prod, "EXTRA", extra).Replace(shop)
}

// TestRules: every rule of the block on a spec that must trigger it and
// one that must leave it quiet.
func TestRules(t *testing.T) {
	apim := "apiManagement: {tier: Premium, units: 1, publisherEmail: api@example.com}"
	cases := []struct {
		rule, name string
		spec       string
		fire       bool
		want       string
	}{
		{"NW012", "trigger: API Management beside public NGINX", shopSpec("waf: false", apim), true, "around the API gateway"},
		{"NW012", "quiet: no API Management", shopSpec("waf: false", ""), false, ""},
		{"NW012", "quiet: NGINX internal behind the gateway", shopSpec("behindGateway: true", apim), false, ""},
		{"SC016", "trigger: end-to-end TLS switched off", shopSpec("waf: false, endToEndTLS: false", ""), true, "HTTP only"},
		{"SC016", "trigger: no Key Vault for the certificate", shopSpec("waf: false", "security: {keyVault: false}"), true, "HTTP only"},
		{"SC016", "quiet: the prod profile's TLS with Key Vault", shopSpec("waf: false", ""), false, ""},
		{"SC016", "quiet: behind the gateway, which holds TLS", shopSpec("behindGateway: true", "security: {keyVault: false}"), false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.rule+" "+tc.name, func(t *testing.T) {
			got := testplan.Findings(t, "physarch.yaml", []byte(tc.spec), tc.rule)
			if !tc.fire {
				if len(got) != 0 {
					t.Fatalf("want quiet, got %v", got)
				}
				return
			}
			if len(got) == 0 {
				t.Fatal("want a finding, got none")
			}
			if !strings.Contains(got[0].Message, tc.want) {
				t.Errorf("message %q, want it to contain %q", got[0].Message, tc.want)
			}
		})
	}
}
