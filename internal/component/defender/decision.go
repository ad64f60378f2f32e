package defender

import (
	"fmt"

	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: Defender for Containers on,
// against the environment without it. The block is planned only where
// security.defender is on, so only such an environment lists it; its
// alternative's figures are the re-plan without the plan's per-vCore
// charge.
func (c *Component) Decisions(_ *plan.Plan, e *plan.Env) []decision.Decision {
	lo, hi := VCores(e)
	sensor := decision.T("작업 영역이 없어 센서 없이 플랜만 켭니다", "without a workspace, the plan is on but the cluster runs no sensor")
	if c.Sensor {
		sensor = decision.T("클러스터의 센서가 런타임 위협을 Log Analytics 작업 영역에 보고합니다", "the cluster's sensor reports runtime threats to the Log Analytics workspace")
	}
	d := decision.Decision{ID: "defender.containers", Topic: decision.T("컨테이너 위협 방지", "Container threat protection"),
		Choice: decision.T("Defender for Containers", "Defender for Containers"),
		Reason: spec.Text{
			Ko: fmt.Sprintf("구독의 Defender 플랜이 클러스터 노드의 vCore %s개를 보호하며, %s", decision.Range(lo, hi), sensor.Ko),
			En: fmt.Sprintf("the subscription's Defender plan covers the cluster nodes' %s vCores; %s", decision.Range(lo, hi), sensor.En),
		},
		Alternatives: []decision.Alternative{{
			Choice: decision.T("미사용", "off"),
			Note:   decision.T("vCore당 요금이 없어지는 대신 런타임 위협 탐지도 없습니다", "no per-vCore charge, and no runtime threat detection"),
			Change: func(_ *spec.Spec, env *spec.Environment) { decision.Settings[Settings](env, Name).Defender = false },
		}},
	}
	return []decision.Decision{d}
}
