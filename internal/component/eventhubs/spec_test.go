package eventhubs_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/cli"
)

// sample is the block's complete sample spec.
func sample(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sample.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edit is one change to the sample.
type edit struct{ old, new string }

func apply(t testing.TB, src string, edits ...edit) string {
	t.Helper()
	for _, e := range edits {
		if !strings.Contains(src, e.old) {
			t.Fatalf("the sample no longer has %q", e.old)
		}
		src = strings.Replace(src, e.old, e.new, 1)
	}
	return src
}

// prod and dev add settings to an environment.
func prod(yaml string) edit {
	return edit{"    profile: prod\n", "    profile: prod\n    " + yaml + "\n"}
}

func dev(yaml string) edit {
	return edit{"    profile: dev\n", "    profile: dev\n    " + yaml + "\n"}
}

// position is the line and column (1-based) of the first occurrence of
// marker after the text anchor.
func position(t testing.TB, src, anchor, marker string) (int, int) {
	t.Helper()
	a := strings.Index(src, anchor)
	if a < 0 {
		t.Fatalf("no %q in the spec", anchor)
	}
	i := strings.Index(src[a:], marker)
	if i < 0 {
		t.Fatalf("no %q after %q", marker, anchor)
	}
	i += a
	line := strings.Count(src[:i], "\n") + 1
	col := i - strings.LastIndex(src[:i], "\n")
	return line, col
}

// TestBadInput: every mistake in the block's part of the spec (and what
// the plan cannot do with it) is one positioned error with a hint, and
// the build writes nothing.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name           string
		edits          []edit
		anchor, marker string // where the error must point
		want           []string
	}{
		{"unknown tier", []edit{prod("eventHubs: {tier: Premum}")}, "eventHubs: {tier:", "Premum", []string{`"Premum" is not allowed`, `did you mean "Premium"`}},
		{"partition count below the minimum", []edit{{"partitions: 8,", "partitions: 0,"}}, "name: telemetry", "0", []string{"partitions 0 is out of range", "from 1 to 32 partitions on Basic and Standard"}},
		{"partition count above Premium's maximum", []edit{{"partitions: 8,", "partitions: 101,"}}, "name: telemetry", "101", []string{"partitions 101 is out of range", "up to 100 on Premium"}},
		{"partition count above Standard's maximum", []edit{{"partitions: 8,", "partitions: 40,"}}, "name: telemetry", "40", []string{`event hub "telemetry" has 40 partitions, but Event Hubs Standard allows at most 32`, "use tier Premium"}},
		{"partition count above Standard's maximum with no production to hold it", []edit{{"partitions: 8,", "partitions: 40,"}, {"  - name: prod\n    profile: prod\n", "  - name: staging\n    profile: dev\n"}}, "name: telemetry", "40", []string{`has 40 partitions, but Event Hubs Standard allows at most 32 (dev)`}},
		{"retention longer than Standard keeps", []edit{{"retentionHours: 72", "retentionHours: 200"}}, "retentionHours: ", "200", []string{`keeps events 200 hours, but Event Hubs Standard allows at most 168`}},
		{"retention above the maximum", []edit{{"retentionHours: 72", "retentionHours: 9999"}}, "retentionHours: ", "9999", []string{"retentionHours 9999 is out of range"}},
		{"throughput units above the maximum", []edit{prod("eventHubs: {throughputUnits: 41}")}, "throughputUnits: ", "41", []string{"throughputUnits 41 is out of range", "1 to 40 throughput units"}},
		{"processing units Premium does not sell", []edit{prod("eventHubs: {tier: Premium, processingUnits: 3}")}, "processingUnits: ", "3", []string{"must be one of 0, 1, 2, 4, 8, 16"}},
		{"throughput units on Premium", []edit{prod("eventHubs: {tier: Premium, throughputUnits: 2, autoInflate: false}")}, "throughputUnits: ", "2", []string{"Event Hubs Premium has no throughput units", "set processingUnits instead"}},
		{"auto-inflate on Premium", []edit{prod("eventHubs: {tier: Premium, autoInflate: true}")}, "autoInflate: ", "true", []string{"Event Hubs Premium has no auto-inflate"}},
		{"auto-inflate ceiling below the units", []edit{prod("eventHubs: {throughputUnits: 8, maxThroughputUnits: 4}")}, "maxThroughputUnits: ", "4", []string{"auto-inflate ceiling 4 is below the 8 throughput units"}},
		{"auto-inflate ceiling below the sized units", []edit{prod("eventHubs: {maxThroughputUnits: 3}")}, "maxThroughputUnits: ", "3", []string{"the load needs 5 throughput units, above the auto-inflate ceiling of 3"}},
		{"event size above the maximum", []edit{{"eventSizeKB: 2", "eventSizeKB: 2048"}}, "eventSizeKB: ", "2048", []string{"eventSizeKB 2048 is out of range"}},
		{"event size of zero", []edit{{"eventSizeKB: 2", "eventSizeKB: 0"}}, "eventSizeKB: ", "0", []string{"eventSizeKB 0 is out of range", "above 0"}},
		{"events per second above the maximum", []edit{{"eventsPerSecond: 2500", "eventsPerSecond: 5000000"}}, "eventsPerSecond: ", "5000000", []string{"eventsPerSecond 5000000 is out of range"}},
		{"hub name with a space", []edit{{"{name: alerts,", "{name: \"al erts\","}, {"produces: [alerts]", "produces: [\"al erts\"]"}, {"consumes: [alerts]", "consumes: [\"al erts\"]"}}, "{name: ", "\"al erts\"", []string{`name "al erts" is not in the expected form`}},
		{"hubs differing in case", []edit{{"{name: alerts,", "{name: Telemetry,"}, {"produces: [alerts]", "produces: [Telemetry]"}, {"consumes: [alerts]", "consumes: [Telemetry]"}}, "{name: Telemetry", "{name", []string{`"Telemetry" is declared twice (as "telemetry")`, "compared without case"}},
		{"hub named like a Service Bus queue", []edit{{"backing:\n", "backing:\n  serviceBus: {queues: [telemetry]}\n"}}, "    hubs:", "{name: telemetry", []string{`"telemetry" is declared twice`, "produces and consumes must name one destination"}},
		{"misspelt key of a hub", []edit{{"partitions: 4,", "partitons: 4,"}}, "name: alerts", "partitons", []string{`unknown key "partitons"`, `did you mean "partitions"`}},
		{"hub without partitions", []edit{{"{name: alerts, partitions: 4,", "{name: alerts,"}}, "      - {name: alerts", "{", []string{`missing key "partitions"`}},
		{"unknown client", []edit{{"{client: kafka}", "{client: grpc}"}}, "client: ", "grpc", []string{`"grpc" is not allowed`, "amqp, kafka"}},
		{"consumer group the hub does not list", []edit{{"{consumerGroup: notifier}", "{consumerGroup: pager}"}}, "consumerGroups: ", "[notifier]", []string{`event hub "alerts" has no consumer group "pager"`, `add "pager" to consumerGroups`}},
		{"two consumers with one group", []edit{{"{client: kafka}", "{client: kafka, consumerGroup: analytics-service}"}}, "name: analytics-service", "[telemetry]", []string{`read event hub "telemetry" with one consumer group "analytics-service"`}},
		{"uses without a hub", []edit{{"\nbacking:", "  - name: idle-worker\n    resources: {requests: {cpu: 100m, memory: 128Mi}}\n    uses:\n      eventHubs: {client: amqp}\n\nbacking:"}}, "name: idle-worker", "{client", []string{`service "idle-worker" says how it uses Event Hubs but sends to and receives from no event hub`}},
		{"Basic with two consumer groups of one hub", []edit{dev("eventHubs: {tier: Basic}"), {"partitions: 8, retentionHours: 72}", "partitions: 8}"}, {"{name: alerts, partitions: 4, consumerGroups: [notifier]}", "{name: alerts, partitions: 4}"}, {"{consumerGroup: notifier}", "{client: amqp}"}}, "      - {name: telemetry", "{", []string{`event hub "telemetry" has 2 consuming services, one consumer group each, but Event Hubs Basic allows 1`}},
		{"Premium with too few processing units for its partitions", []edit{dev("eventHubs: {tier: Premium}"), prod("eventHubs: {tier: Premium, processingUnits: 1}"),
			{"{name: telemetry, partitions: 8, retentionHours: 72}", "{name: telemetry, partitions: 100, retentionHours: 72}\n      - {name: t2, partitions: 100}\n      - {name: t3, partitions: 100}"},
			{"produces: [telemetry]", "produces: [telemetry, t2, t3]"}, {"consumes: [telemetry]\n    produces: [alerts]", "consumes: [telemetry, t2, t3]\n    produces: [alerts]"}},
			"processingUnits: ", "1", []string{"304 partitions need at least 2 processing units (200 per PU)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := apply(t, sample(t), c.edits...)
			dir := t.TempDir()
			file := filepath.Join(dir, "physarch.yaml")
			if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			var stdout, stderr bytes.Buffer
			code := cli.Execute([]string{"build", file, "-o", out}, &stdout, &stderr)
			if code != 1 {
				t.Fatalf("exit %d, want 1\n%s%s", code, stdout.String(), stderr.String())
			}
			msg := stderr.String()
			if !strings.Contains(msg, "1 error; nothing was written") {
				t.Fatalf("want exactly one error:\n%s", msg)
			}
			line, col := position(t, src, c.anchor, c.marker)
			if at := fmt.Sprintf("%s:%d:%d: error: ", file, line, col); !strings.HasPrefix(msg, at) {
				t.Errorf("error not at %d:%d:\n%s", line, col, msg)
			}
			if !strings.Contains(msg, "\n    hint: ") {
				t.Errorf("error without a hint:\n%s", msg)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error does not say %q:\n%s", w, msg)
				}
			}
			if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
				t.Errorf("the failed build wrote %d entries into %s", len(entries), out)
			}
		})
	}
}

// TestSampleBuilds: the sample itself is valid, so each case above fails
// for its own edit only.
func TestSampleBuilds(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "physarch.yaml")
	if err := os.WriteFile(file, []byte(sample(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := cli.Execute([]string{"build", file, "-o", filepath.Join(dir, "out")}, &stdout, &stderr); code != 0 {
		t.Fatalf("the sample does not build (exit %d):\n%s", code, stderr.String())
	}
}
