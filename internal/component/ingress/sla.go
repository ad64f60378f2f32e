package ingress

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// EdgeLinks implements availability.EdgeLinked: requests reach NGINX
// through the cluster's Standard load balancer.
func (*Component) EdgeLinks(_ *plan.Env) []availability.PathLink {
	return []availability.PathLink{{Name: "Load Balancer", Config: "Standard (NGINX ingress)", Key: "loadbalancer/Standard"}}
}
