package firewall_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// TestRules: every rule of the block on a spec that must trigger it and
// one that must leave it quiet.
func TestRules(t *testing.T) {
	base := read(t, "sample.yaml")
	devFirewall := edit{"    profile: dev\n", "    profile: dev\n    firewall: {tier: Standard}\n"}
	cases := []struct {
		rule, name string
		spec       string
		fire       bool
		want, path string
	}{
		{"NW009", "trigger: a firewall the cluster is not routed through", apply(t, base, edit{prodFirewall, "firewall: {tier: Standard, routeCluster: false}"}), true,
			"Azure Firewall Standard is deployed in prod, but the cluster's egress does not pass it", "environments[1].firewall.routeCluster"},
		{"NW009", "quiet: the node subnet routed through the firewall", base, false, "", ""},
		{"NW010", "trigger: NGINX's public load balancer with the firewall's route", apply(t, base, devFirewall), true,
			"the NGINX ingress answers on the public load balancer, but replies go to Azure Firewall (asymmetric routing)", "environments[0].firewall.tier"},
		{"NW010", "quiet: NGINX without the route", apply(t, base, edit{"    profile: dev\n", "    profile: dev\n    firewall: {tier: Standard, routeCluster: false}\n"}), false, "", ""},
		{"NW010", "quiet: AGIC with the firewall's route", base, false, "", ""},
		{"CO007", "trigger: a firewall in development", apply(t, base, devFirewall), true, "Azure Firewall Standard runs in dev, a non-production environment", "environments[0].firewall.tier"},
		{"CO007", "quiet: a firewall only in production", base, false, "", ""},
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
			if fs[0].Path != c.path {
				t.Errorf("finding at %s, want %s", fs[0].Path, c.path)
			}
		})
	}
}
