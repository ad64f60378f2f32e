package plan

import (
	"sort"
	"strconv"
)

// SecurityRule is one NSG rule. The prod document's NSG table and the
// Terraform network security groups are both written from this list.
type SecurityRule struct {
	Subnet      string // role of the subnet whose NSG holds the rule
	Name        string
	Direction   string // Inbound or Outbound
	Priority    int
	Ports       []string
	Source      string // CIDR or service tag
	Destination string
	Access      string
	// Protocol is Tcp when empty; "*" (any) for the closing rules, which
	// judge every protocol, and where Azure documents a rule for every
	// protocol (Bastion's data plane).
	Protocol string
}

// The closing rules every subnet's NSG ends with. Azure's default
// AllowVnetInBound (65000) lets any address of the VNet reach any port,
// which would make the allows above decorative; DenyVnetInBound closes it
// at the last custom priority, after every allow. What must still pass
// is allowed just before it: the subnet's own addresses (AKS nodes and
// pods talk to each other, Flexible Server's HA pair replicates, gateway
// instances sync) and Azure Load Balancer's health probes, which come
// from 168.63.129.16, an address the VirtualNetwork tag includes.
const (
	PriorityAllowSubnet       = 4000
	PriorityAllowLoadBalancer = 4010
	PriorityDenyVnet          = 4096
)

// closingRules end one subnet's NSG (see the constants above).
func closingRules(s Subnet) []SecurityRule {
	return []SecurityRule{
		{Subnet: s.Role, Name: "AllowSubnetInBound", Direction: "Inbound", Priority: PriorityAllowSubnet, Ports: []string{"*"}, Source: s.CIDR, Destination: s.CIDR, Access: "Allow", Protocol: "*"},
		{Subnet: s.Role, Name: "AllowAzureLoadBalancerInBound", Direction: "Inbound", Priority: PriorityAllowLoadBalancer, Ports: []string{"*"}, Source: "AzureLoadBalancer", Destination: "*", Access: "Allow", Protocol: "*"},
		{Subnet: s.Role, Name: "DenyVnetInBound", Direction: "Inbound", Priority: PriorityDenyVnet, Ports: []string{"*"}, Source: "VirtualNetwork", Destination: "*", Access: "Deny", Protocol: "*"},
	}
}

// securityRules derives the NSG rules from the subnets and the flows: each
// component adds the rules of its own subnets (the edge reaches the
// gateway, the gateway the pods, the pods PostgreSQL), and the pods reach
// the private endpoints.
func securityRules(e *Env) []SecurityRule {
	var out []SecurityRule
	aks, hasAKS := e.Network.Subnet("aks")
	if !hasAKS {
		return out
	}
	for _, c := range Facets[Guarded](e) {
		out = append(out, c.SecurityRules(e)...)
	}
	if pe, ok := e.Network.Subnet("endpoints"); ok {
		// Only the ports of the endpoints the environment has.
		var nums []int
		seen := map[int]bool{}
		for _, p := range e.PrivateEndpoints {
			for _, n := range p.Ports {
				if !seen[n] {
					seen[n] = true
					nums = append(nums, n)
				}
			}
		}
		sort.Ints(nums)
		var ports []string
		for _, n := range nums {
			ports = append(ports, strconv.Itoa(n))
		}
		out = append(out, SecurityRule{Subnet: "aks", Name: "AllowPrivateEndpoints", Direction: "Outbound", Priority: 110, Ports: ports, Source: aks.CIDR, Destination: pe.CIDR, Access: "Allow"},
			SecurityRule{Subnet: "endpoints", Name: "AllowAKS", Direction: "Inbound", Priority: 100, Ports: ports, Source: aks.CIDR, Destination: pe.CIDR, Access: "Allow"})
	}
	for _, s := range e.Network.Subnets {
		if s.NSG == "" {
			continue // no NSG to close (AzureFirewallSubnet)
		}
		out = append(out, closingRules(s)...)
	}
	return out
}
