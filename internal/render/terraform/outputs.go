package terraform

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
)

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
	m.resourceNames()
}

// ResourceNamesOutput maps each planned resource name to the name applied
// (its variable's value), so the fill script carries a -var override of a
// name into the overlays, which were written with the planned names.
const ResourceNamesOutput = "resource_names"

// resourceNames writes the ResourceNamesOutput output: planned name =>
// var.<x>_name, once per planned name (the first variable that has it).
func (m *module) resourceNames() {
	if len(m.names) == 0 {
		return
	}
	var b strings.Builder
	b.WriteString("{\n")
	seen := map[string]bool{}
	for _, n := range m.names {
		if seen[n.planned] {
			continue
		}
		seen[n.planned] = true
		fmt.Fprintf(&b, "%s = var.%s\n", strconv.Quote(n.planned), n.variable)
	}
	b.WriteString("}")
	o := m.outs.top("output", ResourceNamesOutput)
	o.set("description", "Applied name of each resource, by its planned name ("+FillScript+" renames the overlays' planned names to these).")
	o.expr("value", b.String())
}
