package availability

import (
	"fmt"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// edgeLinks are the core's links every route passes: Front Door, the
// Application Gateway or the load balancer in front of the NGINX ingress,
// and the AKS control plane, each with the facts its SLA's condition asks
// for (a block moved out of the core reports the same facts in its
// PathLink).
func edgeLinks(e *plan.Env) []PathLink {
	se := e.Settings
	zoned := len(e.Zones) >= 2
	var out []PathLink
	if fd := se.Ingress.FrontDoor; fd != "" && fd != "none" {
		out = append(out, PathLink{Name: "Front Door", Config: fd, Key: "frontdoor"})
	}
	if in := se.Ingress; in.Controller == "agic" {
		// The Terraform places the gateway in the plan's zones when there
		// are two or more, and autoscales it between the two bounds.
		cfg := fmt.Sprintf("WAF_v2, autoscale %d–%d", in.GatewayMinCapacity, in.GatewayMaxCapacity)
		if in.GatewayMinCapacity == in.GatewayMaxCapacity {
			cfg = fmt.Sprintf("WAF_v2, fixed %d instances", in.GatewayMinCapacity)
		}
		if zoned {
			cfg += fmt.Sprintf(", %d zones", len(e.Zones))
		}
		out = append(out, PathLink{Name: "Application Gateway", Config: cfg, Key: "appgw/v2", Setting: "ingress.gatewayMaxCapacity",
			Facts: azure.Facts{ZoneRedundant: zoned, Autoscaling: in.GatewayMaxCapacity > in.GatewayMinCapacity, MinInstances: in.GatewayMinCapacity}})
	} else {
		// The load balancer's back ends are the cluster's nodes.
		nodes := 0
		for _, p := range e.Pools {
			nodes += p.Min
		}
		out = append(out, PathLink{Name: "Load Balancer", Config: fmt.Sprintf("Standard (NGINX ingress), %d back-end nodes", nodes), Key: "loadbalancer/Standard",
			Setting: "nodePools", Facts: azure.Facts{ZoneRedundant: zoned, MinInstances: nodes}})
	}
	aksKey := "aks/" + se.AKS.Tier + "/nozones"
	if zoned {
		aksKey = "aks/" + se.AKS.Tier + "/zones"
	}
	if se.AKS.Tier == "Free" {
		aksKey = "aks/Free"
	}
	out = append(out, PathLink{Name: "AKS control plane", Config: se.AKS.Tier + " tier", Key: aksKey, Facts: azure.Facts{ZoneRedundant: zoned}})
	return out
}
