package agc_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// shop is a small spec whose production ingress is Application Gateway
// for Containers behind Front Door; PROD is replaced by the production
// environment's extra ingress keys and NETWORK by its network key.
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
    ingress: {controller: agc}
  - name: prod
    profile: prod
    targets: {users: 1000, availability: 99.5, budgetUSD: 5000, rto: 12h, rpo: 1h}
    ingress: {controller: agc, PROD}
    NETWORK
`

// shopSpec fills the template.
func shopSpec(prod, network string) string {
	return strings.NewReplacer("PROD", prod, "NETWORK", network).Replace(shop)
}

// TestRules: every rule of the block on a spec that must trigger it and
// one that must leave it quiet.
func TestRules(t *testing.T) {
	cases := []struct {
		rule, name string
		spec       string
		fire       bool
		want       string
	}{
		{"NW011", "trigger: a pinned /23 association subnet", shopSpec("waf: false, endToEndTLS: true", "network: {subnets: [{role: agc, cidr: 10.20.4.0/23}]}"), true, "is a /23"},
		{"NW011", "quiet: the /24 physarch places", shopSpec("waf: false, endToEndTLS: true", ""), false, ""},
		{"SC015", "trigger: end-to-end TLS switched off", shopSpec("waf: false, endToEndTLS: false", ""), true, "HTTP only"},
		{"SC015", "quiet: the prod profile's TLS", shopSpec("waf: false, endToEndTLS: true", ""), false, ""},
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
