package redis

import (
	"math"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// CostLines implements cost.Priced: Azure Cache for Redis is billed per
// node, one for Basic, a primary and a replica per shard otherwise. The
// dev pod's cost is in the node pool it runs on.
func (c *Component) CostLines(_ *plan.Env) []cost.Line {
	if !c.Managed() {
		return nil
	}
	nodes := 1.0
	if c.Tier != "Basic" {
		nodes = 2 * math.Max(1, float64(c.Shards))
	}
	return []cost.Line{{Category: "cache", Name: "Azure Cache for Redis", SKU: c.Tier + " " + c.SKU,
		Meter: azure.Meter{Service: "Redis Cache", Product: "Azure Redis Cache " + c.Tier, Meter: c.SKU + " Cache Instance"},
		Qty:   nodes, QtyMax: nodes, Unit: "node-hour", PerMonth: cost.HoursPerMonth}}
}
