package eventhubs

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// slaKey is the catalog's SLA for the namespace: Premium's depends on
// zone redundancy, which Azure gives wherever the region has zones.
func (c *Component) slaKey() string {
	if !c.Premium() {
		return "eventhubs/" + c.Tier
	}
	if c.ZoneRedundant {
		return "eventhubs/Premium/zones"
	}
	return "eventhubs/Premium/nozones"
}

// ServiceLinks implements availability.Linked: a producer's requests wait
// for the namespace to accept the event; consuming is asynchronous.
func (c *Component) ServiceLinks(_ *plan.Env, sv plan.Service, _ availability.Nodes) []availability.PathLink {
	if len(c.own(sv.Produces)) == 0 {
		return nil
	}
	cfg, cfgKo := c.Tier, ""
	if c.ZoneRedundant {
		cfg, cfgKo = cfg+", zone-redundant", cfg+", 영역 중복"
	}
	return []availability.PathLink{{Name: "Event Hubs", Config: cfg, ConfigKo: cfgKo, Key: c.slaKey(),
		Note: "producers wait for the namespace", NoteKo: "생산자는 네임스페이스의 응답을 기다림"}}
}
