package istiogateway

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/plan"
)

// EdgeLinks implements availability.EdgeLinked: requests reach the
// gateway through the Standard load balancer AKS makes for its Service
// (internal or public), whose back ends are the cluster's nodes.
func (x *Component) EdgeLinks(e *plan.Env) []availability.PathLink {
	lb, lbKo := "external", "외부"
	if x.Internal {
		lb, lbKo = "internal", "내부"
	}
	return []availability.PathLink{ingress.LoadBalancerLink(e, "Istio ingress gateway, "+lb, "Istio 인그레스 게이트웨이, "+lbKo)}
}
