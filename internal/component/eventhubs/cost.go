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
		lines := []cost.Line{{Category: "messaging", Name: "Event Hubs Premium processing units", SKU: fmt.Sprintf("%d PU", c.Units),
			Meter: azure.Meter{Service: "Event Hubs", Sku: "Premium", Meter: "Processing Unit"}, Qty: pu, QtyMax: pu, Unit: "PU-hour", PerMonth: cost.HoursPerMonth}}
		avg, peak := c.storedGB(averageShare)-pu*includedGBPerPU, c.storedGB(1)-pu*includedGBPerPU
		if peak > 0 {
			lines = append(lines, cost.Line{Category: "messaging", Name: "Event Hubs Premium extended retention", SKU: fmt.Sprintf("%.0f GB", math.Max(avg, 0)),
				Meter: azure.Meter{Service: "Event Hubs", Sku: "Premium", Meter: "Extended Retention"}, Qty: round1(math.Max(avg, 0)), QtyMax: round1(peak),
				Unit: "GB-month", PerMonth: 1, Estimate: c.retentionRule()})
		}
		return lines
	}
	sku := fmt.Sprintf("%d TU", c.Units)
	if c.AutoInflate {
		sku += fmt.Sprintf(" (auto-inflate to %d)", c.MaxUnits)
	}
	avg, peak := c.ingressMillions(averageShare), c.ingressMillions(1)
	return []cost.Line{
		{Category: "messaging", Name: "Event Hubs " + c.Tier + " throughput units", SKU: sku,
			Meter: azure.Meter{Service: "Event Hubs", Sku: c.Tier, Meter: c.Tier + " Throughput Unit"},
			Qty:   float64(c.Units), QtyMax: float64(c.CapacityUnits()), Unit: "TU-hour", PerMonth: cost.HoursPerMonth},
		{Category: "messaging", Name: "Event Hubs " + c.Tier + " ingress events", SKU: fmt.Sprintf("%sM events", num(avg)),
			Meter: azure.Meter{Service: "Event Hubs", Sku: c.Tier, Meter: "Ingress Events"},
			Qty:   avg, QtyMax: peak, Unit: "1M events", PerMonth: 1, Estimate: c.ingressRule()},
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
