package frontdoor

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// EdgeLinks implements availability.EdgeLinked: every public request
// passes Front Door first.
func (c *Component) EdgeLinks(_ *plan.Env) []availability.PathLink {
	return []availability.PathLink{c.edgeLink()}
}

// edgeLink is Front Door on a path.
func (c *Component) edgeLink() availability.PathLink {
	return availability.PathLink{Name: "Front Door", Config: c.Tier, Key: "frontdoor"}
}
