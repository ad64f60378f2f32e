package cosmosdb

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// slaKey is the catalog's SLA for the account's configuration: one region
// or several, zone-redundant or not, one write region or all.
func (c *Component) slaKey() string {
	switch {
	case len(c.Regions) > 1 && c.MultiRegionWrites:
		return "cosmosdb/multi-write"
	case len(c.Regions) > 1 && c.ZoneRedundant():
		return "cosmosdb/multi-zr"
	case len(c.Regions) > 1:
		return "cosmosdb/multi"
	case c.ZoneRedundant():
		return "cosmosdb/single-zr"
	}
	return "cosmosdb/single"
}

// config spells the configuration the SLA is for.
func (c *Component) config() string {
	s := c.API + " " + c.Capacity
	if c.ZoneRedundant() {
		s += ", zone-redundant"
	}
	if len(c.Regions) > 1 {
		s += ", " + c.regionList()
		if c.MultiRegionWrites {
			s += ", multi-region writes"
		}
	}
	return s
}

// ServiceLinks implements availability.Linked: a service's requests wait
// on the account it reads and writes. The write SLA counts, the lower of
// the two where they differ.
// configKo is config in Korean.
func (c *Component) configKo() string {
	s := c.API + " " + c.Capacity
	if c.ZoneRedundant() {
		s += ", 영역 중복"
	}
	if len(c.Regions) > 1 {
		s += ", " + c.regionList()
		if c.MultiRegionWrites {
			s += ", 다중 리전 쓰기"
		}
	}
	return s
}

func (c *Component) ServiceLinks(_ *plan.Env, sv plan.Service, nodes availability.Nodes) []availability.PathLink {
	if _, ok := c.users[sv.Name]; !ok {
		return nil
	}
	if c.Managed() {
		return []availability.PathLink{{Name: "Cosmos DB", Config: c.config(), ConfigKo: c.configKo(), Key: c.slaKey(),
			Note: "the write availability SLA; reads may be higher", NoteKo: "쓰기 가용성 SLA; 읽기는 더 높을 수 있음"}}
	}
	key, cfg, cfgKo := nodes(1)
	return []availability.PathLink{{Name: "Cosmos DB", Config: "mongo pod (" + cfg + ")", ConfigKo: "mongo Pod (" + cfgKo + ")", Key: key, Note: "a single pod: the SLA of the node it runs on", NoteKo: podNoteKo}}
}

// podNoteKo is the single pod's note in Korean.
const podNoteKo = "단일 Pod: 실행 중인 노드의 SLA"
