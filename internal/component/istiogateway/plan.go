package istiogateway

import (
	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the Istio ingress gateway block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the environment's Istio ingress gateway.
type Component struct {
	// Internal is the add-on's internal gateway behind the Application
	// Gateway; else its external gateway on a public load balancer.
	Internal bool
	// Domain is the host the gateway answers ("" for any).
	Domain string
	// Gateway names the Istio Gateway (and the VirtualServices).
	Gateway string
	// TLS is HTTPS on the external gateway with the operator's Secret
	// TLSSecret in the gateway's namespace; behind the Application
	// Gateway TLS ends there, and the internal gateway takes HTTP.
	TLS       bool
	TLSSecret string
	// ProbePath is the edge's health path and ProbeService the service
	// that serves it ("" for none).
	ProbePath, ProbeService string
}

// ID implements plan.Component: the gateway is the end of every ingress
// flow.
func (*Component) ID() string { return plan.IngressName }

// Plan implements plan.Kind: the mesh's gateway where the environment
// chose it as its controller.
func (Kind) Plan(c *plan.Context) plan.Component {
	in := plan.Settings[ingress.Settings](c, ingress.Name)
	if in.Controller != ingress.Istio {
		return nil
	}
	gw := plan.Settings[appgateway.Settings](c, appgateway.Name)
	x := &Component{Internal: gw.BehindGateway, Domain: in.Domain, Gateway: c.Plan.Name}
	if asked, _ := appgateway.TLSVault(c.Doc.Spec.Environments[c.Index]); asked && !x.Internal {
		x.TLS, x.TLSSecret = true, c.Plan.Name+"-tls"
	}
	x.ProbePath, x.ProbeService = plan.EdgeProbe(c.Plan.Services)
	return x
}

// EdgeTier implements plan.Edge: the region's entry (behind the
// Application Gateway where it is in front).
func (*Component) EdgeTier() int { return plan.EdgeRegional }

// Service is the add-on's gateway Service requests reach.
func (x *Component) Service() string {
	if x.Internal {
		return InternalService
	}
	return ExternalService
}

// GatewayBackend implements appgateway.Backend: behind the Application
// Gateway, the internal gateway's Service on port 80.
func (x *Component) GatewayBackend() appgateway.BackendService {
	return appgateway.BackendService{Namespace: Namespace, Service: InternalService, Port: 80}
}
