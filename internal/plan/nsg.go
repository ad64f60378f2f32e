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
}

// securityRules derives the NSG rules from the subnets and the flows: the
// edge reaches the gateway, the gateway reaches the pods on their service
// ports (AGIC routes to pod IPs), the pods reach PostgreSQL and the private
// endpoints; each component adds the rules of its own subnets.
func securityRules(e *Env) []SecurityRule {
	var out []SecurityRule
	aks, hasAKS := e.Network.Subnet("aks")
	gw, hasGW := e.Network.Subnet("gateway")
	if hasGW {
		edge := "Internet"
		if fd := e.Settings.Ingress.FrontDoor; fd != "" && fd != "none" {
			edge = "AzureFrontDoor.Backend"
		}
		out = append(out,
			SecurityRule{Subnet: "gateway", Name: "AllowWeb", Direction: "Inbound", Priority: 100, Ports: []string{"80", "443"}, Source: edge, Destination: gw.CIDR, Access: "Allow"},
			SecurityRule{Subnet: "gateway", Name: "AllowGatewayManager", Direction: "Inbound", Priority: 110, Ports: []string{"65200-65535"}, Source: "GatewayManager", Destination: "*", Access: "Allow"},
		)
		if hasAKS {
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
				out = append(out, SecurityRule{Subnet: "aks", Name: "AllowAppGateway", Direction: "Inbound", Priority: 100, Ports: ps, Source: gw.CIDR, Destination: aks.CIDR, Access: "Allow"})
			}
		}
	}
	if !hasAKS {
		return out
	}
	for _, c := range Facets[Guarded](e) {
		out = append(out, c.SecurityRules(e)...)
	}
	if pe, ok := e.Network.Subnet("endpoints"); ok {
		// Only the ports of the endpoints the environment has.
		var ports []string
		seen := map[int]bool{}
		for _, p := range e.PrivateEndpoints {
			for _, n := range p.Ports {
				if !seen[n] {
					seen[n] = true
					ports = append(ports, strconv.Itoa(n))
				}
			}
		}
		out = append(out, SecurityRule{Subnet: "aks", Name: "AllowPrivateEndpoints", Direction: "Outbound", Priority: 110, Ports: ports, Source: aks.CIDR, Destination: pe.CIDR, Access: "Allow"},
			SecurityRule{Subnet: "endpoints", Name: "AllowAKS", Direction: "Inbound", Priority: 100, Ports: ports, Source: aks.CIDR, Destination: pe.CIDR, Access: "Allow"})
	}
	return out
}
