package postgresql

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// CostLines implements cost.Priced: Flexible Server compute (the HA
// standby is billed like the primary, each read replica too) and storage,
// or the dev pod's managed disk.
func (c *Component) CostLines(_ *plan.Env) []cost.Line {
	if !c.Flexible() {
		return []cost.Line{{Category: "database", Name: "PostgreSQL pod disk", NameKo: "PostgreSQL Pod 디스크", SKU: fmt.Sprintf("%d GiB %s", c.StorageGB, "E4"),
			Meter: azure.Meter{Service: "Storage", Sku: "E4 LRS"}, Qty: 1, QtyMax: 1, Unit: "disk-month", PerMonth: 1}}
	}
	n := 1.0
	if c.HA != "none" {
		n = 2
	}
	lines := []cost.Line{
		{Category: "database", Name: "PostgreSQL Flexible compute", NameKo: "PostgreSQL Flexible 컴퓨팅", SKU: c.SKU, Meter: azure.Meter{Service: "Azure Database for PostgreSQL", ArmSku: c.SKU},
			Qty: n, QtyMax: n, Unit: "instance-hour", PerMonth: cost.HoursPerMonth},
		{Category: "database", Name: "PostgreSQL storage", NameKo: "PostgreSQL 스토리지", SKU: fmt.Sprintf("%d GiB", c.StorageGB), Meter: azure.Meter{Service: "Azure Database for PostgreSQL", Meter: "Storage Data Stored"},
			Qty: float64(c.StorageGB) * n, QtyMax: float64(c.StorageGB) * n, Unit: "GB-month", PerMonth: 1},
	}
	if r := float64(c.ReadReplicas); r > 0 {
		lines = append(lines,
			cost.Line{Category: "database", Name: "PostgreSQL read replicas compute", NameKo: "PostgreSQL 읽기 복제본 컴퓨팅", SKU: fmt.Sprintf("%d × %s", c.ReadReplicas, c.SKU), Meter: azure.Meter{Service: "Azure Database for PostgreSQL", ArmSku: c.SKU},
				Qty: r, QtyMax: r, Unit: "instance-hour", PerMonth: cost.HoursPerMonth},
			cost.Line{Category: "database", Name: "PostgreSQL read replicas storage", NameKo: "PostgreSQL 읽기 복제본 스토리지", SKU: fmt.Sprintf("%d × %d GiB", c.ReadReplicas, c.StorageGB), Meter: azure.Meter{Service: "Azure Database for PostgreSQL", Meter: "Storage Data Stored"},
				Qty: float64(c.StorageGB) * r, QtyMax: float64(c.StorageGB) * r, Unit: "GB-month", PerMonth: 1})
	}
	return append(lines, c.standbyCost()...)
}
