package firewall

import (
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// CostLines implements cost.Priced: the deployment hour, billed whatever
// the traffic, and the data it processes per GB.
func (x *Component) CostLines(_ *plan.Env) []cost.Line {
	gb := float64(x.EgressGB)
	return []cost.Line{
		{Category: "network", Name: "Azure Firewall " + x.Tier + " deployment", NameKo: "Azure Firewall " + x.Tier + " 배포", SKU: x.Tier, Meter: azure.Meter{Service: "Azure Firewall", Sku: x.Tier, Meter: x.Tier + " Deployment"},
			Qty: 1, QtyMax: 1, Unit: "firewall-hour", PerMonth: cost.HoursPerMonth},
		{Category: "network", Name: "Azure Firewall data processed", NameKo: "Azure Firewall 데이터 처리", SKU: x.Tier, Meter: azure.Meter{Service: "Azure Firewall", Sku: x.Tier, Meter: x.Tier + " Data Processed"},
			Qty: gb, QtyMax: gb, Unit: "GB", PerMonth: 1,
			Estimate:   "firewall.egressGBPerMonth (the profiles assume 100 GB a month: image pulls, node updates, telemetry)",
			EstimateKo: "`firewall.egressGBPerMonth` (프로필 가정 월 100 GB: 이미지 풀, 노드 업데이트, 원격 분석)"},
	}
}

// PublicIPs implements cost.PublicAddressed: the firewall's own address.
func (*Component) PublicIPs() int { return 1 }
