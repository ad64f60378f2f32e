package apimanagement

import (
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: the tier, which also decides the
// VNet mode (Developer and Premium are injected in internal mode, Standard
// v2 keeps a public gateway).
func (c *Component) Decisions(_ *plan.Plan, e *plan.Env) []decision.Decision {
	d := decision.Decision{ID: "apimanagement.tier", Topic: decision.T("API Management 계층", "API Management tier"),
		Choice: decision.Tf("%s (단위 %d개)", "%s (%d units)", tierName(c.Tier), c.Units)}
	switch c.Tier {
	case Premium:
		if len(c.Zones) > 1 {
			d.Reason = decision.Tf("내부 VNet 모드라 게이트웨이에 사설 주소만 있고, 단위 %d개를 가용 영역 %d개에 나누어 영역 장애에도 API를 받습니다",
				"internal VNet mode gives the gateway a private address only, and its %d units spread over %d zones keep the APIs up with one zone down", c.Units, len(c.Zones))
		} else {
			d.Reason = decision.Tf("내부 VNet 모드라 게이트웨이에 사설 주소만 있고, 단위 %d개가 API %d개를 받습니다",
				"internal VNet mode gives the gateway a private address only, and %d units serve the %d APIs", c.Units, len(c.APIs))
		}
	case StandardV2:
		d.Reason = decision.Tf("단위 %d개의 공용 게이트웨이가 VNet 통합으로 백엔드에 접근하며, SLA가 있는 계층 중 비용이 가장 낮습니다",
			"a public gateway of %d units reaches the backends through VNet integration, the cheapest tier with an SLA", c.Units)
	default:
		d.Reason = decision.Tf("SLA가 없는 개발용 계층으로, 단위 %d개를 운영과 같은 내부 VNet 모드로 둡니다", "the development tier without an SLA, %d unit in the same internal VNet mode as production", c.Units)
	}
	premiumUnits := 1
	if z := len(e.Zones); z >= 2 {
		premiumUnits = z
	}
	offer := func(tier string, units int, note spec.Text) {
		if tier == c.Tier {
			return
		}
		d.Alternatives = append(d.Alternatives, decision.Alternative{Choice: decision.Tf("%s (단위 %d개)", "%s (%d units)", tierName(tier), units), Note: note,
			Change: func(_ *spec.Spec, env *spec.Environment) {
				st := decision.Settings[Settings](env, Name)
				st.Tier, st.Units = tier, units
			}})
	}
	offer(Developer, 1, decision.T("SLA 없음, 운영 부하용이 아닙니다", "no SLA, not for production load"))
	offer(StandardV2, min(max(c.Units, 1), maxUnits[StandardV2]), decision.T("게이트웨이가 공용 주소를 가지며 내부 VNet 모드가 없습니다", "the gateway has a public address; no internal VNet mode"))
	offer(Premium, max(c.Units, premiumUnits), decision.T("내부 VNet 모드, 단위를 영역에 분산", "internal VNet mode, units spread over the zones"))
	return []decision.Decision{d}
}

func tierName(t string) string {
	if t == StandardV2 {
		return "Standard v2"
	}
	return t
}
