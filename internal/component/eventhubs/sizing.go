package eventhubs

import (
	"fmt"
	"math"

	"github.com/physarch/physarch/internal/plan"
)

// Capacity per unit, from Microsoft's "Scaling with Event Hubs": a
// throughput unit takes 1 MB/s or 1,000 events/s in (whichever comes
// first) and gives 2 MB/s or 4,096 events/s out; a processing unit gives
// "approximately 5–10 MB/s ingress and 10–20 MB/s egress" depending on the
// workload, of which physarch plans with the lower end. A Premium
// namespace holds 200 partitions per processing unit (quotas and limits).
const (
	tuIngressMBps   = 1.0
	tuIngressEvents = 1000.0
	tuEgressMBps    = 2.0
	tuEgressEvents  = 4096.0
	puIngressMBps   = 5.0
	puEgressMBps    = 10.0
	partitionsPerPU = 200
	// billedEventKB: Standard and Basic bill ingress in 64 KB events.
	billedEventKB = 64.0
)

// Load is what the namespace carries and the units that carry it.
type Load struct {
	// EventsPerSecond at peak into all hubs; RateStated says whether the
	// spec gave it, else RateRule is how it was assumed.
	EventsPerSecond float64
	RateStated      bool
	RateRule        string
	RateRuleKo      string // RateRule in Korean
	// ProdRate is the stated production rate a development environment
	// does not carry (0 when none).
	ProdRate    float64
	EventSizeKB float64
	SizeStated  bool
	// Readers is the consumer groups reading an event hub, on average
	// over the hubs (each group reads every event).
	Readers float64
	// IngressMBps and EgressMBps are the namespace's data rates;
	// EgressEvents the events read per second.
	IngressMBps, EgressMBps, EgressEvents float64
	// Partitions over all hubs.
	Partitions int
	// Needed is the units the load needs; By names the limit that decides.
	Needed int
	By     string
}

// rateRule is how a rate nobody stated is assumed (rateRuleKo in Korean).
const (
	rateRule   = "one event per request of the producing services at peak"
	rateRuleKo = "피크 시 생산 서비스의 요청당 이벤트 1건"
)

// load works out the events and the units they need. The stated rate is
// split evenly over the hubs, so each hub's consumer groups read their
// share: egress is ingress × the consumer groups per hub, on average.
func load(c *plan.Context, b *Backing, eh *Component) Load {
	l := Load{EventsPerSecond: b.EventsPerSecond, RateStated: c.Doc.Stated("backing." + Key + ".eventsPerSecond"),
		EventSizeKB: b.EventSizeKB, SizeStated: c.Doc.Stated("backing." + Key + ".eventSizeKB")}
	if l.EventsPerSecond > 0 && !c.Env.IsProdLike() {
		// The stated rate is production's; a development environment
		// carries what its own users cause.
		l.ProdRate = l.EventsPerSecond
		l.RateRule = fmt.Sprintf("%s; the stated %s events/s is production's", rateRule, num(l.EventsPerSecond))
		l.RateRuleKo = fmt.Sprintf("%s; 명시된 %s events/s는 운영환경의 값", rateRuleKo, num(l.EventsPerSecond))
		l.EventsPerSecond = 0
	}
	if l.EventsPerSecond <= 0 {
		if l.RateRule == "" {
			l.RateRule, l.RateRuleKo = rateRule, rateRuleKo
		}
		l.RateStated = false
	}
	// The hubs' rates are the plan's (StatedRates splits a stated rate
	// evenly over them; otherwise each carries its producers' peak
	// requests), so the namespace carries their sum. A namespace whose
	// producers take no load still plans for a trickle.
	sum := 0.0
	for _, h := range eh.Hubs {
		if r, ok := c.Env.DestinationRate(h.Name); ok {
			sum += r.PerSecond
		}
	}
	l.EventsPerSecond = math.Max(0.1, math.Round(sum*100)/100)
	if l.EventSizeKB <= 0 {
		l.EventSizeKB, l.SizeStated = defaultEventKB, false
	}
	groups := 0
	for _, h := range eh.Hubs {
		l.Partitions += h.Partitions
		n := len(h.ConsumerGroups)
		if eh.Tier == "Basic" && len(h.Consumers) > 0 {
			n = 1 // $Default
		}
		groups += n
	}
	l.Readers = float64(groups) / float64(len(eh.Hubs))
	l.IngressMBps = l.EventsPerSecond * l.EventSizeKB / 1024
	l.EgressMBps = l.IngressMBps * l.Readers
	l.EgressEvents = l.EventsPerSecond * l.Readers
	if eh.Premium() {
		l.Needed, l.By = units(
			limit{l.IngressMBps / puIngressMBps, "ingress MB/s ÷ 5 MB/s per PU"},
			limit{l.EgressMBps / puEgressMBps, "egress MB/s ÷ 10 MB/s per PU"},
			limit{float64(l.Partitions) / partitionsPerPU, "partitions ÷ 200 per PU"},
		)
		l.Needed = puStep(l.Needed)
		return l
	}
	l.Needed, l.By = units(
		limit{l.EventsPerSecond / tuIngressEvents, "ingress events/s ÷ 1,000 per TU"},
		limit{l.IngressMBps / tuIngressMBps, "ingress MB/s ÷ 1 MB/s per TU"},
		limit{l.EgressMBps / tuEgressMBps, "egress MB/s ÷ 2 MB/s per TU"},
		limit{l.EgressEvents / tuEgressEvents, "egress events/s ÷ 4,096 per TU"},
	)
	return l
}

// limit is one capacity limit: the units it asks for and why.
type limit struct {
	units float64
	why   string
}

// units is the largest limit rounded up, at least one. Rounding ignores
// the last float bits so that exactly 2,000 events/s is 2 TUs, not 3.
func units(ls ...limit) (int, string) {
	best, why := 0.0, ls[0].why
	for _, l := range ls {
		if l.units > best {
			best, why = l.units, l.why
		}
	}
	n := int(math.Ceil(best - 1e-9))
	return max(n, 1), why
}

// ceilDiv is ⌈a / b⌉ for positive numbers.
func ceilDiv(a, b int) int { return (a + b - 1) / b }

// billedEvents is how many events a month are billed per event sent: an
// event counts once for each 64 KB it spans.
func billedEvents(sizeKB float64) float64 { return math.Max(1, math.Ceil(sizeKB/billedEventKB-1e-9)) }

// storedGB is what the hubs hold at the average rate: every event kept
// for its hub's retention (the rate split evenly over the hubs).
func (c *Component) storedGB(averageShare float64) float64 {
	perHub := c.Load.EventsPerSecond * averageShare / float64(len(c.Hubs)) * c.Load.EventSizeKB
	gb := 0.0
	for _, h := range c.Hubs {
		gb += perHub * float64(h.RetentionHours) * 3600 / 1024 / 1024
	}
	return gb
}
