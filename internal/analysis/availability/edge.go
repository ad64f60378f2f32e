package availability

import (
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// aksLink is the AKS control plane every route passes, after the way in
// (the components' EdgeLinked), with the facts its SLA's condition asks
// for.
func aksLink(e *plan.Env) PathLink {
	se := e.Settings
	zoned := len(e.Zones) >= 2
	aksKey := "aks/" + se.AKS.Tier + "/nozones"
	if zoned {
		aksKey = "aks/" + se.AKS.Tier + "/zones"
	}
	if se.AKS.Tier == "Free" {
		aksKey = "aks/Free"
	}
	return PathLink{Name: "AKS control plane", NameKo: "AKS 컨트롤 플레인", Config: se.AKS.Tier + " tier", ConfigKo: se.AKS.Tier + " 계층", Key: aksKey, Facts: azure.Facts{ZoneRedundant: zoned}}
}
