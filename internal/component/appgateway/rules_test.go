package appgateway_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// shop is a small production spec behind Front Door; PROD is replaced by
// the environment's extra keys and HEALTH by the service's health line.
const shop = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /api
    HEALTH
    resources: {requests: {cpu: 250m, memory: 512Mi}}
environments:
  - name: dev
    profile: dev
  - name: prod
    profile: prod
    targets: {users: 1000, availability: 99.5, budgetUSD: 5000, rto: 30m, rpo: 1h}
    PROD
`

// shopSpec fills the template.
func shopSpec(prod, health string) string {
	return strings.NewReplacer("PROD", prod, "HEALTH", health).Replace(shop)
}

// TestRules: every rule of the block on a spec that must trigger it and
// one that must leave it quiet.
func TestRules(t *testing.T) {
	const health = "health: /healthz"
	cases := []struct {
		rule, name string
		spec       string
		fire       bool
		want       string
	}{
		{"SC009", "trigger: end-to-end TLS switched off", shopSpec("ingress: {endToEndTLS: false}", health), true, "TLS ends at the edge"},
		{"SC009", "trigger: no Key Vault for the certificate", shopSpec("security: {keyVault: false}", health), true, "needs Key Vault for its certificate"},
		{"SC009", "quiet: the prod profile's end-to-end TLS", shopSpec("", health), false, ""},
		{"SC010", "trigger: WAF off behind Front Door", shopSpec("ingress: {waf: false}", health), true, "any Front Door profile reaches the gateway"},
		{"SC010", "quiet: the WAF checks X-Azure-FDID", shopSpec("", health), false, ""},
		{"SC010", "quiet: WAF off without Front Door", shopSpec("ingress: {waf: false, frontDoor: none}", health), false, ""},
		{"NW007", "trigger: no routed service states a health path", shopSpec("", "runtime: java21"), true, "Front Door probes /api, a route"},
		{"NW007", "quiet: the routed service's health path", shopSpec("", health), false, ""},
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
