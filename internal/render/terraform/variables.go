package terraform

import (
	"strings"

	"github.com/physarch/physarch/internal/plan"
)

func (m *module) variable(name, typ, desc string, def any) block {
	b := m.vars.top("variable", name)
	b.expr("type", typ)
	b.set("description", desc)
	if def != nil {
		b.set("default", def)
	}
	if planned, ok := def.(string); ok && planned != "" && typ == "string" && strings.HasSuffix(name, "_name") {
		m.names = append(m.names, nameVar{name, planned})
	}
	return b
}

// variables are what differs per deployment; every name defaults to the
// plan's, since globally unique names may be taken.
func (m *module) variables() {
	e, n := m.e, m.e.Names
	sub := m.vars.top("variable", "subscription_id")
	sub.expr("type", "string")
	sub.set("description", "Azure subscription to deploy into; null reads ARM_SUBSCRIPTION_ID.")
	sub.expr("default", "null")
	m.variable("location", "string", "Azure region.", m.pl.Region)
	m.variable("resource_group_name", "string", "Resource group.", n.ResourceGroup)
	m.variable("cluster_name", "string", "AKS cluster.", n.Cluster)
	m.variable("vnet_name", "string", "Virtual network.", n.VNet)
	ids := map[string]string{}
	for _, w := range e.Identities {
		ids[w.Service] = w.Name
	}
	m.variable("workload_identity_names", "map(string)", "User-assigned identity of each service.", ids)
	m.variable("kubernetes_version", "string", "AKS Kubernetes version.", e.Settings.AKS.KubernetesVersion)
	if e.Settings.AKS.EntraRBAC {
		// No default: with local accounts off and Azure RBAC on, a cluster
		// without an admin group is one nobody can operate.
		b := m.vars.top("variable", "admin_group_object_ids")
		b.expr("type", "list(string)")
		b.set("description", "Entra ID groups that administer the cluster (object IDs: az ad group show --group <name> --query id -o tsv).")
		v := b.child("validation")
		v.expr("condition", "length(var.admin_group_object_ids) > 0")
		v.set("error_message", "Name at least one Entra ID group: with local accounts disabled nobody else can reach the cluster.")
	}
	for _, c := range plan.Facets[Terraformed](e) {
		c.Variables(Module{m})
	}
	m.variable("image_tag", "string", "Tag of the service images the overlays deploy.", "set-image-tag")
	m.variable("tags", "map(string)", "Tags on every resource.", map[string]string{"system": m.pl.Name, "environment": e.Name, "managed-by": "physarch"})
}
