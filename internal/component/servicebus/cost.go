package servicebus

import (
	"fmt"
	"math"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/msg"
)

const opsRule = "operations assumed: each queue's and topic's peak messages/s (one per request of its producers) × (1 send + 2 per delivery: receive and complete; a queue delivers once, a topic once per subscription) × 30% average load × 730 h"

// opsRuleKo is opsRule in Korean.
const opsRuleKo = "작업 수 가정: 큐·토픽별 피크 메시지/s (생산자 요청당 1건) × (전송 1 + 전달당 2: 수신과 완료; 큐는 한 번, 토픽은 구독마다 한 번 전달) × 평균 부하 30% × 730시간"

// CostLines implements cost.Priced: Premium by messaging unit; Standard a
// base charge and operations; Basic operations only.
func (c *Component) CostLines(e *plan.Env) []cost.Line {
	ops := operations(e)
	switch c.Tier {
	case "Premium":
		mu := float64(c.MessagingUnits)
		return []cost.Line{{Category: "messaging", Name: "Service Bus Premium", SKU: fmt.Sprintf("%d MU", c.MessagingUnits),
			Meter: azure.Meter{Service: "Service Bus", Meter: "Premium Messaging Unit"}, Qty: mu, QtyMax: mu, Unit: "MU-hour", PerMonth: cost.HoursPerMonth}}
	case "Standard":
		return []cost.Line{
			{Category: "messaging", Name: "Service Bus Standard base", NameKo: "Service Bus Standard 기본 요금", SKU: "Standard", Meter: azure.Meter{Service: "Service Bus", Meter: "Standard Base Unit"},
				Qty: 1, QtyMax: 1, Unit: "hour", PerMonth: cost.HoursPerMonth},
			{Category: "messaging", Name: "Service Bus operations", NameKo: "Service Bus 작업", SKU: fmt.Sprintf("%.1fM ops", ops), SKUKo: opsKo(ops), Meter: azure.Meter{Service: "Service Bus", Meter: "Standard Messaging Operations"},
				Qty: ops, QtyMax: ops, Unit: "1M operations", PerMonth: 1, Estimate: opsRule, EstimateKo: opsRuleKo},
		}
	}
	return []cost.Line{{Category: "messaging", Name: "Service Bus Basic operations", NameKo: "Service Bus Basic 작업", SKU: fmt.Sprintf("%.1fM ops", ops), SKUKo: opsKo(ops), Meter: azure.Meter{Service: "Service Bus", Meter: "Basic Messaging Operations"},
		Qty: ops, QtyMax: ops, Unit: "1M operations", PerMonth: 1, Estimate: opsRule, EstimateKo: opsRuleKo}}
}

// operations estimates the operations a month, in millions, from the
// plan's rate of each queue and topic (plan.Rates): a send per message
// and a receive and a complete per delivery.
func operations(e *plan.Env) float64 {
	perSecond := 0.0
	for _, r := range e.Rates {
		if r.Owner != Name {
			continue // another block's destination (event hubs)
		}
		deliveries := min(len(r.Consumers), 1)
		if r.Kind == "topic" {
			deliveries = len(r.Consumers)
		}
		perSecond += r.PerSecond * float64(1+2*deliveries)
	}
	return math.Round(perSecond*0.3*cost.HoursPerMonth*3600/1e6*10) / 10
}

// opsKo is a month's operations, in millions, as a Korean writes them: in
// units of 만 (21.3M → 2,130만 건).
func opsKo(millions float64) string {
	return msg.Int(int(math.Round(millions*100))) + "만 건"
}
