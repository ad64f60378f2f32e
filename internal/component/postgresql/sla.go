package postgresql

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// ServiceLinks implements availability.Linked: a service's requests wait
// on its database. Read replicas serve reads only, so they do not change
// the write path's SLA.
func (c *Component) ServiceLinks(_ *plan.Env, sv plan.Service, nodes availability.Nodes) []availability.PathLink {
	if sv.Database == "" {
		return nil
	}
	if c.Flexible() {
		return []availability.PathLink{{Name: "PostgreSQL", Config: "Flexible " + c.SKU + ", HA " + c.HA, Key: "postgresql/" + c.HA}}
	}
	key, cfg := nodes(1)
	return []availability.PathLink{{Name: "PostgreSQL", Config: "pod (" + cfg + ")", Key: key, Note: "a single pod: the SLA of the node it runs on"}}
}
