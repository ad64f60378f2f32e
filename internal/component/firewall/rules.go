package firewall

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "NW009", Family: "network", Severity: check.Warning,
			Title:     "Azure Firewall deployed but the cluster not routed through it",
			Rationale: "Without the node subnet's route to the firewall the cluster leaves through its own load balancer: the firewall costs its deployment hours and filters none of the cluster's traffic.",
			Fix:       "Set firewall.routeCluster: true (the node subnet's 0.0.0.0/0 goes to the firewall, outbound type userDefinedRouting), or firewall.tier: none.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					if x, ok := plan.Find[*Component](e); ok && !x.Routes {
						out = append(out, check.At(e, c, "firewall.routeCluster", "Azure Firewall %s is deployed in %s, but the cluster's egress does not pass it", x.Tier, e.Name))
					}
				}
				return out
			}},
		{ID: "NW010", Family: "network", Severity: check.Error,
			Title:     "Firewall egress with a public load balancer ingress",
			Rationale: "The NGINX ingress is reached on the cluster's public load balancer, but the node subnet's 0.0.0.0/0 goes to the firewall: replies leave by another path than the requests came (asymmetric routing) and the firewall drops them.",
			Fix:       "Use ingress.controller: agic (the gateway reaches the pods inside the VNet), or set firewall.routeCluster: false in this environment.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					x, ok := plan.Find[*Component](e)
					if ok && x.Routes && ingress.Of(e.Settings).Controller == ingress.NGINX && check.PublicRoutes(c) {
						out = append(out, check.At(e, c, "firewall.tier", "the NGINX ingress answers on the public load balancer, but replies go to Azure Firewall (asymmetric routing)"))
					}
				}
				return out
			}},
		{ID: "CO007", Family: "cost", Severity: check.Warning,
			Title:     "Azure Firewall outside production",
			Rationale: "The firewall bills every deployment hour whatever the traffic (physarch cost prints the figure): usually more than a small development cluster itself.",
			Fix:       "Set firewall.tier: none in development and test the egress rules in a production-like environment.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					if x, ok := plan.Find[*Component](e); ok && !e.IsProdLike() {
						out = append(out, check.At(e, c, "firewall.tier", "Azure Firewall %s runs in %s, a non-production environment", x.Tier, e.Name))
					}
				}
				return out
			}},
	}
}
