package approuting

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// EdgeLinks implements availability.EdgeLinked: requests reach NGINX
// through the public Standard load balancer AKS makes for it, whose back
// ends are the cluster's nodes.
func (*Component) EdgeLinks(e *plan.Env) []availability.PathLink {
	nodes := 0
	for _, p := range e.Pools {
		nodes += p.Min
	}
	return []availability.PathLink{{Name: "Load Balancer", Config: fmt.Sprintf("Standard (application routing NGINX), %d back-end nodes", nodes),
		ConfigKo: fmt.Sprintf("Standard (애플리케이션 라우팅 NGINX), 백엔드 노드 %d대", nodes), Key: "loadbalancer/Standard",
		Setting: "nodePools", Facts: azure.Facts{ZoneRedundant: len(e.Zones) >= 2, MinInstances: nodes}}}
}
