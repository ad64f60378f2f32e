package postgresql

import (
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: where the database runs (a pod
// or Flexible Server) and, for Flexible Server, its HA mode.
func (c *Component) Decisions(_ *plan.Plan, e *plan.Env) []decision.Decision {
	mode := decision.Decision{ID: "postgresql.mode", Topic: decision.T("PostgreSQL 실행 방식", "PostgreSQL runs as")}
	if !c.Flexible() {
		mode.Choice = decision.T("Pod", "pod")
		mode.Reason = decision.Tf("관리형 디스크 %dGiB 위의 Pod 하나로 충분한 환경이라 관리형 서버 비용을 없앱니다", "one pod on a %d GiB managed disk is enough here, which saves the managed server", c.StorageGB)
		// The smallest catalog SKU without HA: the cheapest managed
		// server the environment could run instead.
		mode.Alternatives = []decision.Alternative{{
			Choice: decision.T("Flexible Server B_Standard_B1ms", "Flexible Server B_Standard_B1ms"),
			Note:   decision.T("HA 없음, 32GiB", "no HA, 32 GiB"),
			Change: func(_ *spec.Spec, env *spec.Environment) {
				st := decision.Settings[Settings](env, Name)
				st.Mode, st.SKU, st.HA, st.StorageGB, st.GeoBackup = "flexible", "B_Standard_B1ms", "none", 32, false
			},
		}}
		return []decision.Decision{mode}
	}
	mode.Choice = decision.T("Flexible Server "+c.SKU, "Flexible Server "+c.SKU)
	mode.Reason = decision.Tf("관리형 서버가 백업 %d일 보존, HA, 패치를 맡습니다", "the managed server keeps %d days of backups and runs HA and patching", c.BackupDays)
	// The dev profile's pod: the same figures the development layout runs.
	mode.Alternatives = []decision.Alternative{{
		Choice: decision.T("Pod (500m, 1Gi, 20GiB)", "pod (500m, 1Gi, 20 GiB)"),
		Note:   decision.T("백업·HA·SLA 없음", "no backups, HA or SLA"),
		Change: func(_ *spec.Spec, env *spec.Environment) {
			st := decision.Settings[Settings](env, Name)
			st.Mode, st.CPU, st.Memory, st.StorageGB, st.StorageClass, st.MaxConnections = "pod", "500m", "1Gi", 20, "managed-csi", 100
		},
	}}
	ha := decision.Decision{ID: "postgresql.ha", Topic: decision.T("PostgreSQL 고가용성", "PostgreSQL high availability"), Choice: haText(c.HA)}
	switch c.HA {
	case "zoneredundant":
		ha.Reason = decision.T("대기 서버를 다른 영역에 두어 영역 장애 시 자동으로 장애 조치합니다", "a standby in another zone takes over on its own when a zone fails")
	case "samezone":
		ha.Reason = decision.T("대기 서버를 같은 영역에 두어 서버 장애 시 자동으로 장애 조치합니다", "a standby in the same zone takes over on its own when the server fails")
	default:
		ha.Reason = decision.T("대기 서버 없이 서버 하나로 비용을 줄입니다", "one server without a standby keeps the cost down")
	}
	for _, m := range []string{"zoneredundant", "samezone", "none"} {
		if m == c.HA || (m == "zoneredundant" && len(e.Zones) < 2) {
			continue
		}
		ha.Alternatives = append(ha.Alternatives, decision.Alternative{Choice: haText(m), Change: func(_ *spec.Spec, env *spec.Environment) {
			decision.Settings[Settings](env, Name).HA = m
		}})
	}
	return []decision.Decision{mode, ha}
}

func haText(mode string) spec.Text {
	return spec.Text{Ko: msg.HA(md.Ko, mode), En: msg.HA(md.En, mode)}
}
