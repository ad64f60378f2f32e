package terraform

import "fmt"

// privateEndpoints puts each managed service on the endpoints subnet with
// a private DNS zone linked to the VNet.
func (m *module) privateEndpoints() {
	// The plan lists endpoints only where the environment uses them.
	if _, ok := m.e.Network.Subnet("endpoints"); !ok {
		return
	}
	// Service Bus and Event Hubs share privatelink.servicebus.windows.net:
	// one zone per name in the resource group, or the second would fail
	// to create.
	// Two endpoints in one zone (Blob Storage's blob and blob_secondary)
	// share it the same way: each endpoint has its own zone group (azurerm
	// allows one per endpoint) naming the zone once, and Azure writes each
	// endpoint's own records (account, account-secondary) into it.
	zones := map[string]string{}
	for _, pe := range m.e.PrivateEndpoints {
		// The handle is the component for its first endpoint, as it
		// always was, and adds the key for a further one.
		id, target := m.uniqueIdent("azurerm_private_endpoint", pe.Handle), ""
		if c, ok := m.e.Component(pe.Service); ok {
			if l, ok := c.(Linked); ok {
				target = l.PrivateLinkTarget(pe)
			}
		}
		if target == "" {
			m.err = fmt.Errorf("private endpoint for %s: no Terraform resource", pe.Service)
			return
		}
		zone, seen := zones[pe.DNSZone]
		if !seen {
			zone = id
			zones[pe.DNSZone] = id
			m.privateDNSZone(id, pe.DNSZone)
		}
		p := m.resource("azurerm_private_endpoint", id)
		p.set("name", pe.Name)
		p.expr("location", "azurerm_resource_group.main.location")
		p.expr("resource_group_name", "azurerm_resource_group.main.name")
		p.expr("subnet_id", "azurerm_subnet.endpoints.id")
		c := p.child("private_service_connection")
		c.set("name", id)
		c.expr("private_connection_resource_id", target)
		c.set("subresource_names", []string{pe.Subresource})
		c.set("is_manual_connection", false)
		g := p.child("private_dns_zone_group")
		g.set("name", "default")
		g.expr("private_dns_zone_ids", "[azurerm_private_dns_zone."+zone+".id]")
		m.tags(p)
	}
}
