package servicebus

import (
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: the namespace's tier, against
// the tiers the destinations allow (Basic has no topics).
func (c *Component) Decisions(_ *plan.Plan, _ *plan.Env) []decision.Decision {
	d := decision.Decision{ID: "servicebus.tier", Topic: decision.T("Service Bus 계층", "Service Bus tier"), Choice: decision.T(c.Tier, c.Tier)}
	tier := func(t string, units int, note spec.Text) decision.Alternative {
		return decision.Alternative{Choice: decision.T(t, t), Note: note, Change: func(_ *spec.Spec, env *spec.Environment) {
			st := decision.Settings[Settings](env, Name)
			st.Tier, st.MessagingUnits = t, units
		}}
	}
	switch c.Tier {
	case "Premium":
		if c.endpoint {
			d.Reason = decision.T("프라이빗 엔드포인트는 Premium에만 있어, 네임스페이스를 VNet 안의 사설 주소로만 접근합니다", "only Premium has private endpoints, so the namespace is reached on a private address in the VNet only")
		} else {
			d.Reason = decision.Tf("메시징 단위 %d개의 전용 처리량", "dedicated throughput of %d messaging units", c.MessagingUnits)
		}
		note := spec.Text{}
		if c.endpoint {
			note = decision.T("프라이빗 엔드포인트가 없어 네임스페이스를 공용 엔드포인트로 접근합니다", "no private endpoint: the namespace is reached on its public endpoint")
		}
		d.Alternatives = []decision.Alternative{tier("Standard", 0, note)}
	case "Standard":
		d.Reason = decision.T("토픽과 중복 감지가 있는 가장 낮은 계층", "the lowest tier with topics and duplicate detection")
		d.Alternatives = []decision.Alternative{tier("Premium", 1, decision.T("프라이빗 엔드포인트와 전용 처리량", "private endpoints and dedicated throughput"))}
		if len(c.Topics) == 0 {
			d.Alternatives = append(d.Alternatives, tier("Basic", 0, decision.T("중복 감지가 없습니다", "no duplicate detection")))
		}
	default:
		d.Reason = decision.T("큐만 있는 환경에서 가장 낮은 비용의 계층", "the cheapest tier for an environment with queues only")
		d.Alternatives = []decision.Alternative{tier("Standard", 0, decision.T("토픽과 중복 감지", "topics and duplicate detection"))}
	}
	return []decision.Decision{d}
}
