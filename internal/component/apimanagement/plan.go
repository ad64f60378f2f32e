package apimanagement

import (
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the API Management block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the environment's API Management service.
type Component struct {
	Tier  string
	Units int
	// Zones are the zones a Premium service spreads its units over: the
	// environment's, where it has two or more and the units divide
	// evenly among them (Azure places units evenly); none otherwise.
	Zones []int
	// Internal is VNet injection in internal mode (Developer, Premium):
	// the gateway has only a private address. Standard v2 keeps its
	// public gateway and integrates with the VNet for outbound calls.
	Internal bool
	// Service names the API Management service; PublisherName and
	// PublisherEmail are what Azure requires of it.
	Service, PublisherName, PublisherEmail string
	// PublicIP names the Standard public address a zone-redundant
	// service injected into the VNet needs (Azure requires one, with a
	// DNS label, to spread such a service over zones); "" otherwise.
	PublicIP string
	// Subnet is the gateway's subnet and Backends the subnet the
	// backends' internal load balancers take their addresses from, once
	// placed.
	Subnet, Backends plan.Subnet
	// APIs are the routed services, in spec order.
	APIs []API
}

// API is one routed service as an API with its backend.
type API struct {
	Service string
	Title   spec.Text
	// Path is the API's URL suffix: the route without its slashes ("" for
	// the root route).
	Path, Route string
	Port        int
	// LoadBalancer names the internal load balancer Service in front of
	// the service's pods; IP is its fixed frontend address in the
	// backends subnet, once placed.
	LoadBalancer, IP string
}

// BackendURL is where API Management forwards the API's calls: the load
// balancer's address and the service's port, with the route, since the
// gateway strips the API's path and the service expects it.
func (a API) BackendURL() string {
	u := fmt.Sprintf("http://%s:%d", a.IP, a.Port)
	if a.Path != "" {
		u += "/" + a.Path
	}
	return u
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Plan implements plan.Kind: the service where the environment names a
// tier.
func (Kind) Plan(c *plan.Context) plan.Component {
	st := plan.Settings[Settings](c, Name)
	if !st.On() {
		return nil
	}
	x := &Component{Tier: st.Tier, Units: st.Units, Internal: st.Tier != StandardV2, PublisherEmail: st.PublisherEmail,
		PublisherName: c.Plan.Title.En}
	if x.Units < 1 {
		x.Units = 1
	}
	if x.PublisherName == "" {
		x.PublisherName = c.Plan.Name
	}
	if z := len(c.Env.Zones); x.Tier == Premium && z >= 2 && x.Units >= z && x.Units%z == 0 {
		x.Zones = append([]int(nil), c.Env.Zones...)
	}
	x.Service = c.Name("API Management service", naming.APIManagement("apim-"+c.Plan.Name+"-"+c.Env.Name))
	if x.Internal && len(x.Zones) > 1 {
		x.PublicIP = c.Name("public IP address", naming.PublicIP("pip-"+x.Service))
	}
	for _, sv := range c.Plan.Services {
		if sv.Route == "" {
			continue
		}
		x.APIs = append(x.APIs, API{Service: sv.Name, Title: sv.Title, Route: sv.Route, Path: strings.Trim(sv.Route, "/"), Port: sv.Port,
			LoadBalancer: c.Name("internal load balancer Service", naming.DNS1035Label(sv.Name+"-apim"))})
	}
	return x
}

// EdgeTier implements plan.Edge: behind the region's entry, in front of
// the services.
func (*Component) EdgeTier() int { return plan.EdgeAPI }

// SubnetNeeds implements plan.Subnetted. Internal mode (stv2 platform)
// takes two addresses per unit and one for its internal load balancer;
// Microsoft asks for a /27 at least for room to scale and update. Standard
// v2's integration subnet is delegated to Microsoft.Web/serverFarms, also
// a /27 at least. The backends subnet holds one load balancer frontend per
// API.
func (x *Component) SubnetNeeds() []plan.SubnetNeed {
	gw := plan.SubnetNeed{Role: subnetRole, Name: "snet-apim", Required: 2*x.Units + 1, MinBits: 27,
		Purpose: spec.Text{Ko: "API Management 전용 (내부 VNet 모드)", En: "API Management only (internal VNet mode)"}}
	if !x.Internal {
		gw.Delegation = "Microsoft.Web/serverFarms"
		gw.Purpose = spec.Text{Ko: "API Management VNet 통합 (아웃바운드)", En: "API Management VNet integration (outbound)"}
	}
	return []plan.SubnetNeed{gw, {Role: backendsRole, Name: "snet-apim-backends", Required: len(x.APIs), MinBits: 28,
		Purpose: spec.Text{Ko: "API 백엔드 내부 부하 분산 장치", En: "API backends' internal load balancers"}}}
}

// Place implements plan.Placed: each API's load balancer takes a fixed
// address of the backends subnet, from the first Azure leaves usable
// (.4).
func (x *Component) Place(e *plan.Env) {
	x.Subnet, _ = e.Network.Subnet(subnetRole)
	x.Backends, _ = e.Network.Subnet(backendsRole)
	pfx, err := netip.ParsePrefix(x.Backends.CIDR)
	if err != nil || !pfx.Addr().Is4() {
		return
	}
	a := pfx.Masked().Addr()
	for i := 0; i < 4; i++ {
		a = a.Next()
	}
	for i := range x.APIs {
		x.APIs[i].IP = a.String()
		a = a.Next()
	}
}

// Flows implements plan.Flowing: the gateway calls each routed service
// through its load balancer, so the service's policy admits it.
func (x *Component) Flows(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.Flow {
	for _, a := range x.APIs {
		if a.Service == sv.Name {
			return []plan.Flow{{From: Name, To: sv.Name, Port: sv.Port, Proto: "TCP", Kind: "api"}}
		}
	}
	return nil
}

// ports are the APIs' service ports, ascending and once each.
func (x *Component) ports() []string {
	seen := map[int]bool{}
	var ns []int
	for _, a := range x.APIs {
		if !seen[a.Port] {
			seen[a.Port] = true
			ns = append(ns, a.Port)
		}
	}
	sort.Ints(ns)
	var out []string
	for _, n := range ns {
		out = append(out, strconv.Itoa(n))
	}
	return out
}

// SecurityRules implements plan.Guarded. Internal mode needs what
// Microsoft's "Virtual network configuration reference: API Management"
// lists: the management endpoint (ApiManagement, 3443) and Azure's load
// balancer probe (6390) inbound, and Storage, SQL, Key Vault (443, 1433)
// and Azure Monitor (1886, 443) outbound. VNet integration (Standard v2)
// needs only the outbound Storage and Key Vault rules. Either way the
// gateway reaches the backends' load balancers, and the pods behind them
// admit it (externalTrafficPolicy Local keeps its address).
func (x *Component) SecurityRules(e *plan.Env) []plan.SecurityRule {
	if x.Subnet.CIDR == "" || x.Backends.CIDR == "" {
		return nil
	}
	gw, be := x.Subnet.CIDR, x.Backends.CIDR
	var out []plan.SecurityRule
	rule := func(subnet, name, dir string, prio int, ports []string, src, dst string) {
		out = append(out, plan.SecurityRule{Subnet: subnet, Name: name, Direction: dir, Priority: prio, Ports: ports, Source: src, Destination: dst, Access: "Allow"})
	}
	if x.Internal {
		rule(subnetRole, "AllowApiManagement", "Inbound", 100, []string{"3443"}, "ApiManagement", "VirtualNetwork")
		rule(subnetRole, "AllowAzureLoadBalancer", "Inbound", 110, []string{"6390"}, "AzureLoadBalancer", "VirtualNetwork")
		rule(subnetRole, "AllowVNetClients", "Inbound", 120, []string{"443"}, "VirtualNetwork", gw)
		rule(subnetRole, "AllowStorage", "Outbound", 100, []string{"443"}, "VirtualNetwork", "Storage")
		rule(subnetRole, "AllowSql", "Outbound", 110, []string{"1433"}, "VirtualNetwork", "Sql")
		rule(subnetRole, "AllowKeyVault", "Outbound", 120, []string{"443"}, "VirtualNetwork", "AzureKeyVault")
		rule(subnetRole, "AllowAzureMonitor", "Outbound", 130, []string{"1886", "443"}, "VirtualNetwork", "AzureMonitor")
	} else {
		rule(subnetRole, "AllowStorage", "Outbound", 100, []string{"443"}, "VirtualNetwork", "Storage")
		rule(subnetRole, "AllowKeyVault", "Outbound", 120, []string{"443"}, "VirtualNetwork", "AzureKeyVault")
	}
	ports := x.ports()
	if len(ports) == 0 {
		return out
	}
	rule(subnetRole, "AllowBackends", "Outbound", 140, ports, gw, be)
	rule(backendsRole, "AllowApiManagement", "Inbound", 100, ports, gw, be)
	if aks, ok := e.Network.Subnet("aks"); ok {
		rule("aks", "AllowApiManagement", "Inbound", 130, ports, gw, aks.CIDR)
	}
	return out
}

// Inbound is a component that adds to an API's inbound policy, after
// <base /> and before the backend is set (an identity provider's
// validate-jwt): the policy XML for one service's API, "" for none.
type Inbound interface {
	InboundPolicy(service string) string
}

// PolicyResource is the Terraform address of a service's API policy, for
// the components whose document rows locate their part of it.
func PolicyResource(service string) string {
	return "azurerm_api_management_api_policy." + strings.ReplaceAll(service, "-", "_")
}
