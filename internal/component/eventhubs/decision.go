package eventhubs

import (
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/msg"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: the namespace's tier (Standard
// against Premium, each with its units sized from the load, as the plan
// sizes them) and, on Standard, whether the throughput units inflate.
// Basic is not offered: it has no consumer groups and no Kafka endpoint,
// which the loader judges against the services and a re-plan does not.
func (c *Component) Decisions(_ *plan.Plan, _ *plan.Env) []decision.Decision {
	if c.Tier == "Basic" {
		return nil
	}
	rate, mbps := msg.Num(c.Load.EventsPerSecond), msg.Num(round2(c.Load.IngressMBps))
	d := decision.Decision{ID: "eventhubs.tier", Topic: decision.T("Event Hubs 계층", "Event Hubs tier"), Choice: decision.Tf("%s (%d %s)", "%s (%d %s)", c.Tier, c.Units, c.UnitName())}
	alt := decision.Alternative{Choice: decision.T("Premium", "Premium"), Note: decision.T("처리 단위(PU)는 부하로 산정, 전용 자원", "processing units sized from the load, dedicated resources"),
		Change: func(_ *spec.Spec, env *spec.Environment) {
			st := decision.Settings[Settings](env, Name)
			st.Tier, st.ProcessingUnits, st.AutoInflate = "Premium", 0, false
		}}
	if c.Premium() {
		d.Reason = decision.Tf("초당 이벤트 %s개, 수신 %s MB/s, 파티션 %d개를 다른 고객과 공유하지 않는 처리 단위 %d개가 받습니다",
			"%s events a second, %s MB/s in and %d partitions run on %d processing units shared with no other customer", rate, mbps, c.Load.Partitions, c.Units)
		alt = decision.Alternative{Choice: decision.T("Standard", "Standard"), Note: decision.T("처리량 단위(TU)는 부하로 산정, 파티션은 이벤트 허브당 32개까지", "throughput units sized from the load, at most 32 partitions per event hub"),
			Change: func(_ *spec.Spec, env *spec.Environment) {
				st := decision.Settings[Settings](env, Name)
				st.Tier, st.ThroughputUnits, st.AutoInflate, st.MaxThroughputUnits = "Standard", 0, true, 0
			}}
	} else {
		d.Reason = decision.Tf("초당 이벤트 %s개, 수신 %s MB/s를 처리량 단위 %d개가 받으며, 소비자 그룹과 Kafka 엔드포인트가 있는 가장 낮은 계층입니다",
			"%s events a second and %s MB/s in fit %d TU, on the lowest tier with consumer groups and the Kafka endpoint", rate, mbps, c.Units)
	}
	d.Alternatives = []decision.Alternative{alt}
	ds := []decision.Decision{d}
	if c.Tier == "Standard" {
		ds = append(ds, c.inflateDecision())
	}
	return ds
}

// inflateDecision offers the other setting of autoInflate.
func (c *Component) inflateDecision() decision.Decision {
	on := c.AutoInflate
	d := decision.Decision{ID: "eventhubs.auto-inflate", Topic: decision.T("Event Hubs 처리량 단위 자동 스케일링", "Event Hubs auto-inflate")}
	if on {
		d.Choice = decision.Tf("사용 (최대 %d TU)", "on (up to %d TU)", c.MaxUnits)
		d.Reason = decision.Tf("부하가 몰리면 Azure가 처리량 단위를 %d개에서 %d개까지 올려 요청이 제한되지 않습니다", "at a burst Azure raises the throughput units from %d to %d, so requests are not throttled", c.Units, c.MaxUnits)
	} else {
		d.Choice = decision.T("미사용", "off")
		d.Reason = decision.Tf("처리량 단위 %d개로 고정해 월 비용이 변하지 않습니다", "the throughput units stay at %d, so the monthly cost does not move", c.Units)
	}
	d.Alternatives = []decision.Alternative{{Choice: onOffText(!on), Change: func(_ *spec.Spec, env *spec.Environment) {
		st := decision.Settings[Settings](env, Name)
		st.AutoInflate = !on
		if on {
			st.MaxThroughputUnits = 0
		}
	}}}
	return d
}

func onOffText(on bool) spec.Text {
	if on {
		return decision.T("사용", "on")
	}
	return decision.T("미사용", "off")
}

func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }
