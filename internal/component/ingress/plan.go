package ingress

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Namespace is where the NGINX ingress controller runs.
const Namespace = "ingress-nginx"

// Kind is the NGINX ingress block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the NGINX ingress controller of one environment.
type Component struct {
	// Domain is the host the Ingress answers ("" for any).
	Domain string
}

// ID implements plan.Component: the controller is the end of every
// ingress flow.
func (*Component) ID() string { return plan.IngressName }

// Plan implements plan.Kind: the NGINX ingress where the environment
// chose it.
func (Kind) Plan(c *plan.Context) plan.Component {
	st := plan.Settings[Settings](c, Name)
	if st.Controller != NGINX {
		return nil
	}
	return &Component{Domain: st.Domain}
}

// EdgeTier implements plan.Edge: the region's entry.
func (*Component) EdgeTier() int { return plan.EdgeRegional }
