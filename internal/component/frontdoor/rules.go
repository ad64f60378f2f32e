package frontdoor

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return append([]check.Rule{
		{ID: "SC007", Family: "security", Severity: check.Info,
			Title:     "Public production ingress without Front Door",
			Rationale: "Front Door adds global DDoS absorption, TLS at the edge and a second WAF layer in front of the regional gateway.",
			Fix:       "Set ingress.frontDoor: Standard (or Premium).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if _, ok := plan.Find[*Component](e); !ok && check.PublicRoutes(c) {
						out = append(out, check.At(e, c, "ingress.frontDoor", "no edge in front of the gateway"))
					}
				}
				return out
			}},
	}, staticRules()...)
}
