package eventhubs

import (
	"fmt"
	"math"
	"strconv"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// averageShare is the average load as a share of the peak, as the Service
// Bus operations estimate assumes.
const averageShare = 0.3

// includedGBPerPU is the retention storage a processing unit includes
// (infracost's Event Hubs Premium pricing: 1,000 GB per PU).
const includedGBPerPU = 1000

// CostLines implements cost.Priced: Basic and Standard by throughput unit
// and million ingress events (the Kafka endpoint costs nothing extra);
// Premium by processing unit, ingress included, with retention storage
// beyond what the units include. Capture is off, so it costs nothing.
func (c *Component) CostLines(_ *plan.Env) []cost.Line {
	if c.Premium() {
		pu := float64(c.Units)
		lines := []cost.Line{{Category: "messaging", Name: "Event Hubs Premium processing units", NameKo: "Event Hubs Premium 처리 단위", SKU: fmt.Sprintf("%d PU", c.Units),
			Meter: azure.Meter{Service: "Event Hubs", Sku: "Premium", Meter: "Processing Unit"}, Qty: pu, QtyMax: pu, Unit: "PU-hour", PerMonth: cost.HoursPerMonth}}
		avg, peak := c.storedGB(averageShare)-pu*includedGBPerPU, c.storedGB(1)-pu*includedGBPerPU
		if peak > 0 {
			lines = append(lines, cost.Line{Category: "messaging", Name: "Event Hubs Premium extended retention", NameKo: "Event Hubs Premium 확장 보존", SKU: fmt.Sprintf("%.0f GB", math.Max(avg, 0)),
				Meter: azure.Meter{Service: "Event Hubs", Sku: "Premium", Meter: "Extended Retention"}, Qty: round1(math.Max(avg, 0)), QtyMax: round1(peak),
				Unit: "GB-month", PerMonth: 1, Estimate: c.retentionRule(), EstimateKo: c.retentionRuleKo()})
		}
		return lines
	}
	sku := fmt.Sprintf("%d TU", c.Units)
	skuKo := ""
	if c.AutoInflate {
		skuKo = sku + fmt.Sprintf(" (자동 팽창 최대 %d)", c.MaxUnits)
		sku += fmt.Sprintf(" (auto-inflate to %d)", c.MaxUnits)
	}
	avg, peak := c.ingressMillions(averageShare), c.ingressMillions(1)
	return []cost.Line{
		{Category: "messaging", Name: "Event Hubs " + c.Tier + " throughput units", NameKo: "Event Hubs " + c.Tier + " 처리량 단위", SKU: sku, SKUKo: skuKo,
			Meter: azure.Meter{Service: "Event Hubs", Sku: c.Tier, Meter: c.Tier + " Throughput Unit"},
			Qty:   float64(c.Units), QtyMax: float64(c.CapacityUnits()), Unit: "TU-hour", PerMonth: cost.HoursPerMonth},
		{Category: "messaging", Name: "Event Hubs " + c.Tier + " ingress events", NameKo: "Event Hubs " + c.Tier + " 수신 이벤트", SKU: fmt.Sprintf("%sM events", num(avg)),
			SKUKo: fmt.Sprintf("%sM 이벤트", num(avg)),
			Meter: azure.Meter{Service: "Event Hubs", Sku: c.Tier, Meter: "Ingress Events"},
			Qty:   avg, QtyMax: peak, Unit: "1M events", PerMonth: 1, Estimate: c.ingressRule(), EstimateKo: c.ingressRuleKo()},
	}
}

// ingressMillions is the billed ingress events a month, in millions, at a
// share of the peak rate.
func (c *Component) ingressMillions(share float64) float64 {
	return round1(c.Load.EventsPerSecond * billedEvents(c.Load.EventSizeKB) * share * cost.HoursPerMonth * 3600 / 1e6)
}

func (c *Component) rateText() string {
	if c.Load.RateStated {
		return num(c.Load.EventsPerSecond) + " events/s (stated)"
	}
	return num(c.Load.EventsPerSecond) + " events/s (assumed: " + c.Load.RateRule + ")"
}

func (c *Component) rateTextKo() string {
	if c.Load.RateStated {
		return num(c.Load.EventsPerSecond) + " events/s (명시)"
	}
	return num(c.Load.EventsPerSecond) + " events/s (가정: " + c.Load.RateRuleKo + ")"
}

func (c *Component) ingressRuleKo() string {
	return fmt.Sprintf("월 수신 이벤트: %s × 이벤트당 과금 이벤트 %s건 (64 KB 단위) × 평균 부하 30%% × 730시간 × 3,600초; 최대는 한 달 내내 피크",
		c.rateTextKo(), num(billedEvents(c.Load.EventSizeKB)))
}

func (c *Component) retentionRuleKo() string {
	return fmt.Sprintf("저장 이벤트: %s × 평균 부하 30%% × %s KB × 허브별 보존 기간, 허브에 균등 분배, PU당 포함된 %d GB 제외; 최대는 피크 기준",
		c.rateTextKo(), num(c.Load.EventSizeKB), includedGBPerPU)
}

func (c *Component) ingressRule() string {
	return fmt.Sprintf("ingress events a month: %s × %s billed event(s) each (64 KB units) × 30%% average load × 730 h × 3,600 s; at most the peak all month",
		c.rateText(), num(billedEvents(c.Load.EventSizeKB)))
}

func (c *Component) retentionRule() string {
	return fmt.Sprintf("stored events: %s × 30%% average load × %s KB × each hub's retention, split evenly over the hubs, less %d GB included per PU; at most the peak",
		c.rateText(), num(c.Load.EventSizeKB), includedGBPerPU)
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// num prints a figure without trailing zeros.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }
