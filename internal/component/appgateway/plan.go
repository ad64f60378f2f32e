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

// Component is the environment's gateway.
type Component struct {
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
}

// ID implements plan.Component: with AGIC the gateway is the ingress
// controller, the end of every ingress flow.
func (*Component) ID() string { return plan.IngressName }

// Plan implements plan.Kind: the gateway where the environment's ingress
// controller is AGIC.
func (Kind) Plan(c *plan.Context) plan.Component {
	in := plan.Settings[ingress.Settings](c, ingress.Name)
	if in.Controller != ingress.AGIC {
		return nil
	}
	st := plan.Settings[Settings](c, Name)
	base := c.Plan.Name + "-" + c.Env.Name
	gw := &Component{WAF: st.WAF, WAFMode: st.WAFMode, RateLimit: st.RateLimitPerMinute,
		MinCapacity: st.GatewayMinCapacity, MaxCapacity: st.GatewayMaxCapacity, Domain: in.Domain}
	gw.Gateway = c.Name("Application Gateway", naming.ApplicationGateway("agw-"+base))
	gw.PublicIP = c.Name("public IP address", naming.PublicIP("pip-"+gw.Gateway))
	gw.WAFPolicy = c.Name("WAF policy", naming.WAFPolicy("waf"+strings.ReplaceAll(c.Plan.Name, "-", "")+c.Env.Name))
	return gw
}

// EdgeTier implements plan.Edge: the region's entry.
func (*Component) EdgeTier() int { return plan.EdgeRegional }

// SubnetNeeds implements plan.Subnetted: Application Gateway v2 wants a
// /24 of its own.
func (*Component) SubnetNeeds() []plan.SubnetNeed {
	return []plan.SubnetNeed{{Role: subnetRole, Name: "snet-appgw", Required: 251, MinBits: 24,
		Purpose: spec.Text{Ko: "Application Gateway 전용", En: "Application Gateway only"}}}
}

// Place implements plan.Placed: the private frontend takes the subnet's
// 10th address.
func (c *Component) Place(e *plan.Env) {
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
// internet. The component implements it without importing this package.
type Front interface{ ServiceTag() string }

// SecurityRules implements plan.Guarded: the edge reaches the gateway on
// 80 and 443, Azure's GatewayManager its health ports, and the gateway the
// pods on their service ports (AGIC routes to pod IPs).
func (c *Component) SecurityRules(e *plan.Env) []plan.SecurityRule {
	if c.Subnet.CIDR == "" {
		return nil
	}
	edge := "Internet"
	for _, f := range plan.Facets[Front](e) {
		edge = f.ServiceTag()
	}
	out := []plan.SecurityRule{
		{Subnet: subnetRole, Name: "AllowWeb", Direction: "Inbound", Priority: 100, Ports: []string{"80", "443"}, Source: edge, Destination: c.Subnet.CIDR, Access: "Allow"},
		{Subnet: subnetRole, Name: "AllowGatewayManager", Direction: "Inbound", Priority: 110, Ports: []string{"65200-65535"}, Source: "GatewayManager", Destination: "*", Access: "Allow"},
	}
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
func (*Component) FrontDoorOrigin() string { return "azurerm_public_ip.gateway.ip_address" }
