package frontdoor

import (
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// CostLines implements cost.Priced: the tier's monthly base fee.
func (c *Component) CostLines(_ *plan.Env) []cost.Line {
	return []cost.Line{{Category: "network", Name: "Front Door " + c.Tier + " base", NameKo: "Front Door " + c.Tier + " 기본 요금", SKU: c.Tier, Meter: azure.Meter{Service: "Azure Front Door Service", Meter: c.Tier + " Base Fees"},
		Qty: 1, QtyMax: 1, Unit: "month", PerMonth: 1}}
}
