package redis

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// ServiceLinks implements availability.Linked: a service that caches
// waits on the cache.
//
// Facts: Premium spreads its nodes over the zones (zoneRedundant); every
// tier but Basic runs a primary and a replica per shard.
func (c *Component) ServiceLinks(e *plan.Env, sv plan.Service, nodes availability.Nodes) []availability.PathLink {
	if !sv.Cache {
		return nil
	}
	switch {
	case c.AMR():
		switch {
		case c.HA && len(c.Zones) > 1:
			return []availability.PathLink{{Name: "Redis", Config: c.skuTitle() + ", high availability, zone-redundant", Key: "managedredis/ha/zones"}}
		case c.HA:
			return []availability.PathLink{{Name: "Redis", Config: c.skuTitle() + ", high availability", Key: "managedredis/ha"}}
		}
		return []availability.PathLink{{Name: "Redis", Config: c.skuTitle() + ", no high availability", Key: "managedredis/noha",
			Note: "without high availability Azure Managed Redis has no SLA"}}
	case c.CacheForRedis():
		n := 1
		if c.Tier != "Basic" {
			n = 2 * max(1, c.Shards)
		}
		return []availability.PathLink{{Name: "Redis", Config: c.Tier + " " + c.SKU, Key: "redis/" + c.Tier, Setting: "redis.tier",
			Facts: azure.Facts{ZoneRedundant: len(c.Zones) > 1, MinInstances: n}}}
	}
	key, cfg := nodes(1)
	return []availability.PathLink{{Name: "Redis", Config: "pod (" + cfg + ")", Key: key, Note: "a single pod: the SLA of the node it runs on"}}
}
