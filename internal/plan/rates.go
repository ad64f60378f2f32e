package plan

import "slices"

// Rated is a kind whose spec states the peak rate into some of the
// destinations it declares (Event Hubs' eventsPerSecond). StatedRates
// returns, for the environment being planned, messages per second by
// planned destination name, for the destinations whose rate the spec
// states there; every other destination carries one message per request
// of each service producing to it. It is a facet of the kind, like
// Declaring, rather than of the component: the planner works the rates
// out before any component is planned, so that a block registered before
// the declaring one (a database sized from the messages its services
// consume) reads the same figures.
type Rated interface {
	StatedRates(c *Context) map[string]float64
}

// Rate is one destination's planned peak rate.
type Rate struct {
	Destination string // the planned name
	Owner       string // the kind that declares it
	Kind        string // queue, topic, eventhub
	// PerSecond is messages (events) a second into the destination at
	// peak, rounded to 0.01 like the services' peak req/s.
	PerSecond float64
	// Stated: the declaring block's spec states the rate; otherwise it is
	// one message per request of each producing service at peak.
	Stated bool
	// Producers and Consumers are the services on it, in spec order.
	Producers, Consumers []string
}

// rates works out every destination's peak rate in an environment, once:
// the declaring block's stated rate (Rated), else the sum of the
// producing services' peak req/s.
func rates(c *Context, kinds []Kind) []Rate {
	stated := map[string]float64{}
	for _, k := range kinds {
		if r, ok := k.(Rated); ok {
			for dest, v := range r.StatedRates(c) {
				stated[dest] = v
			}
		}
	}
	var out []Rate
	for _, d := range c.Plan.Destinations {
		r := Rate{Destination: d.Name, Owner: d.Owner, Kind: d.Kind}
		sum := 0.0
		for _, sv := range c.Plan.Services {
			if slices.Contains(sv.Produces, d.Name) {
				r.Producers = append(r.Producers, sv.Name)
				if w := c.Env.Workload(sv.Name); w != nil {
					sum += w.PeakRPS
				}
			}
			if slices.Contains(sv.Consumes, d.Name) {
				r.Consumers = append(r.Consumers, sv.Name)
			}
		}
		r.PerSecond = round2(sum)
		if v, ok := stated[d.Name]; ok {
			r.PerSecond, r.Stated = round2(v), true
		}
		out = append(out, r)
	}
	return out
}

// DestinationRate is a destination's planned peak rate.
func (e *Env) DestinationRate(dest string) (Rate, bool) {
	for _, r := range e.Rates {
		if r.Destination == dest {
			return r, true
		}
	}
	return Rate{}, false
}

// ConsumedRate is the messages (events) a second a service receives at
// peak, from the plan's rates of the destinations it consumes: every
// message of a topic (its own subscription) and of an event hub (its own
// consumer group), a share of a queue's (consumers of one queue compete
// for its messages, so each receives the rate ÷ the consuming services).
// Blocks that size themselves from what a service consumes read this
// figure rather than working it out again.
func ConsumedRate(e *Env, sv Service) float64 {
	total := 0.0
	for _, dest := range sv.Consumes {
		r, ok := e.DestinationRate(dest)
		if !ok {
			continue
		}
		v := r.PerSecond
		if r.Kind == "queue" && len(r.Consumers) > 1 {
			v /= float64(len(r.Consumers))
		}
		total += v
	}
	return round2(total)
}
