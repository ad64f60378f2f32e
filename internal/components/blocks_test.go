package components_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"
)

// TestBadBlockInput: a mistake in a block's part of the spec is reported
// once, at its line and column, with what is wrong and a hint, like the
// core's own errors. Each case breaks the phonebill example one way.
func TestBadBlockInput(t *testing.T) {
	cases := []struct {
		name      string
		old, new  string
		line, col int
		want      []string
		count     int    // errors expected, when not 1 (the first is checked)
		example   string // the example broken, when not phonebill
	}{
		{"service named postgresql", "  - name: product-change-service\n", "  - name: postgresql\n", 37, 11, []string{`service name "postgresql" is taken`}, 0, ""},
		{"service named like the init Job", "  - name: product-change-service\n", "  - name: postgresql-init\n", 37, 11, []string{`service name "postgresql-init" is taken`}, 0, ""},
		{"service named redis", "  - name: product-change-service\n", "  - name: redis\n", 37, 11, []string{`service name "redis" is taken`}, 0, ""},
		{"cache without redis", "  redis: {version: \"7.2\", workingSetMiB: 1024}\n", "", 22, 12, []string{"uses the cache but the spec declares no Redis", "add backing.redis"}, 3, ""},
		{"redis version unquoted", `redis: {version: "7.2"`, `redis: {version: 7.2`, 53, 20, []string{"must be text, not the number 7.2"}, 0, ""},
		{"redis working set too large", "workingSetMiB: 1024}", "workingSetMiB: 99999999}", 53, 42, []string{"workingSetMiB 99999999 is out of range", "1,048,576"}, 0, ""},
		{"redis mode banana", "    targets: {users: 50}\n", "    targets: {users: 50}\n    redis: {mode: banana}\n", 66, 19, []string{`"banana" is not allowed`, "pod", "managed"}, 0, ""},
		{"redis size of another tier", "    profile: prod\n", "    profile: prod\n    redis: {tier: Standard, sku: P1}\n", 68, 34, []string{`Redis Standard has no size "P1"`, `did you mean "C1"`}, 0, ""},
		{"redis eviction typo", "    profile: prod\n", "    profile: prod\n    redis: {evictionPolicy: allkeys-lrv}\n", 68, 29, []string{`did you mean "allkeys-lru"`}, 0, ""},
		{"redis unknown key", "    profile: prod\n", "    profile: prod\n    redis: {sharts: 2}\n", 68, 13, []string{`unknown key "sharts"`, `did you mean "shards"`}, 0, ""},
		{"postgresql bogus sku", "    profile: prod\n", "    profile: prod\n    postgresql: {sku: Standard_X99}\n", 68, 23, []string{"Standard_X99"}, 0, ""},
		{"queue name ending with a period", "queues: [ai-recommendation-jobs,", "queues: [ai.recommendation_jobs.,", 94, 14, []string{`queues[0] "ai.recommendation_jobs." is not in the expected form`}, 0, "kt-event-marketing"},
		{"queues differing in case", "event-updates, participation-events]", "event-updates, participation-events, Event-Updates]", 94, 100, []string{`"Event-Updates" is declared twice (as "event-updates")`, "Service Bus ignores case"}, 0, "kt-event-marketing"},
		{"Service Bus unknown key", "    queues: [ai-", "    queus: []\n    queues: [ai-", 94, 5, []string{`unknown key "queus"`, `did you mean "queues"`}, 0, "kt-event-marketing"},
		{"Service Bus Premium without messaging units", "    profile: prod\n", "    profile: prod\n    serviceBus: {messagingUnits: 0}\n", 114, 34, []string{"Service Bus Premium with 0 messaging units"}, 0, "kt-event-marketing"},
		{"Service Bus message lifetime of 999999 days", "    profile: prod\n", "    profile: prod\n    serviceBus: {messageTTL: 999999d}\n", 114, 30, []string{`messageTTL "999999d" is not a duration`}, 0, "kt-event-marketing"},
		{"Service Bus tier typo", "    profile: prod\n", "    profile: prod\n    serviceBus: {tier: Premum}\n", 114, 24, []string{`did you mean "Premium"`}, 0, "kt-event-marketing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			name := c.example
			if name == "" {
				name = "phonebill"
			}
			_, base, err := examples.Spec(name)
			if err != nil {
				t.Fatal(err)
			}
			src := string(base)
			if !strings.Contains(src, c.old) {
				t.Fatalf("test case does not apply: %q not in the example", c.old)
			}
			doc, err := components.Load("phonebill.yaml", []byte(strings.Replace(src, c.old, c.new, 1)))
			if err == nil {
				_, err = components.Plan(doc)
			}
			var errs spec.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want positioned errors, got %v", err)
			}
			if want := max(c.count, 1); len(errs) != want {
				t.Fatalf("want %d errors, got %d:\n%v", want, len(errs), errs)
			}
			e := errs[0]
			if e.Pos.Line != c.line || e.Pos.Col != c.col {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, c.line, c.col, e)
			}
			for _, w := range c.want {
				if !strings.Contains(e.Error(), w) {
					t.Errorf("error %q does not say %q", e.Error(), w)
				}
			}
		})
	}
}
