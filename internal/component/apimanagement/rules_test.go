package apimanagement_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// TestRules: every rule of the block on a spec that must trigger it and
// one that must leave it quiet.
func TestRules(t *testing.T) {
	base := sample(t)
	cases := []struct {
		rule, name string
		spec       string
		fire       bool
		want       string
	}{
		{"AV016", "trigger: Developer on production's request path", apply(t, base, edit{prodAPIM, "apiManagement: {tier: Developer, publisherEmail: api-team@example.com}"}), true, "API Management Developer (no SLA) is on the request path of 2 APIs"},
		{"AV016", "quiet: Premium in production, Developer only in development", base, false, ""},
		{"SC014", "trigger: Standard v2's public gateway in production", read(t, "sample-standardv2.yaml"), true, "API Management StandardV2's public gateway serves 2 APIs without a WAF in front"},
		{"SC014", "quiet: Premium in internal VNet mode", base, false, ""},
	}
	for _, c := range cases {
		t.Run(c.rule+" "+c.name, func(t *testing.T) {
			fs := testplan.Findings(t, "physarch.yaml", []byte(c.spec), c.rule)
			if c.fire != (len(fs) > 0) {
				t.Fatalf("fired %v, want %v: %+v", len(fs) > 0, c.fire, fs)
			}
			if !c.fire {
				return
			}
			if !strings.Contains(fs[0].Message, c.want) {
				t.Errorf("message %q does not say %q", fs[0].Message, c.want)
			}
			// The finding points at production's tier.
			if fs[0].Path != "environments[1].apiManagement.tier" {
				t.Errorf("finding at %s, want production's apiManagement.tier", fs[0].Path)
			}
		})
	}
}
