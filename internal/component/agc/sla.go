package agc

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// EdgeLinks implements availability.EdgeLinked: every request passes the
// traffic controller, whose components Azure spreads over the region's
// zones itself.
func (x *Component) EdgeLinks(e *plan.Env) []availability.PathLink {
	return []availability.PathLink{{Name: "Application Gateway for Containers", Config: "Standard", Key: "agc", Setting: "ingress.controller",
		Facts: azure.Facts{ZoneRedundant: len(e.Zones) >= 2}}}
}
