package istiogateway

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rule.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "NW014", Family: "network", Severity: check.Warning,
			Title:     "Istio ingress gateway beside API Management",
			Rationale: "The mesh's gateway is chosen so that the ingress is in the mesh and every service port stays STRICT mutual TLS. API Management reaches the services from outside the mesh, through load balancers of its own: their ports must then stay PERMISSIVE, and requests entering through API Management skip the gateway's routing altogether. The two ways in contradict each other.",
			Fix:       "Choose one way in: drop apiManagement, or use controller agic or agc with API Management.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if _, ok := plan.Find[*Component](e); !ok {
						continue
					}
					for _, g := range plan.Facets[plan.Edge](e) {
						if g.EdgeTier() == plan.EdgeAPI {
							out = append(out, check.At(e, c, "ingress.controller", "API Management reaches the services outside the mesh: their ports stay PERMISSIVE beside the Istio gateway"))
							break
						}
					}
				}
				return out
			}},
	}
}
