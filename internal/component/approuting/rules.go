package approuting

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "NW012", Family: "network", Severity: check.Warning,
			Title:     "Public managed NGINX beside an API gateway",
			Rationale: "Managed NGINX answers on a public load balancer: where API Management is meant to be the way to the services, clients can reach them around it, past its policies, quotas and authentication.",
			Fix:       "Set ingress.behindGateway: true (NGINX then listens on an internal load balancer behind the Application Gateway), use controller agc or agic behind Front Door, or drop API Management.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if x, ok := plan.Find[*Component](e); !ok || x.Internal || !check.PublicRoutes(c) {
						continue
					}
					for _, g := range plan.Facets[plan.Edge](e) {
						if g.EdgeTier() == plan.EdgeAPI {
							out = append(out, check.At(e, c, "ingress.controller", "managed NGINX's public load balancer reaches the services around the API gateway"))
							break
						}
					}
				}
				return out
			}},
		{ID: "SC016", Family: "security", Severity: check.Warning,
			Title:     "Production managed NGINX without TLS",
			Rationale: "Without a certificate NGINX answers plain HTTP on its public address: requests, cookies and tokens cross the internet readable and changeable.",
			Fix:       "Set ingress.endToEndTLS: true and security.keyVault: true: Terraform imports your certificate into Key Vault and the add-on serves it on 443.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if x, ok := plan.Find[*Component](e); ok && !x.TLS && !x.Internal && check.PublicRoutes(c) {
						out = append(out, check.At(e, c, "ingress.endToEndTLS", "managed NGINX answers HTTP only"))
					}
				}
				return out
			}},
	}
}
