package firewall

import (
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/render/terraform"
)

// placed reports whether the plan placed the firewall's subnet.
func (x *Component) placed() bool { return x.Subnet.CIDR != "" }

// nextHop is the Terraform reference to the firewall's private address,
// the route's next hop.
const nextHop = "azurerm_firewall.main.ip_configuration[0].private_ip_address"

// Cluster implements terraform.ClusterAddon: AKS with outbound type
// userDefinedRouting checks at creation that the node subnet has its
// route, and its nodes need the rules to come up, so the cluster waits
// for both.
func (x *Component) Cluster(b terraform.Block) {
	if x.placed() && x.Routes {
		b.Expr("depends_on", "[azurerm_subnet_route_table_association.aks, azurerm_firewall_policy_rule_collection_group.aks]")
	}
}

// Variables implements terraform.Terraformed.
func (x *Component) Variables(m terraform.Module) {
	if !x.placed() {
		return
	}
	m.Variable("firewall_name", "string", "Azure Firewall.", x.Firewall)
	m.Variable("firewall_policy_name", "string", "Azure Firewall policy.", x.Policy)
	if x.Routes {
		m.Variable("route_table_name", "string", "Route table of the node subnet.", x.RouteTable)
	}
}

// Terraform implements terraform.Terraformed: the firewall with its
// public address and policy (DNS proxy on, so network rules may name
// FQDNs), the rule collection group with the plan's rules from the node
// subnet, and, where it routes the cluster, the route table that sends
// the node subnet's 0.0.0.0/0 to the firewall.
func (x *Component) Terraform(m terraform.Module) {
	if !x.placed() {
		return
	}
	ip := m.Resource("azurerm_public_ip", "firewall")
	ip.Set("name", x.PublicIP)
	ip.Expr("location", "azurerm_resource_group.main.location")
	ip.Expr("resource_group_name", "azurerm_resource_group.main.name")
	ip.Set("allocation_method", "Static")
	ip.Set("sku", "Standard")
	if len(x.Zones) > 1 {
		ip.Set("zones", terraform.Zones(x.Zones))
	}
	m.Tags(ip)

	pol := m.Placed("azurerm_firewall_policy", "main", "firewall_policy_name")
	pol.Set("sku", x.Tier)
	pol.Child("dns").Set("proxy_enabled", true)
	m.Tags(pol)

	fw := m.Placed("azurerm_firewall", "main", "firewall_name")
	fw.Set("sku_name", "AZFW_VNet")
	fw.Set("sku_tier", x.Tier)
	fw.Expr("firewall_policy_id", "azurerm_firewall_policy.main.id")
	if len(x.Zones) > 1 {
		fw.Set("zones", terraform.Zones(x.Zones))
	}
	ipc := fw.Child("ip_configuration")
	ipc.Set("name", "firewall")
	ipc.Expr("subnet_id", terraform.SubnetID(subnetRole))
	ipc.Expr("public_ip_address_id", "azurerm_public_ip.firewall.id")
	m.Tags(fw)

	g := m.Resource("azurerm_firewall_policy_rule_collection_group", "aks")
	g.Set("name", "aks-egress")
	g.Expr("firewall_policy_id", "azurerm_firewall_policy.main.id")
	g.Set("priority", 100)
	src := []string{x.Node.CIDR}
	nc := g.Child("network_rule_collection")
	nc.Set("name", collectionNetwork)
	nc.Set("priority", 100)
	nc.Set("action", "Allow")
	ac := g.Child("application_rule_collection")
	ac.Set("name", collectionApp)
	ac.Set("priority", 200)
	ac.Set("action", "Allow")
	for _, r := range x.Rules {
		if r.Network() {
			b := nc.Child("rule")
			b.Set("name", r.Name)
			b.Set("protocols", r.Protocols)
			b.Set("source_addresses", src)
			if len(r.Addresses) > 0 {
				b.Set("destination_addresses", r.Addresses)
			}
			if len(r.FQDNs) > 0 {
				b.Set("destination_fqdns", r.FQDNs)
			}
			b.Set("destination_ports", r.Ports)
			continue
		}
		b := ac.Child("rule")
		b.Set("name", r.Name)
		for _, p := range r.Protocols {
			typ, port, _ := strings.Cut(p, ":")
			n, _ := strconv.Atoi(port)
			pb := b.Child("protocols")
			pb.Set("type", typ)
			pb.Set("port", n)
		}
		b.Set("source_addresses", src)
		if len(r.FQDNTags) > 0 {
			b.Set("destination_fqdn_tags", r.FQDNTags)
		}
		if len(r.FQDNs) > 0 {
			b.Set("destination_fqdns", r.FQDNs)
		}
	}

	if !x.Routes {
		return
	}
	rt := m.Placed("azurerm_route_table", "aks", "route_table_name")
	// Routes learnt over BGP (a VPN or ExpressRoute gateway) must not
	// bypass the firewall.
	rt.Set("bgp_route_propagation_enabled", false)
	r := rt.Child("route")
	r.Set("name", "internet-via-firewall")
	r.Set("address_prefix", "0.0.0.0/0")
	r.Set("next_hop_type", "VirtualAppliance")
	r.Expr("next_hop_in_ip_address", nextHop)
	m.Tags(rt)
	a := m.Resource("azurerm_subnet_route_table_association", "aks")
	a.Expr("subnet_id", terraform.SubnetID("aks"))
	a.Expr("route_table_id", "azurerm_route_table.aks.id")
}

// Outputs implements terraform.Terraformed.
func (x *Component) Outputs(m terraform.Module) {
	if x.placed() {
		m.Output("firewall_private_ip", nextHop, "Azure Firewall's private address, the node subnet's next hop.")
		m.Output("firewall_public_ip", "azurerm_public_ip.firewall.ip_address", "Azure Firewall's public address: what external systems see the cluster's calls come from.")
	}
}
