package plan_test

import (
	"math"
	"testing"

	"github.com/physarch/physarch/internal/plan"
)

// rated has a queue two services compete for, a topic two services each
// read all of, and two event hubs whose namespace rate the spec states
// (production's).
const rated = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: rates, title: {en: Rates}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /api
    resources: {requests: {cpu: 500m, memory: 1Gi}}
    produces: [jobs, news, clicks]
    load: {requestsPerUserPerMinute: 6, cpuMillisPerRequest: 5}
  - name: web
    route: /web
    resources: {requests: {cpu: 500m, memory: 1Gi}}
    produces: [news, views]
    load: {requestsPerUserPerMinute: 3, cpuMillisPerRequest: 5}
  - name: worker-a
    resources: {requests: {cpu: 250m, memory: 512Mi}}
    consumes: [jobs, news]
    load: {requestsPerUserPerMinute: 1, cpuMillisPerRequest: 5}
  - name: worker-b
    resources: {requests: {cpu: 250m, memory: 512Mi}}
    consumes: [jobs, news, clicks, views]
    load: {requestsPerUserPerMinute: 1, cpuMillisPerRequest: 5}
backing:
  serviceBus: {queues: [jobs], topics: [news]}
  eventHubs:
    hubs:
      - {name: clicks, partitions: 4}
      - {name: views, partitions: 4}
    eventsPerSecond: 300
environments:
  - name: dev
    profile: dev
    targets: {users: 600}
    serviceBus: {tier: Standard}
  - name: prod
    profile: prod
    targets: {users: 6000}
`

// TestRatesAndConsumedRate: each destination's rate is worked out once in
// the plan, the declaring block's stated rate where it applies (Event
// Hubs' production rate, split over its hubs), else one message per
// producing request; a service consumes all of a topic and an event hub
// and its share of a queue.
func TestRatesAndConsumedRate(t *testing.T) {
	pl := mustPlan(t, rated)
	for _, e := range pl.Envs {
		t.Run(e.Name, func(t *testing.T) {
			api, web := e.Workload("api").PeakRPS, e.Workload("web").PeakRPS
			round := func(v float64) float64 { return math.Round(v*100) / 100 }
			clicks, views, stated := api, web, false
			if e.IsProdLike() {
				clicks, views, stated = 150, 150, true
			}
			want := map[string]plan.Rate{
				"jobs":   {Kind: "queue", PerSecond: api},
				"news":   {Kind: "topic", PerSecond: round(api + web)},
				"clicks": {Kind: "eventhub", PerSecond: clicks, Stated: stated},
				"views":  {Kind: "eventhub", PerSecond: views, Stated: stated},
			}
			if len(e.Rates) != len(want) {
				t.Fatalf("%d rates, want %d: %+v", len(e.Rates), len(want), e.Rates)
			}
			for dest, w := range want {
				r, ok := e.DestinationRate(dest)
				if !ok || r.Kind != w.Kind || r.PerSecond != w.PerSecond || r.Stated != w.Stated {
					t.Errorf("%s: %+v, want %s at %g/s (stated %v)", dest, r, w.Kind, w.PerSecond, w.Stated)
				}
			}
			consumed := map[string]float64{
				"worker-a": round(api/2 + api + web),
				"worker-b": round(api/2 + api + web + clicks + views),
				"api":      0,
			}
			for _, sv := range pl.Services {
				w, ok := consumed[sv.Name]
				if !ok {
					continue
				}
				if got := plan.ConsumedRate(e, sv); got != w {
					t.Errorf("%s consumes %g/s, want %g", sv.Name, got, w)
				}
			}
		})
	}
}
