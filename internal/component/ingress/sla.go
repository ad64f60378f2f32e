package ingress

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// EdgeLinks implements availability.EdgeLinked: requests reach NGINX
// through the cluster's Standard load balancer, whose back ends are the
// cluster's nodes.
func (*Component) EdgeLinks(e *plan.Env) []availability.PathLink {
	return []availability.PathLink{LoadBalancerLink(e, "NGINX ingress", "NGINX 인그레스")}
}

// LoadBalancerLink is the Standard load balancer AKS makes for the Service
// of a controller that runs in the cluster (what names it, whatKo in
// Korean): its back ends are the cluster's nodes at minimum scale, zone-
// redundant where the environment has zones.
func LoadBalancerLink(e *plan.Env, what, whatKo string) availability.PathLink {
	nodes := 0
	for _, p := range e.Pools {
		nodes += p.Min
	}
	return availability.PathLink{Name: "Load Balancer", Config: fmt.Sprintf("Standard (%s), %d back-end nodes", what, nodes),
		ConfigKo: fmt.Sprintf("Standard (%s), 백엔드 노드 %d대", whatKo, nodes), Key: "loadbalancer/Standard",
		Setting: "nodePools", Facts: azure.Facts{ZoneRedundant: len(e.Zones) >= 2, MinInstances: nodes}}
}
