package docs

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
)

// identityAndAccess writes production's 7.2.1 and 7.2.2 from the plan's
// workload identities: one row per workload (each service, each
// component Job), with the identity, the Key Vault secrets it alone is
// granted and the other Azure roles its components grant it (Authorised).
// Terraform writes every identity, credential and role assignment listed.
func identityAndAccess(d *md.Doc, pl *plan.Plan, e *plan.Env) {
	d.H(4, d.T("7.2.1 Entra ID 통합", "7.2.1 Entra ID"))
	services, jobs, store := 0, 0, false
	for _, id := range e.Identities {
		if id.Component != "" {
			jobs++
		} else {
			services++
		}
		store = store || id.SecretClass != ""
	}
	counts := fmt.Sprintf(d.T("서비스 %d", "%d services"), services)
	if jobs > 0 {
		counts += fmt.Sprintf(d.T(", 컴포넌트 Job %d", ", %d component Jobs"), jobs)
	}
	lines := []string{
		d.T("AKS 관리형 ID + 워크로드 ID (OIDC)", "AKS managed identity + workload identity (OIDC)"),
		fmt.Sprintf(d.T("워크로드별 사용자 할당 관리형 ID %d개 (%s): 각 ID는 자기 ServiceAccount 하나만 신뢰하는 페더레이션 자격 증명을 가지며, 두 워크로드가 ID를 공유하지 않습니다",
			"%d user-assigned managed identities, one per workload (%s): each trusts only its own ServiceAccount through one federated credential; no two workloads share one"),
			services+jobs, counts),
	}
	if store {
		lines = append(lines,
			d.T("Key Vault Secrets User는 시크릿마다 할당하고 (범위 `<vault id>/secrets/<이름>`), SecretProviderClass도 워크로드마다 하나로 자기 시크릿만 나열합니다. 시크릿을 넣은 뒤 `terraform apply -var key_vault_secrets_exist=true`로 할당합니다 (시크릿 단위 할당은 시크릿이 있어야 합니다)",
				"Key Vault Secrets User is assigned per secret (scope `<vault id>/secrets/<name>`), and each workload has a SecretProviderClass of its own listing only its secrets. The assignments are made by `terraform apply -var key_vault_secrets_exist=true` once the secrets are set (an assignment on a secret needs the secret)"))
	}
	for _, id := range e.JobIdentities() {
		if id.SecretClass != "" {
			lines = append(lines, fmt.Sprintf(d.T("%s만 %s를 읽습니다: 이 Job의 클래스는 파일로만 마운트하며 Kubernetes Secret으로 동기화하지 않고, 어떤 서비스의 클래스에도 없습니다",
				"Only %s reads %s: its class mounts them as files and syncs no Kubernetes Secret, and no service's class lists them"), id.Service, strings.Join(privileged(e, id), ", ")))
		}
	}
	d.List(lines...)
	d.H(4, d.T("7.2.2 RBAC 구성", "7.2.2 RBAC"))
	rbacTables(d, pl, e)
	d.P(d.T("어떤 ServiceAccount에도 Role/RoleBinding을 만들지 않습니다: Kubernetes API 권한은 기본값뿐입니다.",
		"No ServiceAccount gets a Role or RoleBinding: Kubernetes API access stays at the default."))
}

// privileged are the secrets a component Job reads that no service reads
// (an administrator password).
func privileged(e *plan.Env, job plan.WorkloadIdentity) []string {
	read := map[string]bool{}
	for _, id := range e.Identities {
		if id.Component == "" {
			for _, s := range id.Secrets {
				read[s] = true
			}
		}
	}
	var out []string
	for _, s := range job.Secrets {
		if !read[s] {
			out = append(out, s)
		}
	}
	return out
}
