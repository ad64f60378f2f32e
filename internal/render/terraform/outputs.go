package terraform

import "github.com/physarch/physarch/internal/plan"

// outputs are what the next step needs: kubectl credentials, the values
// the Kubernetes overlays leave as SET-FROM-TERRAFORM-OUTPUT-<name>, hosts.
func (m *module) outputs() {
	out := func(name, expr, desc string) {
		b := m.outs.top("output", name)
		b.set("description", desc)
		b.expr("value", expr)
	}
	e := m.e
	out("resource_group_name", "azurerm_resource_group.main.name", "Resource group.")
	out("cluster_name", "azurerm_kubernetes_cluster.main.name", "AKS cluster (az aks get-credentials).")
	out("oidc_issuer_url", "azurerm_kubernetes_cluster.main.oidc_issuer_url", "OIDC issuer for workload identity.")
	out("tenant_id", "data.azurerm_client_config.current.tenant_id", "Entra tenant (SecretProviderClass tenantId).")
	out("workload_identity_client_ids", "{ for s, id in azurerm_user_assigned_identity.workload : s => id.client_id }", "Client ID of each service's identity, by service (its ServiceAccount and SecretProviderClass take it).")
	for _, c := range plan.Facets[Terraformed](e) {
		c.Outputs(Module{m})
	}
}
