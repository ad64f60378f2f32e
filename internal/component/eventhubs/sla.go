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
	cfg := c.Tier
	if c.ZoneRedundant {
		cfg += ", zone-redundant"
	}
	return []availability.PathLink{{Name: "Event Hubs", Config: cfg, Key: c.slaKey(), Note: "producers wait for the namespace"}}
}
