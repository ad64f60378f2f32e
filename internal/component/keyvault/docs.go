package keyvault

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// SecretStore implements docs.SecretStored: the vault's settings (7.4.1).
func (*Component) SecretStore(d *md.Doc, _ *plan.Env, s *docs.Sections) {
	s.Next(d.T("Azure Key Vault 구성", "Azure Key Vault"))
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"),
		[2]string{"Tier", "Standard"},
		[2]string{d.T("접근", "Access"), d.T("Azure RBAC + Secrets Store CSI Driver", "Azure RBAC + Secrets Store CSI Driver")},
		[2]string{d.T("교체", "Rotation"), d.T("90일", "90 days")},
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
