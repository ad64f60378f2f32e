package frontdoor

import (
	"strings"

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
// (the Application Gateway), given as the Terraform reference to it;
// whether it takes HTTPS (for the public host name, the Terraform
// variable OriginHost), the path it answers health probes on, and the
// per-client rate limit Front Door enforces for it (Front Door sees the
// client's address, the origin only Front Door's). The component
// implements it without importing this package; it is registered before
// Front Door, so it is planned first.
type Origin interface {
	FrontDoorOrigin() string
	OriginTLS() bool
	OriginProbePath() string
	ClientRateLimit() int
}

// OriginHost is the Terraform variable with the public host name, which
// the origin declares when it takes HTTPS.
const OriginHost = "public_host_name"

// Component is the environment's Front Door.
type Component struct {
	Tier string // Standard or Premium
	// Origin is the Terraform reference to the origin's host name; ""
	// where the environment has nothing for Front Door to forward to, and
	// then no Front Door is deployed (Terraform writes none).
	Origin string
	// Profile and Endpoint name the resources, where deployed; WAFPolicy
	// Front Door's own WAF policy.
	Profile, Endpoint, WAFPolicy string
	// TLS is HTTPS to the origin (HttpsOnly forwarding, the certificate's
	// name checked against the public host name, a custom domain with a
	// Front Door managed certificate); ProbePath the origin's health
	// path, asked for with GET; RateLimit the per-client requests per
	// minute (0 is off).
	TLS       bool
	ProbePath string
	RateLimit int
	// Static is the static content route, where a component holds one
	// and Front Door is deployed.
	Static *Static
}

// ManagedRules reports whether Front Door's WAF runs Microsoft's managed
// rule sets: only the Premium tier has them; Standard runs custom rules
// only (Microsoft, "Azure Front Door tier comparison",
// learn.microsoft.com/azure/frontdoor/standard-premium/tier-comparison).
func (c *Component) ManagedRules() bool { return c.Tier == "Premium" }

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
		fd.TLS, fd.ProbePath, fd.RateLimit = o.OriginTLS(), o.OriginProbePath(), o.ClientRateLimit()
	}
	if fd.Origin != "" {
		base := c.Plan.Name + "-" + c.Env.Name
		fd.Profile = c.Name("Front Door profile", naming.FrontDoorProfile("afd-"+base))
		fd.Endpoint = c.Name("Front Door endpoint", naming.FrontDoorEndpoint("fde-"+base))
		fd.WAFPolicy = c.Name("Front Door WAF policy", naming.WAFPolicy("wafd"+strings.ReplaceAll(c.Plan.Name, "-", "")+c.Env.Name))
		for _, o := range plan.Facets[StaticOrigin](c.Env) {
			if s := o.StaticRoute(); s != nil {
				fd.Static = s
			}
		}
	}
	return fd
}

// EdgeTier implements plan.Edge: in front of the region.
func (*Component) EdgeTier() int { return plan.EdgeGlobal }

// ServiceTag implements appgateway.Front: the gateway admits Front Door's
// backends only.
func (*Component) ServiceTag() string { return "AzureFrontDoor.Backend" }

// FrontID implements appgateway.Front: the profile's id, which Front Door
// sends in X-Azure-FDID.
func (*Component) FrontID() string { return "azurerm_cdn_frontdoor_profile.main.resource_guid" }
