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
			return []availability.PathLink{{Name: "Redis", Config: c.skuTitle() + ", high availability, zone-redundant", ConfigKo: c.skuTitle() + ", 고가용성, 영역 중복", Key: "managedredis/ha/zones"}}
		case c.HA:
			return []availability.PathLink{{Name: "Redis", Config: c.skuTitle() + ", high availability", ConfigKo: c.skuTitle() + ", 고가용성", Key: "managedredis/ha"}}
		}
		return []availability.PathLink{{Name: "Redis", Config: c.skuTitle() + ", no high availability", ConfigKo: c.skuTitle() + ", 고가용성 없음", Key: "managedredis/noha",
			Note: "without high availability Azure Managed Redis has no SLA", NoteKo: "고가용성이 없으면 Azure Managed Redis에는 SLA가 없음"}}
	case c.CacheForRedis():
		n := 1
		if c.Tier != "Basic" {
			n = 2 * max(1, c.Shards)
		}
		return []availability.PathLink{{Name: "Redis", Config: c.Tier + " " + c.SKU, Key: "redis/" + c.Tier, Setting: "redis.tier",
			Facts: azure.Facts{ZoneRedundant: len(c.Zones) > 1, MinInstances: n}}}
	}
	key, cfg, cfgKo := nodes(1)
	return []availability.PathLink{{Name: "Redis", Config: "pod (" + cfg + ")", ConfigKo: "Pod (" + cfgKo + ")", Key: key, Note: "a single pod: the SLA of the node it runs on", NoteKo: podNoteKo}}
}

// podNoteKo is the single pod's note in Korean.
const podNoteKo = "단일 Pod: 실행 중인 노드의 SLA"
