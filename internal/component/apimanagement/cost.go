package apimanagement

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// meterSku is the Retail Prices API's sku name of a tier.
var meterSku = map[string]string{Developer: "Developer", StandardV2: "Standard v2", Premium: "Premium"}

// CostLines implements cost.Priced: the tier's units, billed by the hour
// whether or not calls arrive (no tier here bills per call).
func (x *Component) CostLines(_ *plan.Env) []cost.Line {
	sku := meterSku[x.Tier]
	return []cost.Line{{Category: "network", Name: "API Management " + sku, SKU: fmt.Sprintf("%s × %d", sku, x.Units),
		Meter: azure.Meter{Service: "API Management", Sku: sku, Meter: sku + " Unit"},
		Qty:   float64(x.Units), QtyMax: float64(x.Units), Unit: "unit-hour", PerMonth: cost.HoursPerMonth}}
}

// PublicIPs implements cost.PublicAddressed: the zone-redundant internal
// service's management address.
func (x *Component) PublicIPs() int {
	if x.PublicIP != "" {
		return 1
	}
	return 0
}
