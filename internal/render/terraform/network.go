package terraform

import "github.com/physarch/physarch/internal/plan"

// network writes the VNet, the plan's subnets (with delegations) and one
// NSG per subnet holding the plan's security rules, except where the plan
// gives a subnet none.
func (m *module) network() {
	e := m.e
	v := m.placed("azurerm_virtual_network", "main", "vnet_name")
	v.set("address_space", []string{e.Network.VNet})
	m.tags(v)
	for _, s := range e.Network.Subnets {
		id := ident(s.Role)
		b := m.resource("azurerm_subnet", id)
		b.set("name", s.Name)
		b.expr("resource_group_name", "azurerm_resource_group.main.name")
		b.expr("virtual_network_name", "azurerm_virtual_network.main.name")
		b.set("address_prefixes", []string{s.CIDR})
		if s.DefaultOutbound {
			b.set("default_outbound_access_enabled", true)
		}
		if s.Delegation != "" {
			d := b.child("delegation")
			d.set("name", "delegation")
			sd := d.child("service_delegation")
			sd.set("name", s.Delegation)
			sd.set("actions", []string{"Microsoft.Network/virtualNetworks/subnets/join/action"})
		}
		if s.Role == "endpoints" {
			// Without it Azure does not apply the subnet's NSG to the
			// private endpoints' traffic, and the rules below would say
			// what nothing enforces.
			b.set("private_endpoint_network_policies", "NetworkSecurityGroupEnabled")
		}
		if s.NSG == "" {
			continue // Azure refuses an NSG on this subnet (AzureFirewallSubnet)
		}
		nsg := m.resource("azurerm_network_security_group", id)
		nsg.set("name", s.NSG)
		nsg.expr("location", "azurerm_resource_group.main.location")
		nsg.expr("resource_group_name", "azurerm_resource_group.main.name")
		for _, r := range e.SecurityRules {
			if r.Subnet == s.Role {
				securityRule(nsg, r)
			}
		}
		m.tags(nsg)
		a := m.resource("azurerm_subnet_network_security_group_association", id)
		a.expr("subnet_id", "azurerm_subnet."+id+".id")
		a.expr("network_security_group_id", "azurerm_network_security_group."+id+".id")
	}
}

func securityRule(nsg block, r plan.SecurityRule) {
	b := nsg.child("security_rule")
	b.set("name", r.Name)
	b.set("priority", r.Priority)
	b.set("direction", r.Direction)
	b.set("access", r.Access)
	proto := r.Protocol
	if proto == "" {
		proto = "Tcp"
	}
	b.set("protocol", proto)
	b.set("source_port_range", "*")
	if len(r.Ports) == 1 && r.Ports[0] == "*" {
		// Every port: Azure takes "*" as a range, not in a list of them.
		b.set("destination_port_range", "*")
	} else {
		b.set("destination_port_ranges", r.Ports)
	}
	b.set("source_address_prefix", r.Source)
	b.set("destination_address_prefix", r.Destination)
}

// privateDNSZone writes a private DNS zone linked to the VNet, so names
// of private endpoints and VNet-integrated servers resolve inside it. The
// zone and its link are both named id in Terraform.
func (m *module) privateDNSZone(id, zone string) {
	z := m.resource("azurerm_private_dns_zone", id)
	z.set("name", zone)
	z.expr("resource_group_name", "azurerm_resource_group.main.name")
	m.tags(z)
	l := m.resource("azurerm_private_dns_zone_virtual_network_link", id)
	l.set("name", id)
	l.expr("private_dns_zone_id", "azurerm_private_dns_zone."+id+".id")
	l.expr("virtual_network_id", "azurerm_virtual_network.main.id")
}
