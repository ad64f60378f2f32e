package apimanagement

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// slaKey is the catalog SLA of the tier: Premium asks for its zone
// figure, which applies only where the units span two or more zones.
func (x *Component) slaKey() string {
	if x.Tier == Premium {
		return "apim/Premium/zones"
	}
	return "apim/" + x.Tier
}

// EdgeLinks implements availability.EdgeLinked: every routed request
// passes the gateway on its way to the services.
func (x *Component) EdgeLinks(_ *plan.Env) []availability.PathLink {
	cfg := fmt.Sprintf("%s, %d unit", x.Tier, x.Units)
	if x.Units > 1 {
		cfg += "s"
	}
	cfgKo := fmt.Sprintf("%s, 유닛 %d개", x.Tier, x.Units)
	if len(x.Zones) > 1 {
		cfg += fmt.Sprintf(", %d zones", len(x.Zones))
		cfgKo += fmt.Sprintf(", %d개 영역", len(x.Zones))
	}
	return []availability.PathLink{{Name: "API Management", Config: cfg, ConfigKo: cfgKo, Key: x.slaKey(), Setting: "apiManagement.units",
		Facts: azure.Facts{ZoneRedundant: len(x.Zones) > 1, MinInstances: x.Units}}}
}
