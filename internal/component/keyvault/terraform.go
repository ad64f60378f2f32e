package keyvault

import (
	"sort"

	"github.com/zclconf/go-cty/cty"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/terraform"
)

// ProviderFeatures implements terraform.ProviderFeatured: destroying the
// module leaves the vault soft-deleted (purge protection forbids a purge).
func (*Component) ProviderFeatures(features terraform.Block) {
	features.Child("key_vault").Set("purge_soft_delete_on_destroy", false)
}

// Cluster implements terraform.ClusterAddon: the Secrets Store CSI
// driver's Azure provider, rotating synced secrets.
func (*Component) Cluster(b terraform.Block) {
	b.Child("key_vault_secrets_provider").Set("secret_rotation_enabled", true)
}

// Variables implements terraform.Terraformed.
func (c *Component) Variables(m terraform.Module) {
	m.Variable("key_vault_name", "string", "Key Vault (globally unique, 3-24 characters).", c.Vault)
	if c.Private {
		m.Variable("key_vault_deployer_ip_cidrs", "list(string)", "Public addresses (CIDR, e.g. 203.0.113.7/32) that may reach the otherwise private vault: whoever applies this module from outside the VNet (the certificate import and the secrets are data-plane writes). Empty: no public endpoint.", []string{})
	}
	m.Variable("key_vault_secrets_exist", "bool", "Set to true once every secret in key_vault_secret_names is in the vault: each service's identity is then granted read access to exactly its own secrets (a role assignment on a secret needs the secret).", false)
}

// Terraform implements terraform.Terraformed: the vault (RBAC, purge
// protection, private when the plan says so), the secrets by name (their
// values are set by the operator, never here), and each workload
// identity's read access.
func (c *Component) Terraform(m terraform.Module) {
	e := m.Env()
	b := m.Placed("azurerm_key_vault", "main", "key_vault_name")
	b.Expr("tenant_id", "data.azurerm_client_config.current.tenant_id")
	b.Set("sku_name", "standard")
	b.Set("rbac_authorization_enabled", true)
	b.Set("purge_protection_enabled", true)
	b.Set("soft_delete_retention_days", softDeleteDays)
	if c.Private {
		// Private, except for the addresses the operator names for the
		// first apply: the gateway certificate's import and the secrets'
		// values are data-plane writes, which a private vault refuses
		// (403 ForbiddenByConnection) from any machine outside the VNet.
		// With no address listed the vault has no public endpoint at all.
		b.Expr("public_network_access_enabled", "length(var.key_vault_deployer_ip_cidrs) > 0")
		acl := b.Child("network_acls")
		acl.Set("default_action", "Deny")
		acl.Set("bypass", "AzureServices")
		acl.Expr("ip_rules", "var.key_vault_deployer_ip_cidrs")
	}
	m.Tags(b)
	names := append([]string(nil), e.Secrets...)
	sort.Strings(names)
	grants := map[string]cty.Value{}
	for _, w := range e.Identities {
		for _, s := range w.Secrets {
			grants[w.Service+"/"+s] = cty.ObjectVal(map[string]cty.Value{"service": cty.StringVal(w.Service), "secret": cty.StringVal(s)})
		}
	}
	l := m.Locals()
	l.Set("key_vault_secret_names", names)
	l.Set("workload_secret_grants", terraform.ObjectOrEmpty(grants))

	// The admin groups set the secrets (az keyvault secret set): an RBAC
	// vault gives nobody its data plane, not even the subscription's
	// owner, until a role says so.
	if e.Settings.AKS.EntraRBAC {
		op := m.Resource("azurerm_role_assignment", "key_vault_admins")
		op.Expr("for_each", "toset(var.admin_group_object_ids)")
		op.Expr("scope", "azurerm_key_vault.main.id")
		op.Set("role_definition_name", "Key Vault Secrets Officer")
		op.Expr("principal_id", "each.value")
	}

	// Each service's identity reads exactly the secrets it uses, each
	// granted on the secret itself (Azure RBAC scopes a role assignment
	// to <vault id>/secrets/<name>), never the whole vault.
	ra := m.Resource("azurerm_role_assignment", "workload_secret")
	ra.Expr("for_each", "{ for k, g in local.workload_secret_grants : k => g if var.key_vault_secrets_exist }")
	ra.Expr("scope", `"${azurerm_key_vault.main.id}/secrets/${each.value.secret}"`)
	ra.Set("role_definition_name", "Key Vault Secrets User")
	ra.Expr("principal_id", "azurerm_user_assigned_identity.workload[each.value.service].principal_id")
}

// Outputs implements terraform.Terraformed.
func (*Component) Outputs(m terraform.Module) {
	m.Output("key_vault_name", "azurerm_key_vault.main.name", "Key Vault (SecretProviderClass keyvaultName).")
	m.Output("key_vault_secret_names", "local.key_vault_secret_names", "Secrets to set in Key Vault (az keyvault secret set).")
}

// PrivateLinkTarget implements terraform.Linked.
func (*Component) PrivateLinkTarget(plan.PrivateEndpoint) string { return "azurerm_key_vault.main.id" }

// softDeleteDays is how long a deleted secret (or the vault) stays
// recoverable: Key Vault's longest, 90 days, which purge protection also
// holds to.
const softDeleteDays = 90
