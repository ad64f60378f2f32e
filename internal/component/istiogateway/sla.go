package istiogateway

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// EdgeLinks implements availability.EdgeLinked: requests reach the
// gateway through the Standard load balancer AKS makes for its Service
// (internal or public), whose back ends are the cluster's nodes.
func (x *Component) EdgeLinks(e *plan.Env) []availability.PathLink {
	nodes := 0
	for _, p := range e.Pools {
		nodes += p.Min
	}
	lb, lbKo := "external", "외부"
	if x.Internal {
		lb, lbKo = "internal", "내부"
	}
	return []availability.PathLink{{Name: "Load Balancer", Config: fmt.Sprintf("Standard (Istio ingress gateway, %s), %d back-end nodes", lb, nodes),
		ConfigKo: fmt.Sprintf("Standard (Istio 인그레스 게이트웨이, %s), 백엔드 노드 %d대", lbKo, nodes), Key: "loadbalancer/Standard",
		Setting: "nodePools", Facts: azure.Facts{ZoneRedundant: len(e.Zones) >= 2, MinInstances: nodes}}}
}
