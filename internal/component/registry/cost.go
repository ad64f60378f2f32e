package registry

import (
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// CostLines implements cost.Priced: the registry bills by day, in its
// tier.
func (c *Component) CostLines(_ *plan.Env) []cost.Line {
	return append([]cost.Line{{Category: "registry", Name: "Container Registry", SKU: c.SKU, Meter: azure.Meter{Service: "Container Registry", Meter: c.SKU + " Registry Unit"},
		Qty: 1, QtyMax: 1, Unit: "day", PerMonth: float64(cost.HoursPerMonth) / 24}}, c.replicaCost()...)
}
