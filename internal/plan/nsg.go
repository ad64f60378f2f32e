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
	// Protocol is Tcp where empty; "*" (any) where Azure documents a rule
	// for every protocol (Bastion's data plane).
	Protocol string
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
	return out
}
