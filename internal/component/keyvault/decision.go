package keyvault

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: the secrets in Key Vault, against
// the Kubernetes Secret the environment would use without it. The vault is
// planned only where security.keyVault is on, so only such an environment
// lists the decision.
func (c *Component) Decisions(_ *plan.Plan, e *plan.Env) []decision.Decision {
	where := decision.T("공용 엔드포인트로 접근", "reached on its public endpoint")
	if c.Private {
		where = decision.T("프라이빗 엔드포인트로 접근", "reached on a private endpoint")
	}
	d := decision.Decision{ID: "keyvault.secrets", Topic: decision.T("시크릿 저장소", "Secret store"), Choice: decision.T("Azure Key Vault (Standard)", "Azure Key Vault (Standard)"),
		Reason: spec.Text{
			Ko: fmt.Sprintf("서비스가 읽는 시크릿 %d개를 클러스터 밖에 두고, Azure RBAC 역할 할당을 받은 ID만 Secrets Store CSI Driver로 읽습니다 (%s)", len(e.Secrets), where.Ko),
			En: fmt.Sprintf("the %d secrets the services read stay outside the cluster, and only identities with an Azure RBAC role assignment read them, through the Secrets Store CSI driver (%s)", len(e.Secrets), where.En),
		},
		Alternatives: []decision.Alternative{{
			Choice: decision.T("Kubernetes Secret", "Kubernetes Secret"),
			Note:   decision.T("사용자가 만드는 Secret에 시크릿을 두며, 네임스페이스의 Secret을 읽을 수 있는 누구나 읽습니다", "the secrets live in a Secret the user creates, readable by anyone who may read the namespace's Secrets"),
			Change: func(_ *spec.Spec, env *spec.Environment) { decision.Settings[Settings](env, Name).KeyVault = false },
		}},
	}
	return []decision.Decision{d}
}
