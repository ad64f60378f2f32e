package keyvault

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// SecretStore implements docs.SecretStored: the vault's settings (7.4.1).
func (*Component) SecretStore(d *md.Doc, e *plan.Env, s *docs.Sections) {
	s.Next(d.T("Azure Key Vault 구성", "Azure Key Vault"))
	access := []claim.Locator{claim.TF("azurerm_key_vault.main", "rbac_authorization_enabled").Is("true"), claim.TF("azurerm_kubernetes_cluster.main", "key_vault_secrets_provider")}
	if len(e.Secrets) > 0 {
		// a SecretProviderClass only where some workload reads a secret
		access = append(access, claim.K8s("SecretProviderClass", "*", "spec.provider").Is("azure"))
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"),
		docs.Row(d, "keyvault.tier", d.T("계층", "Tier"), "Standard", claim.TF("azurerm_key_vault.main", "sku_name").Is("standard")),
		docs.Row(d, "keyvault.access", d.T("접근", "Access"), d.T("Azure RBAC + Secrets Store CSI Driver", "Azure RBAC + Secrets Store CSI Driver"), access...),
	)
}

// Summary implements docs.Summarised: where the secrets are, and how the
// pods read them.
func (*Component) Summary(_ *md.Doc, _ *plan.Env, key string) (string, bool) {
	switch key {
	case docs.SummarySecrets:
		return "Azure Key Vault", true
	case docs.SummarySecretAccess:
		return "Key Vault (CSI)", true
	}
	return "", false
}
