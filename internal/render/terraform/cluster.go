package terraform

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
)

// identity writes the workloads' user-assigned identity and one federated
// credential per service account (AKS workload identity).
func (m *module) identity() {
	id := m.placed("azurerm_user_assigned_identity", "workloads", "workload_identity_name")
	m.tags(id)
	for _, sv := range m.pl.Services {
		f := m.resource("azurerm_federated_identity_credential", ident(sv.Name))
		f.set("name", sv.Name)
		f.expr("user_assigned_identity_id", "azurerm_user_assigned_identity.workloads.id")
		f.set("audience", []string{"api://AzureADTokenExchange"})
		f.expr("issuer", "azurerm_kubernetes_cluster.main.oidc_issuer_url")
		f.set("subject", fmt.Sprintf("system:serviceaccount:%s:%s", m.e.Namespace, sv.Name))
	}
}

// cluster writes AKS with the plan's tier, network and pools.
func (m *module) cluster() {
	e, se := m.e, m.e.Settings
	b := m.placed("azurerm_kubernetes_cluster", "main", "cluster_name")
	b.expr("dns_prefix", "var.cluster_name")
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
		pool(p, sys)
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
	if se.AKS.EntraRBAC {
		r := b.child("azure_active_directory_role_based_access_control")
		r.expr("tenant_id", "data.azurerm_client_config.current.tenant_id")
		r.expr("admin_group_object_ids", "var.admin_group_object_ids")
		r.set("azure_rbac_enabled", true)
	}
	if se.Monitoring.LogAnalytics {
		b.child("oms_agent").expr("log_analytics_workspace_id", "azurerm_log_analytics_workspace.main.id")
	}
	if se.Security.KeyVault {
		b.child("key_vault_secrets_provider").set("secret_rotation_enabled", true)
	}
	if m.gatewayOn() {
		b.child("ingress_application_gateway").expr("gateway_id", "azurerm_application_gateway.main.id")
	}
	m.tags(b)

	if apps := e.Pool("apps"); apps != nil {
		p := m.resource("azurerm_kubernetes_cluster_node_pool", "apps")
		p.set("name", apps.Name)
		p.expr("kubernetes_cluster_id", "azurerm_kubernetes_cluster.main.id")
		p.set("mode", apps.Mode)
		pool(p, apps)
		if apps.Spot {
			p.set("priority", "Spot")
			p.set("eviction_policy", "Delete")
			p.set("spot_max_price", -1)
		}
		if len(apps.Taints) > 0 {
			p.set("node_taints", apps.Taints)
		}
		m.tags(p)
	}

	// The kubelet pulls images from the registry.
	ra := m.resource("azurerm_role_assignment", "kubelet_acr_pull")
	ra.expr("scope", "azurerm_container_registry.main.id")
	ra.set("role_definition_name", "AcrPull")
	ra.expr("principal_id", "azurerm_kubernetes_cluster.main.kubelet_identity[0].object_id")
}

// pool writes what the system and the apps pool share.
func pool(p block, np *plan.NodePool) {
	p.set("vm_size", np.VMSize)
	p.expr("vnet_subnet_id", "azurerm_subnet.aks.id")
	p.set("max_pods", np.MaxPods)
	p.set("os_disk_size_gb", np.OSDiskGB)
	p.set("zones", zones(np.Zones))
	if np.Autoscale {
		p.set("auto_scaling_enabled", true)
		p.set("min_count", np.Min)
		p.set("max_count", np.Max)
	} else {
		p.set("auto_scaling_enabled", false)
		p.set("node_count", np.Min)
	}
	p.set("node_labels", map[string]string{"physarch.dev/pool": np.Name})
}
