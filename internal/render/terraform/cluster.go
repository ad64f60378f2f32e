package terraform

import (
	"fmt"

	"github.com/zclconf/go-cty/cty"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// identity writes one user-assigned identity per service, each with one
// federated credential for the service's ServiceAccount (AKS workload
// identity): Azure allows 20 credentials per identity, and a service's
// identity reads only that service's secrets.
func (m *module) identity() {
	id := m.resource("azurerm_user_assigned_identity", "workload")
	id.expr("for_each", "var.workload_identity_names")
	id.expr("name", "each.value")
	id.expr("location", "azurerm_resource_group.main.location")
	id.expr("resource_group_name", "azurerm_resource_group.main.name")
	m.tags(id)

	creds := map[string]cty.Value{}
	for _, w := range m.e.Identities {
		creds[w.Service] = cty.ObjectVal(map[string]cty.Value{
			"name":    cty.StringVal(w.Credential),
			"subject": cty.StringVal(fmt.Sprintf("system:serviceaccount:%s:%s", m.e.NamespaceOf(w.Service), w.ServiceAccount)),
		})
	}
	m.main.top("locals").set("workload_federated_credentials", objectOrEmpty(creds))
	f := m.resource("azurerm_federated_identity_credential", "workload")
	f.expr("for_each", "local.workload_federated_credentials")
	f.expr("name", "each.value.name")
	f.expr("user_assigned_identity_id", "azurerm_user_assigned_identity.workload[each.key].id")
	f.set("audience", []string{"api://AzureADTokenExchange"})
	f.expr("issuer", "azurerm_kubernetes_cluster.main.oidc_issuer_url")
	f.expr("subject", "each.value.subject")
	m.kedaCredentials()
}

// kedaCredentials federate each worker's identity with KEDA's operator
// too, so that the TriggerAuthentication (podIdentity azure-workload,
// identityId: the worker's) lets KEDA read the worker's backlog as the
// worker. Azure refuses concurrent credential writes on one identity,
// hence the dependency on the workloads' credentials.
func (m *module) kedaCredentials() {
	creds := map[string]cty.Value{}
	for _, w := range m.e.Identities {
		if w.KEDACredential != "" {
			creds[w.Service] = cty.ObjectVal(map[string]cty.Value{"name": cty.StringVal(w.KEDACredential)})
		}
	}
	if len(creds) == 0 {
		return
	}
	m.main.top("locals").set("keda_federated_credentials", cty.ObjectVal(creds))
	f := m.resource("azurerm_federated_identity_credential", "keda")
	f.expr("for_each", "local.keda_federated_credentials")
	f.expr("name", "each.value.name")
	f.expr("user_assigned_identity_id", "azurerm_user_assigned_identity.workload[each.key].id")
	f.set("audience", []string{"api://AzureADTokenExchange"})
	f.expr("issuer", "azurerm_kubernetes_cluster.main.oidc_issuer_url")
	f.set("subject", plan.KEDAOperator)
	f.expr("depends_on", "[azurerm_federated_identity_credential.workload]")
}

// kedaOn reports whether the environment runs workers, which KEDA scales.
func (m *module) kedaOn() bool {
	for _, w := range m.e.Workloads {
		if w.Kind == spec.WorkloadWorker {
			return true
		}
	}
	return false
}

// objectOrEmpty is an HCL object of the values (an empty one when there
// are none).
func objectOrEmpty(vals map[string]cty.Value) cty.Value {
	if len(vals) == 0 {
		return cty.EmptyObjectVal
	}
	return cty.ObjectVal(vals)
}

// cluster writes AKS with the plan's tier, network and pools.
func (m *module) cluster() {
	e, se := m.e, m.e.Settings
	b := m.placed("azurerm_kubernetes_cluster", "main", "cluster_name")
	if e.Names.DNSPrefix == e.Names.Cluster {
		b.expr("dns_prefix", "var.cluster_name")
	} else {
		// The cluster's name is longer than a DNS prefix may be.
		b.set("dns_prefix", e.Names.DNSPrefix)
	}
	b.expr("kubernetes_version", "var.kubernetes_version")
	b.set("sku_tier", se.AKS.Tier)
	b.set("private_cluster_enabled", se.AKS.PrivateCluster)
	b.set("oidc_issuer_enabled", true)
	b.set("workload_identity_enabled", true)
	if se.AKS.EntraRBAC {
		b.set("local_account_disabled", true)
	}
	if sys := e.Pool("system"); sys != nil {
		p := b.child("default_node_pool")
		p.set("name", sys.Name)
		p.set("temporary_name_for_rotation", sys.Name+"tmp")
		pool(p, sys, e)
		p.set("only_critical_addons_enabled", true)
	}
	// Node pools are the plan's (Manual), not node auto-provisioning.
	b.child("node_provisioning_profile").set("mode", "Manual")
	b.child("identity").set("type", "SystemAssigned")
	n := b.child("network_profile")
	n.set("network_plugin", se.AKS.NetworkPlugin)
	n.set("network_policy", se.AKS.NetworkPolicy)
	n.set("service_cidr", e.Network.ServiceCIDR)
	n.set("dns_service_ip", e.Network.DNSServiceIP)
	n.set("load_balancer_sku", "standard")
	// A component that takes the cluster's egress (a firewall) sets the
	// outbound type; it writes the route table that makes it true.
	for _, g := range plan.Facets[plan.Egress](e) {
		if t := g.OutboundType(); t != "" {
			n.set("outbound_type", t)
		}
	}
	if se.AKS.EntraRBAC {
		r := b.child("azure_active_directory_role_based_access_control")
		r.expr("tenant_id", "data.azurerm_client_config.current.tenant_id")
		r.expr("admin_group_object_ids", "var.admin_group_object_ids")
		r.set("azure_rbac_enabled", true)
	}
	for _, c := range plan.Facets[ClusterAddon](e) {
		c.Cluster(b)
	}
	if m.kedaOn() {
		// The AKS KEDA add-on: KEDA scales the workers (ScaledObjects).
		b.child("workload_autoscaler_profile").set("keda_enabled", true)
	}
	m.tags(b)

	if se.AKS.EntraRBAC {
		m.adminRoles()
	}

	if apps := e.Pool("apps"); apps != nil {
		m.userPool(apps)
	}
	// The dedicated pools, in the plan's order (by name).
	for i := range e.Pools {
		if np := &e.Pools[i]; np.Dedicated {
			m.userPool(np)
		}
	}
}

// userPool writes a user pool (apps, or a dedicated one) of the cluster:
// its size, Spot priority and taints.
func (m *module) userPool(np *plan.NodePool) {
	p := m.resource("azurerm_kubernetes_cluster_node_pool", m.uniqueIdent("azurerm_kubernetes_cluster_node_pool", np.Name))
	p.set("name", np.Name)
	p.expr("kubernetes_cluster_id", "azurerm_kubernetes_cluster.main.id")
	p.set("mode", np.Mode)
	pool(p, np, m.e)
	if np.Spot {
		p.set("priority", "Spot")
		p.set("eviction_policy", "Delete")
		p.set("spot_max_price", -1)
	}
	if len(np.Taints) > 0 {
		p.set("node_taints", np.Taints)
	}
	m.tags(p)
}

// pool writes what every pool shares; a dedicated pool's own labels join
// physarch.dev/pool.
func pool(p block, np *plan.NodePool, e *plan.Env) {
	p.set("vm_size", np.VMSize)
	p.expr("vnet_subnet_id", "azurerm_subnet.aks.id")
	p.set("max_pods", np.MaxPods)
	p.set("os_disk_size_gb", np.OSDiskGB)
	if zs := e.Pinned(np.Zones); len(zs) > 0 {
		p.set("zones", zones(zs))
	}
	if np.Autoscale {
		p.set("auto_scaling_enabled", true)
		p.set("min_count", np.Min)
		p.set("max_count", np.Max)
	} else {
		p.set("auto_scaling_enabled", false)
		p.set("node_count", np.Min)
	}
	labels := map[string]string{"physarch.dev/pool": np.Name}
	for k, v := range np.Labels {
		labels[k] = v
	}
	p.set("node_labels", labels)
	if !np.Spot {
		// The surge the subnet is sized for (plan.NodePool.SurgeNodes);
		// AKS refuses max_surge on a Spot pool.
		p.child("upgrade_settings").set("max_surge", fmt.Sprintf("%d%%", plan.MaxSurgePercent))
	}
}

// adminRoles give the admin groups the cluster under Azure RBAC: with
// local accounts off, Azure RBAC Cluster Admin is what authorises their
// kubectl (admin_group_object_ids alone binds nothing Azure RBAC reads),
// and Cluster User Role what lets az aks get-credentials download the
// kubeconfig.
func (m *module) adminRoles() {
	for _, r := range []struct{ name, role string }{
		{"cluster_admin", "Azure Kubernetes Service RBAC Cluster Admin"},
		{"cluster_user", "Azure Kubernetes Service Cluster User Role"},
	} {
		ra := m.resource("azurerm_role_assignment", r.name)
		ra.expr("for_each", "toset(var.admin_group_object_ids)")
		ra.expr("scope", "azurerm_kubernetes_cluster.main.id")
		ra.set("role_definition_name", r.role)
		ra.expr("principal_id", "each.value")
	}
}
