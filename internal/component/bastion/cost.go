package bastion

import (
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// sessionGBPerMonth is the outbound data the cost assumes: operators'
// SSH sessions and tunnels move little (no source says how much).
const sessionGBPerMonth = 10

// CostLines implements cost.Priced: Bastion bills per hour from creation
// to deletion, whether anyone connects or not, plus its outbound data; the
// jump host's VM hours and OS disk. Bastion's public IP is priced with the
// environment's others (PublicIPs).
func (c *Component) CostLines(_ *plan.Env) []cost.Line {
	out := []cost.Line{
		{Category: "network", Name: "Azure Bastion " + c.SKU, SKU: c.SKU, Meter: azure.Meter{Service: "Azure Bastion", Sku: c.SKU, Meter: c.SKU + " Gateway"},
			Qty: 1, QtyMax: 1, Unit: "host-hour", PerMonth: cost.HoursPerMonth},
		{Category: "network", Name: "Azure Bastion outbound data", NameKo: "Azure Bastion 아웃바운드 데이터", SKU: c.SKU, Meter: azure.Meter{Service: "Azure Bastion", Sku: c.SKU, Meter: c.SKU + " Data Transfer Out"},
			Qty: sessionGBPerMonth, QtyMax: sessionGBPerMonth, Unit: "GB", PerMonth: 1, Estimate: "assumed 10 GB a month of operator sessions",
			EstimateKo: "운영자 세션으로 월 10 GB로 가정"},
	}
	if c.JumpHost {
		out = append(out,
			cost.Line{Category: "compute", Name: "Jump host", NameKo: "점프 호스트", SKU: JumpHostSize, Meter: azure.Meter{Service: "Virtual Machines", ArmSku: JumpHostSize},
				Qty: 1, QtyMax: 1, Unit: "VM-hour", PerMonth: cost.HoursPerMonth},
			cost.Line{Category: "storage", Name: "Jump host OS disk", NameKo: "점프 호스트 OS 디스크", SKU: osDiskSKU, Meter: azure.Meter{Service: "Storage", Sku: osDiskSKU},
				Qty: 1, QtyMax: 1, Unit: "disk-month", PerMonth: 1})
	}
	return out
}

// The jump host's OS disk: Standard SSD E4 (32 GiB), room for the image's
// 30 GB.
const (
	osDiskSKU  = "E4 LRS"
	osDiskType = "StandardSSD_LRS"
	osDiskGB   = 32
)
