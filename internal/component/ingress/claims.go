package ingress

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
)

// SummaryAt implements docs.SummaryLocated: the Ingress objects name the
// controller's class (the controller itself is installed by the user, as
// the README's deploy steps say).
func (c *Component) SummaryAt(_ *plan.Env, key string) []claim.Locator {
	if key != docs.SummaryIngress {
		return nil
	}
	return []claim.Locator{claim.K8s("Ingress", "*", "spec.ingressClassName").Is(c.IngressClass())}
}
