package appgateway

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// CostLines implements cost.Priced: WAF_v2's fixed hourly cost and its
// capacity units, 10 per instance, at the minimum and maximum instance
// count.
func (c *gateway) CostLines(_ *plan.Env) []cost.Line {
	lo, hi := float64(c.MinCapacity*10), float64(c.MaxCapacity*10)
	return []cost.Line{
		{Category: "network", Name: "Application Gateway WAF_v2 fixed", NameKo: "Application Gateway WAF_v2 고정 요금", SKU: "WAF_v2", Meter: azure.Meter{Service: "Application Gateway", Meter: "WAF v2 Fixed Cost"},
			Qty: 1, QtyMax: 1, Unit: "gateway-hour", PerMonth: cost.HoursPerMonth},
		{Category: "network", Name: "Application Gateway capacity units", NameKo: "Application Gateway 용량 단위", SKU: fmt.Sprintf("%d–%d instances", c.MinCapacity, c.MaxCapacity),
			SKUKo: fmt.Sprintf("인스턴스 %d–%d개", c.MinCapacity, c.MaxCapacity), Meter: azure.Meter{Service: "Application Gateway", Meter: "WAF v2 Capacity Units"},
			Qty: lo, QtyMax: hi, Unit: "CU-hour", PerMonth: cost.HoursPerMonth, Estimate: "10 capacity units per instance, at the minimum and maximum instance count",
			EstimateKo: "인스턴스당 용량 단위 10개, 최소·최대 인스턴스 수 기준"},
	}
}

// PublicIPs implements cost.PublicAddressed: the gateway's frontend.
func (*gateway) PublicIPs() int { return 1 }
