package redis

import (
	"math"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// CostLines implements cost.Priced. Both managed services are billed per
// node-hour. Azure Cache for Redis: one node for Basic, a primary and a
// replica per shard otherwise. Azure Managed Redis: the Retail Prices
// API's "Cache Instance" meter is one node; high availability runs two
// ("HA (×2 nodes) or non-HA (×1 node)", AzureManagedRedis/amr-migration-skill
// references/pricing-tiers.md; turning it off "halves the cost",
// MicrosoftDocs/azure-docs articles/redis/migrate/migrate-basic-standard-premium-understand.md).
// The dev pod's cost is in the node pool it runs on.
func (c *Component) CostLines(_ *plan.Env) []cost.Line {
	switch {
	case c.AMR():
		nodes, sku, skuKo := 1.0, c.skuTitle()+", 1 node (no high availability)", c.skuTitle()+", 노드 1개 (고가용성 없음)"
		if c.HA {
			nodes, sku, skuKo = 2, c.skuTitle()+", 2 nodes (high availability)", c.skuTitle()+", 노드 2개 (고가용성)"
		}
		return []cost.Line{{Category: "cache", Name: "Azure Managed Redis", SKU: sku, SKUKo: skuKo,
			Meter: azure.Meter{Service: "Redis Cache", Product: "Azure Managed Redis - " + azure.TierTitle(c.Tier), Meter: c.SKU + " Cache Instance"},
			Qty:   nodes, QtyMax: nodes, Unit: "node-hour", PerMonth: cost.HoursPerMonth}}
	case c.CacheForRedis():
		nodes := 1.0
		if c.Tier != "Basic" {
			nodes = 2 * math.Max(1, float64(c.Shards))
		}
		return []cost.Line{{Category: "cache", Name: "Azure Cache for Redis", SKU: c.Tier + " " + c.SKU,
			Meter: azure.Meter{Service: "Redis Cache", Product: "Azure Redis Cache " + c.Tier, Meter: c.SKU + " Cache Instance"},
			Qty:   nodes, QtyMax: nodes, Unit: "node-hour", PerMonth: cost.HoursPerMonth}}
	}
	return nil
}
