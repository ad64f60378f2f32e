package eventhubs_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// kafkaOnly is a small spec: one Kafka producer and one Kafka consumer on
// one hub, so that Basic is otherwise possible.
const kafkaOnly = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: kshop, title: {en: Kafka shop}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /api
    health: /health
    resources: {requests: {cpu: 250m, memory: 512Mi}}
    produces: [orders]
    uses: {eventHubs: {client: kafka}}
  - name: worker
    health: /health
    resources: {requests: {cpu: 250m, memory: 512Mi}}
    consumes: [orders]
    uses: {eventHubs: {client: kafka}}
    replicas: {min: 1, max: 2}
    load: {requestsPerUserPerMinute: 0.1, cpuMillisPerRequest: 5}
backing:
  eventHubs:
    hubs: [{name: orders, partitions: 4}]
environments:
  - {name: dev, profile: dev, eventHubs: {tier: TIER}}
`

// TestRules: every rule of the block on a spec that must trigger it and
// one that must leave it quiet.
func TestRules(t *testing.T) {
	base := sample(t)
	cases := []struct {
		rule, name string
		spec       string
		fire       bool
		want       string
	}{
		{"AV015", "trigger: a region without availability zones", apply(t, base, edit{"region: koreacentral", "region: koreasouth"},
			edit{"rto: 12h, rpo: 1h}", "rto: 12h, rpo: 1h, zones: 1}"}), true, "region koreasouth has no availability zones"},
		{"AV015", "quiet: koreacentral's three zones", base, false, ""},
		{"CP013", "trigger: throughput units pinned below the load", apply(t, base, prod("eventHubs: {throughputUnits: 2, autoInflate: false}")), true, "2500 events/s of 2 KB need 5 TU"},
		{"CP013", "trigger: Standard's 40 throughput units below the load", apply(t, base, edit{"eventsPerSecond: 2500", "eventsPerSecond: 60000"}, edit{"eventSizeKB: 2", "eventSizeKB: 1"}), true, "60000 events/s of 1 KB need 60 TU (ingress events/s ÷ 1,000 per TU); the namespace has at most 40"},
		{"CP013", "trigger: Premium processing units pinned below the load", apply(t, base, prod("eventHubs: {tier: Premium, processingUnits: 1}"), edit{"eventsPerSecond: 2500", "eventsPerSecond: 20000"}), true, "need 8 PU"},
		{"CP013", "quiet: units sized from the load", base, false, ""},
		{"CP013", "quiet: auto-inflate reaches the load", apply(t, base, prod("eventHubs: {throughputUnits: 3, maxThroughputUnits: 6}")), false, ""},
		{"CP014", "trigger: more consumer replicas than partitions", apply(t, base, edit{"{name: alerts, partitions: 4,", "{name: alerts, partitions: 2,"}), true, "service notification-service scales to 4 replicas but event hub alerts has 2 partitions"},
		{"CP014", "quiet: partitions for every replica", base, false, ""},
		{"NW006", "trigger: Kafka clients on Basic", strings.Replace(kafkaOnly, "TIER", "Basic", 1), true, "Event Hubs Basic has no Kafka endpoint, but api, worker connect with Kafka"},
		{"NW006", "quiet: Kafka clients on Standard", strings.Replace(kafkaOnly, "TIER", "Standard", 1), false, ""},
	}
	for _, c := range cases {
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			got := testplan.Findings(t, "physarch.yaml", []byte(c.spec), c.rule)
			if !c.fire {
				if len(got) != 0 {
					t.Fatalf("%s fired: %s", c.rule, got[0].Message)
				}
				return
			}
			if len(got) == 0 {
				t.Fatalf("%s did not fire", c.rule)
			}
			if !strings.Contains(got[0].Message, c.want) {
				t.Errorf("%s says %q, want %q", c.rule, got[0].Message, c.want)
			}
		})
	}
}

// TestManagedInDev: dev's managed namespace is reported by CO003 with
// what it runs, and can be silenced with a reason (the sample does).
func TestManagedInDev(t *testing.T) {
	got := testplan.Findings(t, "physarch.yaml", []byte(strings.Replace(sample(t), "    # physarch:ignore CO003", "    # no longer ignored", 1)), "CO003")
	if len(got) != 1 || got[0].Env != "dev" || !strings.Contains(got[0].Message, "dev runs Event Hubs Standard with 1 TU") {
		t.Fatalf("CO003: %+v", got)
	}
}

// TestPublicEndpoint: NW003 flags a production namespace without a
// private endpoint, and says why Basic has none.
func TestPublicEndpoint(t *testing.T) {
	if got := testplan.Findings(t, "physarch.yaml", []byte(sample(t)), "NW003"); len(got) != 0 {
		t.Fatalf("quiet: NW003 fired on the private namespace: %s", got[0].Message)
	}
	got := testplan.Findings(t, "physarch.yaml", []byte(apply(t, sample(t), prod("network: {privateEndpoints: false}"))), "NW003")
	if len(got) != 1 || !strings.Contains(got[0].Message, "evhns-fleet-telemetry-prod keeps its public endpoint") {
		t.Fatalf("trigger: NW003: %+v", got)
	}
}
