package firewall

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// ServiceLinks implements availability.Linked: a request that waits on an
// external system leaves the cluster through the firewall, where it
// routes the cluster.
func (x *Component) ServiceLinks(_ *plan.Env, sv plan.Service, _ availability.Nodes) []availability.PathLink {
	if !x.Routes || len(sv.External) == 0 {
		return nil
	}
	cfg, cfgKo := x.Tier, ""
	key := "firewall"
	if len(x.Zones) > 1 {
		cfg += fmt.Sprintf(", %d zones", len(x.Zones))
		cfgKo = x.Tier + fmt.Sprintf(", %d개 영역", len(x.Zones))
		key = "firewall/zones"
	}
	return []availability.PathLink{{Name: "Azure Firewall", Config: cfg, ConfigKo: cfgKo, Key: key, Setting: "firewall.tier",
		Facts: azure.Facts{ZoneRedundant: len(x.Zones) > 1}}}
}
