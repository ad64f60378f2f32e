package eventhubs_test

import (
	"maps"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/component/eventhubs"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// planned plans a spec and returns its environments' namespaces.
func planned(t testing.TB, src string) (*plan.Plan, []*eventhubs.Component) {
	t.Helper()
	doc, err := components.Load("physarch.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	var out []*eventhubs.Component
	for _, e := range pl.Envs {
		eh, ok := plan.Find[*eventhubs.Component](e)
		if !ok {
			t.Fatalf("%s plans no Event Hubs namespace", e.Name)
		}
		out = append(out, eh)
	}
	return pl, out
}

// TestSizing: the units follow Microsoft's per-unit limits from the
// stated events and the consumer groups that read them, whichever limit
// binds; pinned units and the auto-inflate ceiling are kept.
func TestSizing(t *testing.T) {
	cases := []struct {
		name         string
		edits        []edit
		units, max   int
		needed       int
		by           string
		unitsStated  bool
		tier         string
		egressMBps   string
		readersShown float64
	}{
		{"ingress MB/s binds (the sample)", nil, 5, 10, 5, "ingress MB/s", false, "Standard", "7.32", 1.5},
		{"exactly 2,000 events/s is 2 TUs", []edit{{"eventsPerSecond: 2500", "eventsPerSecond: 2000"}, {"eventSizeKB: 2", "eventSizeKB: 0.5"}}, 2, 4, 2, "ingress events/s", false, "Standard", "1.46", 1.5},
		{"one TU at most", []edit{{"eventsPerSecond: 2500", "eventsPerSecond: 10"}}, 1, 2, 1, "", false, "Standard", "0.03", 1.5},
		{"egress binds with many consumer groups", []edit{{"eventsPerSecond: 2500", "eventsPerSecond: 900"}, {"eventSizeKB: 2", "eventSizeKB: 1"},
			{"partitions: 8, retentionHours: 72}", "partitions: 8, retentionHours: 72, consumerGroups: [stream-processor, analytics-service, g3, g4, g5, g6, g7, g8]}"}}, 2, 4, 2, "egress MB/s", false, "Standard", "3.96", 4.5},
		{"pinned units and ceiling", []edit{prod("eventHubs: {throughputUnits: 7, maxThroughputUnits: 12}")}, 7, 12, 5, "ingress MB/s", true, "Standard", "7.32", 1.5},
		{"ceiling at Standard's 40", []edit{prod("eventHubs: {throughputUnits: 30}")}, 30, 40, 5, "ingress MB/s", true, "Standard", "7.32", 1.5},
		{"Premium by ingress", []edit{prod("eventHubs: {tier: Premium}"), {"eventsPerSecond: 2500", "eventsPerSecond: 20000"}}, 8, 8, 8, "ingress MB/s ÷ 5 MB/s per PU", false, "Premium", "58.59", 1.5},
		{"Premium rounds to the units it sells", []edit{prod("eventHubs: {tier: Premium}"), {"eventsPerSecond: 2500", "eventsPerSecond: 7700"}}, 4, 4, 4, "ingress MB/s ÷ 5", false, "Premium", "22.56", 1.5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ehs := planned(t, apply(t, sample(t), c.edits...))
			eh := ehs[len(ehs)-1]
			if eh.Tier != c.tier || eh.Units != c.units || eh.CapacityUnits() != c.max || eh.Load.Needed != c.needed || eh.UnitsStated != c.unitsStated {
				t.Errorf("%s: units %d (stated %v), at most %d, needed %d; want %s %d (stated %v), %d, %d",
					eh.Tier, eh.Units, eh.UnitsStated, eh.CapacityUnits(), eh.Load.Needed, c.tier, c.units, c.unitsStated, c.max, c.needed)
			}
			if !strings.Contains(eh.Load.By, c.by) {
				t.Errorf("decided by %q, want %q", eh.Load.By, c.by)
			}
			if got := num(eh.Load.EgressMBps); got != c.egressMBps || eh.Load.Readers != c.readersShown {
				t.Errorf("egress %s MB/s with %g readers, want %s with %g", got, eh.Load.Readers, c.egressMBps, c.readersShown)
			}
		})
	}
}

func num(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }

// TestDevCarriesItsOwnLoad: the stated rate is production's; dev assumes
// one event per request of its own users (the plan's rate of each hub,
// in req/s' 0.01 steps) and pins one throughput unit.
func TestDevCarriesItsOwnLoad(t *testing.T) {
	pl, ehs := planned(t, sample(t))
	dev, prod := ehs[0], ehs[1]
	if !prod.Load.RateStated || prod.Load.EventsPerSecond != 2500 {
		t.Errorf("prod carries %g events/s (stated %v), want the stated 2500", prod.Load.EventsPerSecond, prod.Load.RateStated)
	}
	// The producers: ingest-api (telemetry) and stream-processor (alerts).
	rps := pl.Envs[0].Workload("ingest-api").PeakRPS + pl.Envs[0].Workload("stream-processor").PeakRPS
	if dev.Load.RateStated || dev.Load.ProdRate != 2500 || dev.Load.EventsPerSecond != math.Round(rps*100)/100 {
		t.Errorf("dev carries %g events/s (stated %v, production's %g); its producers peak at %g req/s", dev.Load.EventsPerSecond, dev.Load.RateStated, dev.Load.ProdRate, rps)
	}
	if dev.Units != 1 || !dev.UnitsStated || dev.AutoInflate {
		t.Errorf("dev runs %d TU (stated %v, auto-inflate %v), want the profile's pinned 1", dev.Units, dev.UnitsStated, dev.AutoInflate)
	}
}

// TestConsumerGroups: one group per consuming service, named after it,
// unless the hub lists its groups; Basic reads with $Default and creates
// none; Kafka clients are told apart.
func TestConsumerGroups(t *testing.T) {
	_, ehs := planned(t, sample(t))
	eh := ehs[1]
	want := map[string]string{"telemetry": "stream-processor,analytics-service", "alerts": "notifier"}
	for _, h := range eh.Hubs {
		if got := strings.Join(h.ConsumerGroups, ","); got != want[h.Name] {
			t.Errorf("hub %s: groups %q, want %q", h.Name, got, want[h.Name])
		}
	}
	if c := eh.Clients["stream-processor"]; c.Protocol != eventhubs.Kafka || c.Group != "stream-processor" {
		t.Errorf("stream-processor: %+v", c)
	}
	if c := eh.Clients["ingest-api"]; c.Protocol != eventhubs.AMQP || c.Group != "" {
		t.Errorf("ingest-api (producer only): %+v", c)
	}
	_, basic := planned(t, strings.Replace(kafkaOnly, "TIER", "Basic", 1))
	if h := basic[0].Hubs[0]; len(h.ConsumerGroups) != 0 || basic[0].Clients["worker"].Group != "$Default" || basic[0].Kafka {
		t.Errorf("Basic: groups %v, worker %+v, Kafka %v", h.ConsumerGroups, basic[0].Clients["worker"], basic[0].Kafka)
	}
}

// TestOnlyItsOwnDestinations: beside Service Bus, each block takes the
// services' destinations that are its own: flows, settings and the
// secrets a service reads follow.
func TestOnlyItsOwnDestinations(t *testing.T) {
	src := apply(t, sample(t), edit{"backing:\n", "backing:\n  serviceBus: {queues: [jobs]}\n"},
		edit{"    produces: [telemetry]\n", "    produces: [telemetry, jobs]\n"},
		edit{"    consumes: [alerts]\n", "    consumes: [alerts, jobs]\n"})
	pl, _ := planned(t, src)
	e := pl.Envs[1]
	to := map[string][]string{}
	for _, f := range e.FlowsOfKind("messaging") {
		to[f.From] = append(to[f.From], f.To)
	}
	for sv, want := range map[string]string{"ingest-api": "servicebus,eventhubs", "stream-processor": "eventhubs", "analytics-service": "eventhubs", "notification-service": "servicebus,eventhubs"} {
		if got := strings.Join(to[sv], ","); got != want {
			t.Errorf("%s's messaging flows go to %s, want %s", sv, got, want)
		}
	}
	secrets := map[string]bool{}
	for _, s := range e.Workload("stream-processor").Secrets {
		secrets[s.Secret] = true
	}
	if !secrets["eventhubs-connection"] || secrets["servicebus-connection"] {
		t.Errorf("stream-processor reads %v; it uses Event Hubs only", secrets)
	}
}

// TestPrivateEndpoint: prod reaches Standard through a private endpoint
// that opens AMQP, Kafka and HTTPS; Basic has none.
func TestPrivateEndpoint(t *testing.T) {
	pl, _ := planned(t, sample(t))
	var found bool
	for _, pe := range pl.Envs[1].PrivateEndpoints {
		if pe.Service == eventhubs.Name {
			found = true
			if pe.DNSZone != "privatelink.servicebus.windows.net" || pe.Subresource != "namespace" || len(pe.Ports) != 3 || pe.Ports[0] != 5671 || pe.Ports[1] != 9093 || pe.Ports[2] != 443 {
				t.Errorf("private endpoint %+v", pe)
			}
		}
	}
	if !found {
		t.Fatal("prod has no private endpoint for Event Hubs")
	}
	pl, _ = planned(t, strings.Replace(strings.Replace(kafkaOnly, "TIER", "Basic", 1), "profile: dev,", "profile: dev, network: {privateEndpoints: true},", 1))
	for _, pe := range pl.Envs[0].PrivateEndpoints {
		if pe.Service == eventhubs.Name {
			t.Errorf("Basic has a private endpoint: %+v", pe)
		}
	}
}

// TestKEDATrigger: a consuming service scales on its lag in the hub it
// reads: azure-eventhub for AMQP consumers (hub, consumer group,
// threshold, checkpoints), kafka for Kafka consumers (bootstrap server,
// topic, group); a producer has none.
func TestKEDATrigger(t *testing.T) {
	pl, ehs := planned(t, sample(t))
	var k8sFacet k8s.KEDATriggered = ehs[1]
	svc := func(name string) plan.Service {
		for _, s := range pl.Services {
			if s.Name == name {
				return s
			}
		}
		t.Fatalf("no service %s", name)
		return plan.Service{}
	}
	amqp, ok := k8sFacet.KEDATrigger(svc("analytics-service"))
	want := map[string]string{"type": "azure-eventhub", "eventHubName": "telemetry", "consumerGroup": "analytics-service", "unprocessedEventThreshold": "64",
		"connectionFromEnv": "EVENTHUBS_CONNECTION", "storageConnectionFromEnv": "EVENTHUBS_CHECKPOINT_STORAGE", "blobContainer": "checkpoints-analytics-service", "checkpointStrategy": "blobMetadata"}
	if !ok || !maps.Equal(amqp, want) {
		t.Errorf("analytics-service: %v, want %v", amqp, want)
	}
	kafka, ok := k8sFacet.KEDATrigger(svc("stream-processor"))
	want = map[string]string{"type": "kafka", "bootstrapServers": "evhns-fleet-telemetry-prod.servicebus.windows.net:9093", "topic": "telemetry",
		"consumerGroup": "stream-processor", "lagThreshold": "64", "sasl": "plaintext", "tls": "enable"}
	if !ok || !maps.Equal(kafka, want) {
		t.Errorf("stream-processor: %v, want %v", kafka, want)
	}
	if tr, ok := k8sFacet.KEDATrigger(svc("ingest-api")); ok {
		t.Errorf("a producer has a trigger: %v", tr)
	}
}

// TestDevKeepsWhatItsTierAllows: beside a Premium production, a Standard
// dev keeps 32 of production's partitions and 168 of its hours, and its
// document says so; production keeps the spec's figures.
func TestDevKeepsWhatItsTierAllows(t *testing.T) {
	src := apply(t, sample(t), prod("eventHubs: {tier: Premium}"), edit{"partitions: 8, retentionHours: 72", "partitions: 40, retentionHours: 720"})
	_, ehs := planned(t, src)
	dev, prod := ehs[0].Hubs[0], ehs[1].Hubs[0]
	if prod.Partitions != 40 || prod.RetentionHours != 720 || prod.WantedPartitions != 0 || prod.WantedRetention != 0 {
		t.Errorf("prod hub %+v", prod)
	}
	if dev.Partitions != 32 || dev.RetentionHours != 168 || dev.WantedPartitions != 40 || dev.WantedRetention != 720 {
		t.Errorf("dev hub %+v", dev)
	}
	_, files := readback.Build(t, "physarch.yaml", []byte(src), md.En)
	tb := readback.TableUnder(t, readback.File(t, files, "physical-architecture-dev.md"), "Event hubs")
	if row := tb.Rows[0]; row[1] != "32 (Standard's maximum; the spec asks 40)" || row[2] != "168 h (Standard's maximum; the spec asks 720 h)" {
		t.Errorf("dev document: %v", row)
	}
}
