package keyvault

import (
	"fmt"
	"strconv"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// Backups implements docs.BackedUp: the secrets tier is kept by the
// vault's soft delete and purge protection, as its Terraform sets them.
func (c *Component) Backups(d *md.Doc, _ *plan.Env) []docs.Backup {
	f := azure.KeyVaultSoftDelete
	return []docs.Backup{{Tier: docs.TierSecrets, Target: "Key Vault", Method: d.T("일시 삭제 + 제거 보호", "soft delete + purge protection"),
		Frequency: d.T(f.Frequency.Ko, f.Frequency.En), Retention: docs.Days(d, softDeleteDays), Geo: "-",
		Recover: d.T(f.Recovery.Ko, f.Recovery.En) + fmt.Sprintf(": `az keyvault secret recover --vault-name %s --name <%s>`", c.Vault, d.T("이름", "name")),
		Source:  f.Source.String(),
		At: []claim.Locator{claim.TF("azurerm_key_vault.main", "soft_delete_retention_days").Is(strconv.Itoa(softDeleteDays)),
			claim.TF("azurerm_key_vault.main", "purge_protection_enabled").Is("true")}}}
}
