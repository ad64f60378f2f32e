package firewall_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/component/firewall"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
)

// TestRulesFollowTheCluster: the API server tunnel rules only where the
// cluster is public, HTTPS to each external host once, the private
// address the subnet's .4, and the outbound type only where it routes.
func TestRulesFollowTheCluster(t *testing.T) {
	devFirewall := edit{"    profile: dev\n", "    profile: dev\n    firewall: {tier: Premium, routeCluster: false}\n"}
	cases := []struct {
		name     string
		edits    []edit
		env      int
		tunnel   bool
		hosts    string
		outbound string
	}{
		{"private production cluster", nil, 1, false, "kos-mock.example.com", "userDefinedRouting"},
		{"public development cluster, not routed", []edit{devFirewall}, 0, true, "kos-mock.example.com", ""},
		{"no external system", []edit{{"    external: [kos-mock]\n", ""}}, 1, false, "", "userDefinedRouting"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := apply(t, read(t, "sample.yaml"), c.edits...)
			if c.name == "no external system" {
				// Drop the external system's declaration too.
				i := strings.Index(src, "\nexternal:\n")
				j := strings.Index(src, "\nenvironments:")
				src = src[:i] + src[j:]
			}
			doc, err := components.Load("sample.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			pl, err := components.Plan(doc)
			if err != nil {
				t.Fatal(err)
			}
			x, ok := plan.Find[*firewall.Component](pl.Envs[c.env])
			if !ok {
				t.Fatal("no firewall planned")
			}
			var tunnel bool
			var hosts []string
			for _, r := range x.Rules {
				tunnel = tunnel || strings.HasPrefix(r.Name, "apiserver-")
				if r.Name == "external-systems" {
					hosts = r.FQDNs
				}
			}
			if tunnel != c.tunnel {
				t.Errorf("API server tunnel rules %v, want %v", tunnel, c.tunnel)
			}
			if got := strings.Join(hosts, ","); got != c.hosts {
				t.Errorf("external hosts %q, want %q", got, c.hosts)
			}
			if got := x.OutboundType(); got != c.outbound {
				t.Errorf("outbound type %q, want %q", got, c.outbound)
			}
			if !strings.HasSuffix(x.PrivateIP, ".4") || !strings.HasSuffix(x.Subnet.CIDR, "/26") || x.Subnet.NSG != "" {
				t.Errorf("firewall at %s in %s (NSG %q), want .4 of a /26 without an NSG", x.PrivateIP, x.Subnet.CIDR, x.Subnet.NSG)
			}
		})
	}
}
