package firewall

import (
	"net/netip"
	"net/url"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the Azure Firewall block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the environment's firewall.
type Component struct {
	Tier string // Standard or Premium
	// Zones are the zones it spans: the environment's, where it has two
	// or more.
	Zones []int
	// Routes: the node subnet's 0.0.0.0/0 goes to the firewall and the
	// cluster's outbound type is userDefinedRouting.
	Routes bool
	// EgressGB is the traffic it processes a month (its per-GB meter).
	EgressGB int
	// Names of the firewall, its policy, public address and route table.
	Firewall, Policy, PublicIP, RouteTable string
	// Region is the cluster's, whose AzureCloud service tag the API
	// server tunnel needs.
	Region string
	// PrivateCluster: the API server is reached through its private
	// endpoint, so the tunnel rules are not needed.
	PrivateCluster bool
	// Subnet is AzureFirewallSubnet once placed; PrivateIP the address
	// Azure gives the firewall, the first it leaves usable (.4).
	Subnet    plan.Subnet
	PrivateIP string
	// Node is the node subnet the route table is associated with.
	Node plan.Subnet
	// Rules are the policy's rules, in the order Terraform writes them.
	Rules []Rule
}

// Rule is one rule of the firewall policy.
type Rule struct {
	Collection string // aks-network or aks-application
	Name       string
	Protocols  []string // UDP, TCP; Http:80, Https:443 for application rules
	// Addresses are service tags (network rules); FQDNs names, FQDNTags
	// Azure's FQDN tags.
	Addresses, FQDNs, FQDNTags []string
	Ports                      []string // network rules
	Why                        string   // what the rule is for, in the documents
	WhyKo                      string   // Why in Korean
}

// Network reports whether the rule is a network rule (else application).
func (r Rule) Network() bool { return r.Collection == collectionNetwork }

// Rule collections and their priorities: network rules are processed
// before application rules in any case.
const (
	collectionNetwork = "aks-network"
	collectionApp     = "aks-application"
)

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Plan implements plan.Kind: the firewall where the environment names a
// tier.
func (Kind) Plan(c *plan.Context) plan.Component {
	st := plan.Settings[Settings](c, Name)
	if !st.On() {
		return nil
	}
	base := c.Plan.Name + "-" + c.Env.Name
	x := &Component{Tier: st.Tier, Routes: st.RouteCluster, EgressGB: st.EgressGBPerMonth, Region: c.Plan.Region,
		PrivateCluster: c.Env.Settings.AKS.PrivateCluster}
	if len(c.Env.Zones) >= 2 {
		x.Zones = append([]int(nil), c.Env.Zones...)
	}
	x.Firewall = c.Name("Azure Firewall", naming.Firewall("afw-"+base))
	x.Policy = c.Name("firewall policy", naming.FirewallPolicy("afwp-"+base))
	x.PublicIP = c.Name("public IP address", naming.PublicIP("pip-"+x.Firewall))
	x.RouteTable = c.Name("route table", naming.RouteTable("rt-aks-"+base))
	x.Rules = rules(c.Plan, x)
	return x
}

// rules are what Microsoft's "Outbound network and FQDN rules for AKS
// clusters" requires, and the external systems the services call:
//   - NTP (UDP 123 to ntp.ubuntu.com; an FQDN in a network rule needs the
//     policy's DNS proxy, which the policy turns on);
//   - the API server's tunnel (UDP 1194, TCP 9000 to AzureCloud.<region>)
//     unless the cluster is private;
//   - Azure Monitor (TCP 443, service tag) for Container Insights;
//   - the Microsoft Container Registry and its data endpoint behind
//     AzureFrontDoor.FirstParty (TCP 443);
//   - the AzureKubernetesService FQDN tag (HTTP 80, HTTPS 443), which
//     holds the rest (management.azure.com, login.microsoftonline.com,
//     packages.microsoft.com, the node image mirrors, ...);
//   - HTTPS to each external system's host.
func rules(pl *plan.Plan, x *Component) []Rule {
	out := []Rule{{Collection: collectionNetwork, Name: "ntp", Protocols: []string{"UDP"}, FQDNs: []string{"ntp.ubuntu.com"}, Ports: []string{"123"},
		Why: "node time (NTP)", WhyKo: "노드 시간 동기화 (NTP)"}}
	if !x.PrivateCluster {
		tag := "AzureCloud." + x.Region
		out = append(out,
			Rule{Collection: collectionNetwork, Name: "apiserver-udp", Protocols: []string{"UDP"}, Addresses: []string{tag}, Ports: []string{"1194"}, Why: "API server tunnel", WhyKo: "API 서버 터널"},
			Rule{Collection: collectionNetwork, Name: "apiserver-tcp", Protocols: []string{"TCP"}, Addresses: []string{tag}, Ports: []string{"9000"}, Why: "API server tunnel", WhyKo: "API 서버 터널"})
	}
	out = append(out,
		Rule{Collection: collectionNetwork, Name: "azure-monitor", Protocols: []string{"TCP"}, Addresses: []string{"AzureMonitor"}, Ports: []string{"443"}, Why: "Container Insights", WhyKo: "Container Insights"},
		Rule{Collection: collectionNetwork, Name: "container-registry", Protocols: []string{"TCP"}, Addresses: []string{"MicrosoftContainerRegistry", "AzureFrontDoor.FirstParty"}, Ports: []string{"443"},
			Why: "Microsoft Container Registry (mcr.microsoft.com and its data endpoint)", WhyKo: "Microsoft Container Registry (mcr.microsoft.com과 데이터 엔드포인트)"},
		Rule{Collection: collectionApp, Name: "aks", Protocols: []string{"Http:80", "Https:443"}, FQDNTags: []string{"AzureKubernetesService"},
			Why: "AKS's required FQDNs (FQDN tag)", WhyKo: "AKS 필수 FQDN (FQDN 태그)"})
	var hosts []string
	seen := map[string]bool{}
	for _, ext := range pl.External {
		if u, err := url.Parse(ext.URL); err == nil && u.Hostname() != "" && !seen[u.Hostname()] {
			seen[u.Hostname()] = true
			hosts = append(hosts, strings.ToLower(u.Hostname()))
		}
	}
	if len(hosts) > 0 {
		out = append(out, Rule{Collection: collectionApp, Name: "external-systems", Protocols: []string{"Https:443"}, FQDNs: hosts, Why: "the services' external systems", WhyKo: "서비스가 호출하는 외부 시스템"})
	}
	return out
}

// OutboundType implements plan.Egress.
func (x *Component) OutboundType() string {
	if x.Routes {
		return "userDefinedRouting"
	}
	return ""
}

// SubnetNeeds implements plan.Subnetted: Azure Firewall requires a /26
// named AzureFirewallSubnet, and refuses an NSG on it.
func (*Component) SubnetNeeds() []plan.SubnetNeed {
	return []plan.SubnetNeed{{Role: subnetRole, Name: subnetName, Required: 1, MinBits: 26, NoNSG: true,
		Purpose: spec.Text{Ko: "Azure Firewall 전용 (NSG 없음, Azure 요구 사항)", En: "Azure Firewall only (no NSG, as Azure requires)"}}}
}

// Place implements plan.Placed: the firewall's private address is the
// first Azure leaves usable in its subnet (.4).
func (x *Component) Place(e *plan.Env) {
	x.Subnet, _ = e.Network.Subnet(subnetRole)
	x.Node, _ = e.Network.Subnet("aks")
	if pfx, err := netip.ParsePrefix(x.Subnet.CIDR); err == nil && pfx.Addr().Is4() {
		a := pfx.Masked().Addr()
		for i := 0; i < 4; i++ {
			a = a.Next()
		}
		x.PrivateIP = a.String()
	}
}
