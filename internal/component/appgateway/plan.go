package appgateway

import (
	"net/netip"
	"sort"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the Application Gateway block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// gateway is the environment's Application Gateway, whichever its role:
// the ingress controller itself with AGIC (Component), or in front of
// the cluster's own controller (Fronting).
type gateway struct {
	WAF         bool
	WAFMode     string
	RateLimit   int // requests per minute per client IP; 0 is off
	MinCapacity int
	MaxCapacity int
	// Domain is the host the Ingress answers (the ingress block's).
	Domain string
	// Gateway, PublicIP and WAFPolicy name the resources.
	Gateway, PublicIP, WAFPolicy string
	// Subnet is the gateway's subnet once placed; PrivateIP its private
	// frontend address, the subnet's 10th.
	Subnet    plan.Subnet
	PrivateIP string
	// TLS is end-to-end TLS: the gateway listens on 443 with Certificate,
	// a Key Vault certificate it reads as Identity (a user-assigned
	// identity), under the TLS 1.2 minimum policy SSLPolicy.
	TLS                   bool
	Certificate, Identity string
	// ProbePath is the path the edge's health probe asks for (GET), and
	// ProbeService the routed service that serves it; the Ingress routes
	// that exact path to it. ProbeService is "" when no routed service
	// states a health path: the probe then asks for the first route.
	ProbePath, ProbeService string
	// fronting is the gateway in front of the cluster's own controller
	// (Fronting), not AGIC's.
	fronting bool
}

// SSLPolicy is the gateway's predefined TLS policy: TLS 1.2 at least,
// ECDHE and AES-GCM suites only (Microsoft, "Application Gateway TLS
// policy overview", learn.microsoft.com/azure/application-gateway/
// application-gateway-ssl-policy-overview).
const SSLPolicy = "AppGwSslPolicy20220101"

// Component is the gateway as the ingress controller: AGIC programs it
// from the Ingress objects and it sends to the pods.
type Component struct{ gateway }

// Fronting is the gateway in front of the cluster's own ingress
// controller (ingress.behindGateway): Terraform gives it its listener,
// rule and a backend pool with the controller's private address, and it
// forwards every request there; the controller routes.
type Fronting struct{ gateway }

// ID implements plan.Component: with AGIC the gateway is the ingress
// controller, the end of every ingress flow.
func (*Component) ID() string { return plan.IngressName }

// ID implements plan.Component: in front of the controller the gateway
// is a component of its own; the controller ends the ingress flows.
func (*Fronting) ID() string { return Name }

// id is the component's ID, for the alerts and diagnostics.
func (c *gateway) id() string {
	if c.fronting {
		return Name
	}
	return plan.IngressName
}

// Plan implements plan.Kind: the gateway where the environment's ingress
// controller is AGIC, or in front of the controller where the
// environment puts it behind the gateway.
func (Kind) Plan(c *plan.Context) plan.Component {
	in := plan.Settings[ingress.Settings](c, ingress.Name)
	st := plan.Settings[Settings](c, Name)
	fronting := st.BehindGateway && (in.Controller == ingress.Istio || in.Controller == ingress.AppRouting)
	if in.Controller != ingress.AGIC && !fronting {
		return nil
	}
	base := c.Plan.Name + "-" + c.Env.Name
	gw := &gateway{fronting: fronting, WAF: st.WAF, WAFMode: st.WAFMode, RateLimit: st.RateLimitPerMinute,
		MinCapacity: st.GatewayMinCapacity, MaxCapacity: st.GatewayMaxCapacity, Domain: in.Domain}
	gw.Gateway = c.Name("Application Gateway", naming.ApplicationGateway("agw-"+base))
	gw.PublicIP = c.Name("public IP address", naming.PublicIP("pip-"+gw.Gateway))
	gw.WAFPolicy = c.Name("WAF policy", naming.WAFPolicy("waf"+strings.ReplaceAll(c.Plan.Name, "-", "")+c.Env.Name))
	if asked, vault := TLSVault(c.Doc.Spec.Environments[c.Index]); asked && vault {
		gw.TLS = true
		gw.Certificate = c.Name("Key Vault certificate", naming.KeyVaultSecret("cert-"+gw.Gateway))
		gw.Identity = c.Name("user-assigned identity", naming.UserAssignedIdentity("id-"+gw.Gateway))
	}
	gw.ProbePath, gw.ProbeService = plan.EdgeProbe(c.Plan.Services)
	if fronting {
		return &Fronting{*gw}
	}
	return &Component{*gw}
}

// EdgeTier implements plan.Edge: the region's entry.
func (*gateway) EdgeTier() int { return plan.EdgeRegional }

// SubnetNeeds implements plan.Subnetted: Application Gateway v2 wants a
// /24 of its own.
func (*gateway) SubnetNeeds() []plan.SubnetNeed {
	return []plan.SubnetNeed{{Role: subnetRole, Name: "snet-appgw", Required: 251, MinBits: 24,
		Purpose: spec.Text{Ko: "Application Gateway 전용", En: "Application Gateway only"}}}
}

// Place implements plan.Placed: the private frontend takes the subnet's
// 10th address.
func (c *gateway) Place(e *plan.Env) {
	s, ok := e.Network.Subnet(subnetRole)
	if !ok {
		return
	}
	c.Subnet = s
	if pfx, err := netip.ParsePrefix(s.CIDR); err == nil && pfx.Addr().Is4() {
		b := pfx.Masked().Addr().As4()
		v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3]) + 10
		c.PrivateIP = netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}).String()
	}
}

// Front is a component in front of the gateway (Front Door) whose traffic
// the gateway's NSG admits by its service tag instead of the whole
// internet, and whose requests the gateway's WAF tells from other
// profiles' by the X-Azure-FDID header they carry (FrontID is the
// Terraform reference to the profile's id in that header). A Front also
// limits each client's rate, since only it sees the client's address.
// The component implements it without importing this package.
type Front interface {
	ServiceTag() string
	FrontID() string
}

// front is the component in front of the gateway, if any.
func front(e *plan.Env) (Front, bool) {
	fs := plan.Facets[Front](e)
	if len(fs) == 0 {
		return nil, false
	}
	return fs[0], true
}

// ClientRateLimit implements frontdoor.Origin: the per-client limit the
// edge enforces in front of the gateway.
func (c *gateway) ClientRateLimit() int { return c.RateLimit }

// OriginTLS implements frontdoor.Origin: whether the gateway takes HTTPS
// (for the host name in HostVariable, its certificate's subject).
func (c *gateway) OriginTLS() bool { return c.TLS }

// OriginProbePath implements frontdoor.Origin: the path the edge probes.
func (c *gateway) OriginProbePath() string { return c.ProbePath }

// HostVariable is the Terraform variable holding the public host name:
// Front Door's custom domain and the subject of the gateway's
// certificate (the same name as frontdoor.OriginHost, which Front Door
// reads without importing this package).
const HostVariable = "public_host_name"

// SecurityRules implements plan.Guarded: the edge reaches the gateway on
// 443 (and 80 where the gateway may redirect), Azure's GatewayManager its
// health ports, and the gateway the pods on their service ports (AGIC
// routes to pod IPs).
func (c *gateway) SecurityRules(e *plan.Env) []plan.SecurityRule {
	if c.Subnet.CIDR == "" {
		return nil
	}
	edge := "Internet"
	for _, f := range plan.Facets[Front](e) {
		edge = f.ServiceTag()
	}
	// With end-to-end TLS behind Front Door only 443 is ever used (Front
	// Door forwards HTTPS only); without Front Door users may still type
	// http://, which the gateway redirects.
	web := []string{"80", "443"}
	if _, ok := front(e); ok && c.TLS {
		web = []string{"443"}
	}
	out := []plan.SecurityRule{
		{Subnet: subnetRole, Name: "AllowWeb", Direction: "Inbound", Priority: 100, Ports: web, Source: edge, Destination: c.Subnet.CIDR, Access: "Allow"},
		{Subnet: subnetRole, Name: "AllowGatewayManager", Direction: "Inbound", Priority: 110, Ports: []string{"65200-65535"}, Source: "GatewayManager", Destination: "*", Access: "Allow"},
	}
	out = append(out, c.vaultRule(e)...)
	aks, ok := e.Network.Subnet("aks")
	if !ok {
		return out
	}
	seen := map[int]bool{}
	var ports []int
	for _, f := range e.FlowsOfKind("ingress") {
		if !seen[f.Port] {
			seen[f.Port] = true
			ports = append(ports, f.Port)
		}
	}
	if be, ok := backend(e); ok && c.fronting {
		// In front of the controller the gateway sends to its internal
		// load balancer only, never to the pods.
		ports = []int{be.Port}
	}
	sort.Ints(ports)
	if len(ports) > 0 {
		var ps []string
		for _, p := range ports {
			ps = append(ps, strconv.Itoa(p))
		}
		out = append(out, plan.SecurityRule{Subnet: "aks", Name: "AllowAppGateway", Direction: "Inbound", Priority: 100, Ports: ps, Source: c.Subnet.CIDR, Destination: aks.CIDR, Access: "Allow"})
	}
	return out
}

// FrontDoorOrigin implements frontdoor.Origin: Front Door forwards to the
// gateway's public address.
func (*gateway) FrontDoorOrigin() string { return "azurerm_public_ip.gateway.ip_address" }

// vaultRule lets the gateway reach Key Vault's private endpoint on 443:
// with end-to-end TLS the gateway fetches its certificate from the vault
// as its own identity, and the endpoints subnet's NSG denies every VNet
// source it does not name (DenyVnetInBound), so without this rule the
// gateway never gets its listener certificate.
func (c *gateway) vaultRule(e *plan.Env) []plan.SecurityRule {
	if !c.TLS {
		return nil
	}
	pe, ok := e.Network.Subnet("endpoints")
	if !ok {
		return nil
	}
	for _, p := range e.PrivateEndpoints {
		if p.Subresource == "vault" {
			return []plan.SecurityRule{{Subnet: "endpoints", Name: "AllowAppGatewayKeyVault", Direction: "Inbound", Priority: 110, Ports: []string{strconv.Itoa(plan.PortHTTPS)}, Source: c.Subnet.CIDR, Destination: pe.CIDR, Access: "Allow"}}
		}
	}
	return nil
}
