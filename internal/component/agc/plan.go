package agc

import (
	"sort"
	"strconv"

	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the Application Gateway for Containers block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// ControllerNamespace and ControllerServiceAccount are where the ALB
// controller runs, as its Helm chart installs it (Microsoft, "Quickstart:
// Deploy Application Gateway for Containers ALB Controller"); its
// identity's federated credential trusts exactly that ServiceAccount.
const (
	ControllerNamespace      = "azure-alb-system"
	ControllerServiceAccount = "alb-controller-sa"
	// ControllerChart and ControllerVersion pin the chart the document's
	// install command names.
	ControllerChart   = "oci://mcr.microsoft.com/application-lb/charts/alb-controller"
	ControllerVersion = "1.7.9"
)

// GatewayClass is the class the ALB controller serves for a traffic
// controller with a public frontend.
const GatewayClass = "azure-alb-external"

// Component is the environment's Application Gateway for Containers.
type Component struct {
	// LoadBalancer, Frontend and Association name the traffic controller
	// and its children; Identity and Credential the ALB controller's
	// identity and its federated credential.
	LoadBalancer, Frontend, Association string
	Identity, Credential                string
	// Gateway names the Gateway object (in the environment's namespace)
	// and the HTTPRoutes (in each namespace with routes).
	Gateway string
	// Domain is the host the listener and routes answer ("" for any).
	Domain string
	// TLS is an HTTPS listener on 443 with the certificate of the
	// Secret TLSSecret, which the operator creates (Application Gateway
	// for Containers reads certificates from Kubernetes Secrets only);
	// without it the listener is HTTP on 80.
	TLS       bool
	TLSSecret string
	// RateLimit is the per-client limit the edge in front enforces.
	RateLimit int
	// CapacityUnits is the stated hourly use, priced as given.
	CapacityUnits int
	// Subnet is the association subnet once placed.
	Subnet plan.Subnet
	// ProbePath is the path the edge's health probe asks for (GET), and
	// ProbeService the routed service that serves it ("" when no routed
	// service states a health path).
	ProbePath, ProbeService string
}

// ID implements plan.Component: the traffic controller is the end of
// every ingress flow.
func (*Component) ID() string { return plan.IngressName }

// Plan implements plan.Kind: the traffic controller where the
// environment's ingress controller is agc.
func (Kind) Plan(c *plan.Context) plan.Component {
	in := plan.Settings[ingress.Settings](c, ingress.Name)
	if in.Controller != ingress.AGC {
		return nil
	}
	gw := plan.Settings[appgateway.Settings](c, appgateway.Name)
	st := plan.Settings[Settings](c, Name)
	base := c.Plan.Name + "-" + c.Env.Name
	x := &Component{Domain: in.Domain, TLS: gw.EndToEndTLS, RateLimit: gw.RateLimitPerMinute, CapacityUnits: st.CapacityUnits}
	x.LoadBalancer = c.Name("Application Gateway for Containers", naming.TrafficController("agc-"+base))
	x.Frontend = c.Name("Application Gateway for Containers frontend", naming.TrafficControllerChild("fe-"+base))
	x.Association = c.Name("Application Gateway for Containers association", naming.TrafficControllerChild("as-"+base))
	x.Identity = c.Name("user-assigned identity", naming.UserAssignedIdentity("id-alb-controller-"+base))
	x.Credential = c.Name("federated identity credential", naming.FederatedCredential("alb-controller"))
	x.Gateway = c.Name("Gateway object", naming.ObjectName(c.Plan.Name))
	if x.TLS {
		x.TLSSecret = c.Name("TLS Secret", naming.ObjectName(c.Plan.Name+"-tls"))
	}
	x.ProbePath, x.ProbeService = plan.EdgeProbe(c.Plan.Services)
	return x
}

// EdgeTier implements plan.Edge: the region's entry.
func (*Component) EdgeTier() int { return plan.EdgeRegional }

// SubnetNeeds implements plan.Subnetted: the association subnet is
// delegated to Microsoft.ServiceNetworking/trafficControllers and must be
// a /24 at least (Microsoft: 250 addresses; and exactly a /24 to survive
// a move to CNI Overlay, which NW011 checks).
func (*Component) SubnetNeeds() []plan.SubnetNeed {
	return []plan.SubnetNeed{{Role: subnetRole, Name: "snet-agc", Required: 250, MinBits: 24,
		Delegation: Delegation,
		Purpose:    spec.Text{Ko: "Application Gateway for Containers 연결 (위임)", En: "Application Gateway for Containers association (delegated)"}}}
}

// Delegation is the association subnet's delegation.
const Delegation = "Microsoft.ServiceNetworking/trafficControllers"

// Place implements plan.Placed.
func (x *Component) Place(e *plan.Env) { x.Subnet, _ = e.Network.Subnet(subnetRole) }

// placed reports whether the association subnet exists.
func (x *Component) placed() bool { return x.Subnet.CIDR != "" }

// SecurityRules implements plan.Guarded: the traffic controller's proxies
// in the association subnet reach the pods on their service ports (it
// routes to pod IPs), which the node subnet's NSG must admit before its
// final deny.
func (x *Component) SecurityRules(e *plan.Env) []plan.SecurityRule {
	aks, ok := e.Network.Subnet("aks")
	if !x.placed() || !ok {
		return nil
	}
	seen := map[int]bool{}
	var ports []int
	for _, f := range e.FlowsOfKind("ingress") {
		if !seen[f.Port] {
			seen[f.Port] = true
			ports = append(ports, f.Port)
		}
	}
	if len(ports) == 0 {
		return nil
	}
	sort.Ints(ports)
	var ps []string
	for _, p := range ports {
		ps = append(ps, strconv.Itoa(p))
	}
	return []plan.SecurityRule{{Subnet: "aks", Name: "AllowAppGatewayForContainers", Direction: "Inbound", Priority: 100, Ports: ps,
		Source: x.Subnet.CIDR, Destination: aks.CIDR, Access: "Allow"}}
}

// FrontDoorOrigin implements frontdoor.Origin: Front Door forwards to the
// frontend's host name.
func (*Component) FrontDoorOrigin() string {
	return "azurerm_application_load_balancer_frontend.main.fully_qualified_domain_name"
}

// OriginTLS implements frontdoor.Origin.
func (x *Component) OriginTLS() bool { return x.TLS }

// OriginProbePath implements frontdoor.Origin.
func (x *Component) OriginProbePath() string { return x.ProbePath }

// ClientRateLimit implements frontdoor.Origin: Front Door limits each
// client in front of the traffic controller.
func (x *Component) ClientRateLimit() int { return x.RateLimit }

// front is the component in front of the traffic controller (Front
// Door), if any.
func front(e *plan.Env) (appgateway.Front, bool) {
	fs := plan.Facets[appgateway.Front](e)
	if len(fs) == 0 {
		return nil, false
	}
	return fs[0], true
}
