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
	if c.Managed() {
		return []availability.PathLink{{Name: "Redis", Config: c.Tier + " " + c.SKU, Key: "redis/" + c.Tier}}
	}
	key, cfg := nodes(1)
	return []availability.PathLink{{Name: "Redis", Config: "pod (" + cfg + ")", Key: key, Note: "a single pod: the SLA of the node it runs on"}}
}
