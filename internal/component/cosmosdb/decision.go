package cosmosdb

import (
	"fmt"
	"math"

	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/msg"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: a managed account's capacity
// mode and its zone redundancy. A mongo pod (dev only) decides neither.
func (c *Component) Decisions(_ *plan.Plan, e *plan.Env) []decision.Decision {
	if !c.Managed() {
		return nil
	}
	ds := []decision.Decision{c.capacityDecision()}
	if hasZones(c.Regions[0].Name) {
		ds = append(ds, c.zoneDecision(e))
	}
	return ds
}

// capacityDecision offers the two other capacity modes. Serverless runs
// in one region only, so its alternative drops the read regions (which
// the loader would refuse with it) and says so.
func (c *Component) capacityDecision() decision.Decision {
	d := decision.Decision{ID: "cosmosdb.capacity", Topic: decision.T("Cosmos DB 처리량 방식", "Cosmos DB capacity mode"), Choice: capacityText(c.Capacity)}
	switch c.Capacity {
	case "serverless":
		d.Reason = spec.Text{Ko: "요청량이 월 " + msg.Num(math.Round(c.MonthlyMillionRU*1000)/10) + "만 RU로 작아, 쓴 만큼만 과금되고 유휴 시간에는 비용이 없습니다",
			En: "about " + msg.Num(c.MonthlyMillionRU) + " million RU a month is little, so paying per request costs nothing while idle"}
	case "autoscale":
		d.Reason = decision.Tf("컨테이너 %d개의 최대 %s RU/s에서 부하가 줄면 10%%까지 자동으로 축소되어, 최대치에 맞춘 고정 처리량보다 유휴 시간 비용이 낮습니다",
			"the %d containers' %s RU/s maximum scales down to 10%% as the load falls, which costs less while idle than fixed throughput sized for the peak", len(c.Containers), msg.Int(c.TotalRUs()))
	default:
		d.Reason = spec.Text{Ko: fmt.Sprintf("컨테이너 %d개에 고정 %s RU/s: 부하가 일정하면 RU당 단가가 가장 낮습니다", len(c.Containers), msg.Int(c.TotalRUs())),
			En: fmt.Sprintf("fixed %s RU/s over %d containers: with a steady load the price per RU is the lowest", msg.Int(c.TotalRUs()), len(c.Containers))}
	}
	for _, m := range capacities {
		if m == c.Capacity {
			continue
		}
		alt := decision.Alternative{Choice: capacityText(m), Change: func(_ *spec.Spec, env *spec.Environment) {
			st := decision.Settings[Settings](env, Name)
			st.Capacity, st.Throughput, st.MaxThroughput = m, 0, 0
			if m == "serverless" {
				st.ReadRegions, st.MultiRegionWrites = nil, false
			}
		}}
		if m == "serverless" && len(c.Regions) > 1 {
			alt.Note = decision.Tf("단일 지역만 지원해 읽기 지역 %d개가 없어집니다", "one region only: the %d read regions go", len(c.Regions)-1)
		}
		d.Alternatives = append(d.Alternatives, alt)
	}
	return d
}

// zoneDecision offers the other setting of zoneRedundant.
func (c *Component) zoneDecision(e *plan.Env) decision.Decision {
	on := c.ZoneRedundant()
	d := decision.Decision{ID: "cosmosdb.zones", Topic: decision.T("Cosmos DB 영역 중복", "Cosmos DB zone redundancy")}
	if on {
		d.Choice = decision.T("사용", "on")
		d.Reason = decision.Tf("복제본을 %s 지역의 가용 영역에 나누어 두어 영역 하나가 중단되어도 계정이 요청을 받습니다",
			"the replicas are spread over the zones of %s, so the account keeps serving with one zone down", c.Regions[0].Name)
	} else {
		d.Choice = decision.T("미사용", "off")
		d.Reason = decision.Tf("가용성 목표 %s%%는 영역 장애를 견딜 필요가 없어, 영역 중복 요금 없이 복제본을 한 영역에 둡니다",
			"the availability target of %s%% need not survive a zone outage, so the replicas stay in one zone without the zone-redundancy charge", msg.Num(e.Settings.Targets.Availability))
	}
	d.Alternatives = []decision.Alternative{{Choice: onOff(!on), Change: func(_ *spec.Spec, env *spec.Environment) {
		decision.Settings[Settings](env, Name).ZoneRedundant = !on
	}}}
	return d
}

func capacityText(m string) spec.Text {
	switch m {
	case "serverless":
		return decision.T("서버리스", "serverless")
	case "autoscale":
		return decision.T("자동 스케일링 처리량", "autoscale throughput")
	}
	return decision.T("프로비저닝된 처리량", "provisioned throughput")
}

func onOff(on bool) spec.Text {
	if on {
		return decision.T("사용", "on")
	}
	return decision.T("미사용", "off")
}
