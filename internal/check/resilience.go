package check

import (
	"fmt"
	"strings"
)

func resilienceRules(r *Registry) {
	r.Add(
		Rule{ID: "RS001", Family: "resilience", Severity: Error,
			Title:     "Synchronous call cycle",
			Rationale: "Services that call each other in a circle deadlock under load and fail together: no request can finish without the one that started it.",
			Fix:       "Break the cycle with a queue (produces/consumes) or move the shared logic into one service.",
			Check: func(c *Context) []Finding {
				calls := map[string][]string{}
				for _, s := range c.Plan.Services {
					calls[s.Name] = s.Calls
				}
				var out []Finding
				seen := map[string]bool{}
				for _, s := range c.Plan.Services {
					if cycle := findCycle(s.Name, calls); cycle != nil && !seen[cycle[0]] {
						for _, n := range cycle {
							seen[n] = true
						}
						out = append(out, Finding{Path: c.servicePath(s.Name) + ".calls", Message: "call cycle " + strings.Join(cycle, " → ")})
					}
				}
				return out
			}},
		Rule{ID: "RS002", Family: "resilience", Severity: Error,
			Title:     "Queue or topic without a consumer",
			Rationale: "Messages nobody receives pile up until the entity is full, then the producer fails.",
			Fix:       "Add the queue to some service's consumes, or remove it and its producers.",
			Check:     func(c *Context) []Finding { return queueEnds(c, true) }},
		Rule{ID: "RS003", Family: "resilience", Severity: Error,
			Title:     "Queue or topic without a producer",
			Rationale: "A consumer of a queue nobody sends to is dead code in the design, or a missing producer.",
			Fix:       "Add the queue to the producing service's produces, or remove it.",
			Check:     func(c *Context) []Finding { return queueEnds(c, false) }},
		Rule{ID: "RS004", Family: "resilience", Severity: Warning,
			Title:     "External system called synchronously without a timeout or circuit breaker",
			Rationale: "A slow partner holds threads until the caller's pool is exhausted; without a breaker every request keeps trying the failing system.",
			Fix:       "Set external[].timeoutSeconds and external[].circuitBreaker: true.",
			Check: func(c *Context) []Finding {
				used := map[string]bool{}
				for _, s := range c.Plan.Services {
					for _, x := range s.External {
						used[x] = true
					}
				}
				var out []Finding
				for i, x := range c.Plan.External {
					if !used[x.Name] {
						continue
					}
					var missing []string
					if x.TimeoutSeconds == 0 {
						missing = append(missing, "timeoutSeconds")
					}
					if !x.CircuitBreaker {
						missing = append(missing, "circuitBreaker")
					}
					if len(missing) > 0 {
						out = append(out, Finding{Path: fmt.Sprintf("external[%d]", i), Message: fmt.Sprintf("%s is called without %s", x.Name, strings.Join(missing, " or "))})
					}
				}
				return out
			}},
		Rule{ID: "RS005", Family: "resilience", Severity: Error,
			Title:     "Service without a health path",
			Rationale: "Without a health endpoint the readiness probe cannot take a broken pod out of the Service, and the gateway cannot probe the backend.",
			Fix:       "Set services[].health (for example /actuator/health or /health).",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, s := range c.Plan.Services {
					if s.Health == "" && s.HasService() {
						out = append(out, Finding{Path: c.servicePath(s.Name), Message: s.Name + " has no health path; its pods get no readiness probe"})
					}
				}
				return out
			}},
		Rule{ID: "RS006", Family: "resilience", Severity: Warning,
			Title:     "Synchronous call chain deeper than three services",
			Rationale: "Each synchronous hop multiplies latency and failure: a four-deep chain is down when any of four services is.",
			Fix:       "Make the deeper calls asynchronous or merge services that always call each other.",
			Check: func(c *Context) []Finding {
				calls := map[string][]string{}
				for _, s := range c.Plan.Services {
					calls[s.Name] = s.Calls
				}
				var out []Finding
				for _, s := range c.Plan.Services {
					if s.Route == "" {
						continue
					}
					if d := depth(s.Name, calls, map[string]bool{}); d > 3 {
						out = append(out, Finding{Path: c.servicePath(s.Name) + ".calls", Message: fmt.Sprintf("requests to %s pass through %d services synchronously", s.Name, d)})
					}
				}
				return out
			}},
	)
}

func queueEnds(c *Context, wantConsumer bool) []Finding {
	produced, consumed := map[string]bool{}, map[string]bool{}
	for _, s := range c.Plan.Services {
		for _, q := range s.Produces {
			produced[q] = true
		}
		for _, q := range s.Consumes {
			consumed[q] = true
		}
	}
	var out []Finding
	for _, d := range c.Plan.Destinations {
		switch {
		case wantConsumer && !consumed[d.Name]:
			out = append(out, Finding{Path: d.Path, Message: d.Name + " has no consumer"})
		case !wantConsumer && !produced[d.Name]:
			out = append(out, Finding{Path: d.Path, Message: d.Name + " has no producer"})
		}
	}
	return out
}

// findCycle returns a call cycle through start, if any.
func findCycle(start string, calls map[string][]string) []string {
	var path []string
	on := map[string]bool{}
	var walk func(n string) []string
	walk = func(n string) []string {
		if on[n] {
			if n == start {
				return append(append([]string(nil), path...), n)
			}
			return nil
		}
		on[n] = true
		path = append(path, n)
		for _, m := range calls[n] {
			if c := walk(m); c != nil {
				return c
			}
		}
		path = path[:len(path)-1]
		return nil
	}
	return walk(start)
}

// depth is the number of services on the longest synchronous chain from n.
func depth(n string, calls map[string][]string, on map[string]bool) int {
	if on[n] {
		return 0
	}
	on[n] = true
	defer delete(on, n)
	best := 0
	for _, m := range calls[n] {
		best = max(best, depth(m, calls, on))
	}
	return 1 + best
}
