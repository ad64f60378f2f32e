package redis

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// ServiceLinks implements availability.Linked: a service that caches
// waits on the cache.
func (c *Component) ServiceLinks(_ *plan.Env, sv plan.Service, nodes availability.Nodes) []availability.PathLink {
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
		return []availability.PathLink{{Name: "Redis", Config: c.Tier + " " + c.SKU, Key: "redis/" + c.Tier}}
	}
	key, cfg := nodes(1)
	return []availability.PathLink{{Name: "Redis", Config: "pod (" + cfg + ")", Key: key, Note: "a single pod: the SLA of the node it runs on"}}
}
