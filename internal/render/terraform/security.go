package terraform

import (
	"fmt"
	"sort"

	"github.com/zclconf/go-cty/cty"
)

// keyVault writes the vault (RBAC, purge protection, private when the plan
// says so), lets the workloads' identity read secrets, and lists the
// secrets by name: their values are set by the operator, never here.
func (m *module) keyVault() {
	if !m.e.Settings.Security.KeyVault {
		return
	}
	b := m.placed("azurerm_key_vault", "main", "key_vault_name")
	b.expr("tenant_id", "data.azurerm_client_config.current.tenant_id")
	b.set("sku_name", "standard")
	b.set("rbac_authorization_enabled", true)
	b.set("purge_protection_enabled", true)
	b.set("soft_delete_retention_days", 90)
	if m.privateEndpointsOn() {
		b.set("public_network_access_enabled", false)
		acl := b.child("network_acls")
		acl.set("default_action", "Deny")
		acl.set("bypass", "AzureServices")
	}
	m.tags(b)
	names := append([]string(nil), m.e.Secrets...)
	sort.Strings(names)
	grants := map[string]cty.Value{}
	for _, w := range m.e.Identities {
		for _, s := range w.Secrets {
			grants[w.Service+"/"+s] = cty.ObjectVal(map[string]cty.Value{"service": cty.StringVal(w.Service), "secret": cty.StringVal(s)})
		}
	}
	l := m.main.top("locals")
	l.set("key_vault_secret_names", names)
	l.set("workload_secret_grants", objectOrEmpty(grants))

	// Each service's identity reads exactly the secrets it uses, each
	// granted on the secret itself (Azure RBAC scopes a role assignment
	// to <vault id>/secrets/<name>), never the whole vault.
	ra := m.resource("azurerm_role_assignment", "workload_secret")
	ra.expr("for_each", "{ for k, g in local.workload_secret_grants : k => g if var.key_vault_secrets_exist }")
	ra.expr("scope", `"${azurerm_key_vault.main.id}/secrets/${each.value.secret}"`)
	ra.set("role_definition_name", "Key Vault Secrets User")
	ra.expr("principal_id", "azurerm_user_assigned_identity.workload[each.value.service].principal_id")
}

// endpointTarget is the Terraform resource behind each private endpoint.
var endpointTarget = map[string]string{
	"registry": "azurerm_container_registry.main.id",
	"keyvault": "azurerm_key_vault.main.id",
}

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
	zones := map[string]string{}
	for _, pe := range m.e.PrivateEndpoints {
		id, target := pe.Service, endpointTarget[pe.Service]
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
