package approuting

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/plan"
)

// EdgeLinks implements availability.EdgeLinked: requests reach NGINX
// through the public Standard load balancer AKS makes for it, whose back
// ends are the cluster's nodes.
func (*Component) EdgeLinks(e *plan.Env) []availability.PathLink {
	return []availability.PathLink{ingress.LoadBalancerLink(e, "application routing NGINX", "애플리케이션 라우팅 NGINX")}
}
