package defender

import (
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// CostLines implements cost.Priced: Defender for Containers bills each
// vCore of the cluster's nodes by the hour.
func (c *Component) CostLines(e *plan.Env) []cost.Line {
	lo, hi := VCores(e)
	return []cost.Line{{Category: "security", Name: "Defender for Containers", SKU: "Standard",
		Meter: azure.Meter{Service: "Azure Defender", Product: "Microsoft Defender for Containers", Meter: "Standard vCore vCore Pack"},
		Qty:   float64(lo), QtyMax: float64(hi), Unit: "vCore", PerMonth: cost.HoursPerMonth}}
}
