package check

import (
	"net/netip"

	"github.com/physarch/physarch/internal/plan"
)

func networkRules(r *Registry) {
	r.Add(
		Rule{ID: "NW001", Family: "network", Severity: Error,
			Title:     "Overlapping subnets",
			Rationale: "Azure refuses overlapping subnets in one VNet, and routes to overlapping ranges are ambiguous.",
			Fix:       "Give the pinned network.subnets disjoint CIDRs, or drop the pins and let physarch place them.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					s := e.Network.Subnets
					for i := range s {
						for j := i + 1; j < len(s); j++ {
							a, err1 := netip.ParsePrefix(s[i].CIDR)
							b, err2 := netip.ParsePrefix(s[j].CIDR)
							if err1 == nil && err2 == nil && a.Overlaps(b) {
								out = append(out, at(e, c, "network.subnets", "%s (%s) overlaps %s (%s)", s[i].Name, s[i].CIDR, s[j].Name, s[j].CIDR))
							}
						}
					}
				}
				return out
			}},
		Rule{ID: "NW002", Family: "network", Severity: Error,
			Title:     "Subnet outside the VNet, or service CIDR inside it",
			Rationale: "A subnet must lie inside its VNet; the Kubernetes service CIDR must not overlap any VNet range or pods cannot reach those addresses.",
			Fix:       "Move the subnet inside network.vnetCIDR; choose a network.serviceCIDR outside it.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					vnet, err := netip.ParsePrefix(e.Network.VNet)
					if err != nil {
						continue
					}
					for _, s := range e.Network.Subnets {
						p, err := netip.ParsePrefix(s.CIDR)
						if err == nil && (!vnet.Contains(p.Addr()) || p.Bits() < vnet.Bits()) {
							out = append(out, at(e, c, "network.subnets", "%s (%s) lies outside the VNet %s", s.Name, s.CIDR, e.Network.VNet))
						}
					}
					if svc, err := netip.ParsePrefix(e.Network.ServiceCIDR); err == nil && svc.Overlaps(vnet) {
						out = append(out, at(e, c, "network.serviceCIDR", "service CIDR %s overlaps the VNet %s", e.Network.ServiceCIDR, e.Network.VNet))
					}
				}
				return out
			}},
		Rule{ID: "NW003", Family: "network", Severity: Error,
			Title:     "Database or cache reachable from the internet in production",
			Rationale: "A managed database or cache with a public endpoint is one leaked key away from the internet; private endpoints keep it inside the VNet.",
			Fix:       "Set network.privateEndpoints: true (services with VNet integration, such as a delegated subnet, are private already).",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					for _, p := range plan.Facets[Public](e) {
						if sub, msg := p.PublicEndpoint(e); msg != "" {
							out = append(out, at(e, c, sub, "%s", msg))
						}
					}
				}
				return out
			}},
		Rule{ID: "NW004", Family: "network", Severity: Warning,
			Title:     "Production cluster API server on a public address",
			Rationale: "A public API server is exposed to credential stuffing and to every future Kubernetes API vulnerability.",
			Fix:       "Set aks.privateCluster: true (and reach it through a jump host or VPN).",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					if !e.Settings.AKS.PrivateCluster {
						out = append(out, at(e, c, "aks.privateCluster", "the API server of %s is public", e.Names.Cluster))
					}
				}
				return out
			}},
		Rule{ID: "NW005", Family: "network", Severity: Error,
			Title:     "Network policies not enforced",
			Rationale: "The generated NetworkPolicies (default deny plus the plan's flows) only take effect with a network policy engine.",
			Fix:       "Set aks.networkPolicy to azure, calico or cilium.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range c.Plan.Envs {
					if e.Settings.AKS.NetworkPolicy == "" {
						out = append(out, at(e, c, "aks.networkPolicy", "%s has no network policy engine", e.Name))
					}
				}
				return out
			}},
	)
}
