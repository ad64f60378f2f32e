package servicebus

import (
	"strings"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "AV010", Family: "availability", Severity: check.Warning,
			Title:     "Service Bus below Premium in production",
			Rationale: "Only Premium has zone redundancy, private endpoints and isolated capacity; Basic and Standard share a multi-tenant namespace.",
			Fix:       "Set serviceBus.tier to Premium with at least one messaging unit.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if b, ok := plan.Find[*Component](e); ok && !b.Premium() {
						out = append(out, check.At(e, c, Key+".tier", "Service Bus %s carries the production queues (%s)", b.Tier, strings.Join(b.Queues, ", ")))
					}
				}
				return out
			}},
	}
}
