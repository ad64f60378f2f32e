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
	nodes := 0
	for _, p := range e.Pools {
		nodes += p.Min
	}
	return []availability.PathLink{{Name: "Load Balancer", Config: fmt.Sprintf("Standard (NGINX ingress), %d back-end nodes", nodes),
		ConfigKo: fmt.Sprintf("Standard (NGINX 인그레스), 백엔드 노드 %d대", nodes), Key: "loadbalancer/Standard",
		Setting: "nodePools", Facts: azure.Facts{ZoneRedundant: len(e.Zones) >= 2, MinInstances: nodes}}}
}
