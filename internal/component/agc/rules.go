package agc

import (
	"fmt"
	"net/netip"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "NW011", Family: "network", Severity: check.Warning,
			Title:     "Application Gateway for Containers subnet larger than /24",
			Rationale: "Microsoft requires the association subnet to be exactly a /24 when the cluster moves from Azure CNI to CNI Overlay: a larger one causes an outage and must be recreated as a /24.",
			Fix:       "Pin the agc subnet (network.subnets, role agc) to a /24, or drop the pin and let physarch place one.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					x, ok := plan.Find[*Component](e)
					if !ok || !x.placed() {
						continue
					}
					pfx, err := netip.ParsePrefix(x.Subnet.CIDR)
					if err != nil || pfx.Bits() >= 24 {
						continue
					}
					out = append(out, check.At(e, c, pinPath(e), "the association subnet %s is a /%d", x.Subnet.CIDR, pfx.Bits()))
				}
				return out
			}},
		{ID: "SC015", Family: "security", Severity: check.Warning,
			Title:     "Production Application Gateway for Containers without TLS",
			Rationale: "Without a certificate on the listener, requests reach the frontend as plain HTTP, from Front Door across the internet or from the users themselves: requests, cookies and tokens can be read and changed on the way.",
			Fix:       "Set ingress.endToEndTLS: true: the Gateway then listens on 443 with the certificate Secret the document's command creates, and Front Door forwards HTTPS only and checks the certificate's name.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if x, ok := plan.Find[*Component](e); ok && !x.TLS && check.PublicRoutes(c) {
						out = append(out, check.At(e, c, "ingress.endToEndTLS", "Application Gateway for Containers listens on HTTP only"))
					}
				}
				return out
			}},
	}
}

// pinPath is the spec key of the environment's agc subnet pin, or the
// controller where the subnet was placed by physarch.
func pinPath(e *plan.Env) string {
	for j, p := range e.Settings.Network.Subnets {
		if p.Role == subnetRole {
			return fmt.Sprintf("network.subnets[%d].cidr", j)
		}
	}
	return "ingress.controller"
}
