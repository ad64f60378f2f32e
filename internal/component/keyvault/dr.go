package keyvault

import (
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// srcVaultDR is Key Vault's reliability guide: the vault's contents are
// replicated to the paired region, but the failover is Microsoft's to
// decide, so the design does not count on it and sets the secrets again in
// the DR region's vault.
var srcVaultDR = azure.Source{Ref: "learn.microsoft.com/azure/key-vault/general/disaster-recovery-guidance (replication to the paired region; failover is Microsoft-initiated)", Date: "2026-12-01",
	Ko: "learn.microsoft.com/azure/key-vault/general/disaster-recovery-guidance (쌍을 이루는 지역으로 복제, 장애 조치는 Microsoft가 시작)"}

// Recovery implements plan.Recovering: the DR region's module creates the
// vault; its secrets are set again by the same commands as at first.
func (c *Component) Recovery(e *plan.Env) []plan.RecoveryStep {
	return []plan.RecoveryStep{{Component: "Key Vault",
		What:     spec.Text{Ko: "DR 리전 모듈이 Key Vault를 만들고 시크릿을 다시 등록 (Microsoft가 시작하는 페어 리전 장애조치에 의존하지 않음)", En: "the DR region's module creates the vault and the secrets are set again (the Microsoft-initiated failover to the pair is not relied on)"},
		Source:   srcVaultDR,
		Estimate: spec.Text{Ko: "재구축에 계산한 1시간에 포함", En: "part of the hour counted for the rebuild"},
		Command:  "az keyvault secret set --vault-name \"$(terraform -chdir=dr/deploy/terraform/" + e.Name + " output -raw key_vault_name)\" --name <secret> --value <value>"}}
}
