package agc

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// meter is one of the block's meters.
func meter(name string) azure.Meter {
	return azure.Meter{Service: "Application Gateway", Product: "Application Gateway for Containers", Sku: "Standard", Meter: name}
}

// CostLines implements cost.Priced: the traffic controller, its one
// frontend and one association by the hour, whatever the traffic, and
// the capacity units the spec states.
func (x *Component) CostLines(_ *plan.Env) []cost.Line {
	cu := float64(x.CapacityUnits)
	return []cost.Line{
		{Category: "network", Name: "Application Gateway for Containers", SKU: "Standard", Meter: meter("Standard Application Gateway for Containers"),
			Qty: 1, QtyMax: 1, Unit: "gateway-hour", PerMonth: cost.HoursPerMonth},
		{Category: "network", Name: "Application Gateway for Containers frontend", NameKo: "Application Gateway for Containers 프런트엔드", SKU: "Standard", Meter: meter("Standard Frontend"),
			Qty: 1, QtyMax: 1, Unit: "frontend-hour", PerMonth: cost.HoursPerMonth},
		{Category: "network", Name: "Application Gateway for Containers association", NameKo: "Application Gateway for Containers 연결", SKU: "Standard", Meter: meter("Standard Association"),
			Qty: 1, QtyMax: 1, Unit: "association-hour", PerMonth: cost.HoursPerMonth},
		{Category: "network", Name: "Application Gateway for Containers capacity units", NameKo: "Application Gateway for Containers 용량 단위", SKU: fmt.Sprintf("%d CU", x.CapacityUnits), Meter: meter("Standard Capacity Units"),
			Qty: cu, QtyMax: cu, Unit: "CU-hour", PerMonth: cost.HoursPerMonth,
			Estimate:   "ingress.agcCapacityUnits, the stated hourly use (one capacity unit is 2,500 persistent connections or 2.22 Mbps)",
			EstimateKo: "`ingress.agcCapacityUnits`에 명시한 시간당 사용량 (용량 단위 1개는 지속 연결 2,500개 또는 2.22 Mbps)"},
	}
}
