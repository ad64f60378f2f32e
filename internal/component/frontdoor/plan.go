package frontdoor

import (
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the Front Door block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Origin is what Front Door forwards to: a component with a public address
// (the Application Gateway), given as the Terraform reference to it. The
// component implements it without importing this package; it is
// registered before Front Door, so it is planned first.
type Origin interface{ FrontDoorOrigin() string }

// Component is the environment's Front Door.
type Component struct {
	Tier string // Standard or Premium
	// Origin is the Terraform reference to the origin's host name; ""
	// where the environment has nothing for Front Door to forward to, and
	// then no Front Door is deployed (Terraform writes none).
	Origin string
	// Profile and Endpoint name the resources, where deployed.
	Profile, Endpoint string
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Plan implements plan.Kind.
func (Kind) Plan(c *plan.Context) plan.Component {
	st := plan.Settings[Settings](c, Name)
	if st.FrontDoor == "" || st.FrontDoor == "none" {
		return nil
	}
	fd := &Component{Tier: st.FrontDoor}
	for _, o := range plan.Facets[Origin](c.Env) {
		fd.Origin = o.FrontDoorOrigin()
	}
	if fd.Origin != "" {
		base := c.Plan.Name + "-" + c.Env.Name
		fd.Profile = c.Name("Front Door profile", naming.FrontDoorProfile("afd-"+base))
		fd.Endpoint = c.Name("Front Door endpoint", naming.FrontDoorEndpoint("fde-"+base))
	}
	return fd
}

// EdgeTier implements plan.Edge: in front of the region.
func (*Component) EdgeTier() int { return plan.EdgeGlobal }

// ServiceTag implements appgateway.Front: the gateway admits Front Door's
// backends only.
func (*Component) ServiceTag() string { return "AzureFrontDoor.Backend" }
