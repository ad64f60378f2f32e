package spec

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

// kinds is a valid spec with every workload kind; the cases below break
// it one way each.
const kinds = `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {en: Shop}}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /api
    health: /health
    produces: [jobs]
  - name: nightly
    kind: cronjob
    cronJob: {schedule: "0 2 * * *"}
  - name: mailer
    kind: worker
    consumes: [jobs]
    worker: {minReplicas: 0, maxReplicas: 10}
backing:
  serviceBus: {queues: [jobs, spare]}
environments:
  - {name: dev, profile: dev}
`

func TestLoadWorkloadKinds(t *testing.T) {
	if _, err := testLoad("shop.yaml", []byte(kinds)); err == nil {
		t.Fatal("the spare queue has neither producer nor consumer, yet the fixture loaded")
	}
	src := strings.Replace(kinds, "[jobs, spare]", "[jobs]", 1)
	doc, err := testLoad("shop.yaml", []byte(src))
	if err != nil {
		t.Fatalf("valid spec rejected: %v", err)
	}
	s := doc.Spec
	if s.Services[0].Kind != WorkloadService {
		t.Errorf("default kind %q, want service", s.Services[0].Kind)
	}
	cj := s.Services[1].CronJob
	if cj.ConcurrencyPolicy != "Forbid" || cj.StartingDeadlineSeconds != DefaultStartingDeadlineSeconds || cj.ActiveDeadlineSeconds != DefaultActiveDeadlineSeconds ||
		cj.Parallelism != 1 || cj.Completions != 1 || cj.BackoffLimit != DefaultBackoffLimit {
		t.Errorf("cronjob defaults: %+v", *cj)
	}
	if s.Services[1].Load.RequestsPerUserPerMinute != 0 {
		t.Errorf("a cronjob got a user load default: %+v", s.Services[1].Load)
	}
	if w := s.Services[2].Worker; w.MinReplicas != 0 || w.MaxReplicas != 10 || w.MessagesPerReplica != DefaultMessagesPerReplica {
		t.Errorf("worker settings: %+v", *w)
	}
	// A worker without settings gets the defaults.
	doc, err = testLoad("shop.yaml", []byte(strings.Replace(src, "    worker: {minReplicas: 0, maxReplicas: 10}\n", "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if w := doc.Spec.Services[2].Worker; w == nil || w.MaxReplicas != DefaultWorkerMaxReplicas {
		t.Errorf("worker without settings: %+v", w)
	}
}

// TestWorkloadKindErrors: each mistake in a cronjob's or a worker's
// settings is one error at its own position, with a hint.
func TestWorkloadKindErrors(t *testing.T) {
	base := strings.Replace(kinds, "[jobs, spare]", "[jobs]", 1)
	cases := []struct {
		name, old, new string
		line, col      int
		parts          []string
	}{
		{"schedule not cron", `"0 2 * * *"`, `"every night"`, 13, 25, []string{`schedule "every night" is not in the expected form`, "five fields"}},
		{"schedule with six fields", `"0 2 * * *"`, `"0 0 2 * * *"`, 13, 25, []string{`schedule "0 0 2 * * *" is not in the expected form`}},
		{"schedule out of range", `"0 2 * * *"`, `"0 25 * * *"`, 13, 25, []string{`schedule "0 25 * * *" is not cron: hour field "25": 25 is out of range 0–23`, "minute (0-59)"}},
		{"schedule backwards range", `"0 2 * * *"`, `"0 2 * * 5-1"`, 13, 25, []string{"day of week", "runs backwards"}},
		{"schedule with TZ", `"0 2 * * *"`, `"TZ=Asia/Seoul 0 2 * * *"`, 13, 25, []string{"not in the expected form", "timeZone"}},
		{"bad time zone", `{schedule: "0 2 * * *"}`, `{schedule: "0 2 * * *", timeZone: Mars/Olympus}`, 13, 48, []string{`time zone "Mars/Olympus" is not in the IANA time zone database`}},
		{"unknown concurrency policy", `{schedule: "0 2 * * *"}`, `{schedule: "0 2 * * *", concurrencyPolicy: Sometimes}`, 13, 57, []string{`"Sometimes" is not allowed`, "Forbid, Allow, Replace"}},
		{"cronjob without a schedule", "    cronJob: {schedule: \"0 2 * * *\"}\n", "", 12, 11, []string{"nightly is a cronjob without a schedule", "cronJob: {schedule"}},
		{"route on a cronjob", "    kind: cronjob\n", "    kind: cronjob\n    route: /nightly\n", 13, 12, []string{"nightly is a cronjob: it runs on a schedule and serves no route", "remove route"}},
		{"replicas on a cronjob", "    kind: cronjob\n", "    kind: cronjob\n    replicas: {min: 1, max: 2}\n", 13, 15, []string{"it has no replicas"}},
		{"load on a cronjob", "    kind: cronjob\n", "    kind: cronjob\n    load: {cpuMillisPerRequest: 5}\n", 13, 11, []string{"off the request path"}},
		{"call to a cronjob", "    produces: [jobs]\n", "    produces: [jobs]\n    calls: [nightly]\n", 11, 13, []string{"call to nightly, a cronjob: it has no Service to call", "through a queue"}},
		{"call to a worker", "    produces: [jobs]\n", "    produces: [jobs]\n    calls: [mailer]\n", 11, 13, []string{"call to mailer, a worker"}},
		{"worker consumes nothing", "    consumes: [jobs]\n", "", 16, 11, []string{"mailer is a worker but consumes nothing", "add consumes"}},
		{"worker consumes two", "    consumes: [jobs]\n", "    consumes: [jobs, spare]\n", 16, 22, []string{"consumes 2 destinations; KEDA scales a worker on the backlog of one"}},
		{"worker min above max", "{minReplicas: 0, maxReplicas: 10}", "{minReplicas: 5, maxReplicas: 2}", 17, 43, []string{"worker.maxReplicas 2 is below worker.minReplicas 5"}},
		{"worker min negative", "{minReplicas: 0, maxReplicas: 10}", "{minReplicas: -1, maxReplicas: 10}", 17, 27, []string{"minReplicas -1 is out of range: must be from 0 to 1000", "scale to zero"}},
		{"route on a worker", "    kind: worker\n", "    kind: worker\n    route: /mail\n", 16, 12, []string{"mailer is a worker: it has no Service and serves no route"}},
		{"replicas on a worker", "    kind: worker\n", "    kind: worker\n    replicas: {min: 1, max: 2}\n", 16, 15, []string{"worker.minReplicas and worker.maxReplicas"}},
		{"cronJob settings on a service", "    health: /health\n", "    health: /health\n    cronJob: {schedule: \"0 2 * * *\"}\n", 10, 14, []string{"cronJob settings apply to kind: cronjob, and api is a service"}},
		{"worker settings on a cronjob", "    kind: cronjob\n", "    kind: cronjob\n    worker: {maxReplicas: 3}\n", 13, 13, []string{"worker settings apply to kind: worker, and nightly is a cronjob"}},
		{"memory percent above 95", "    health: /health\n", "    health: /health\n    autoscale: {memoryPercent: 120}\n", 10, 32, []string{"memoryPercent 120 is out of range: must be from 0 to 95", "no memory metric"}},
		{"autoscale on a worker", "    kind: worker\n", "    kind: worker\n    autoscale: {memoryPercent: 80}\n", 16, 16, []string{"mailer is a worker: KEDA scales it on its backlog, it has no HPA"}},
		{"autoscale on a cronjob", "    kind: cronjob\n", "    kind: cronjob\n    autoscale: {memoryPercent: 80}\n", 13, 16, []string{"nightly is a cronjob: it has no HPA"}},
		{"unknown kind", "    kind: cronjob\n", "    kind: cronjb\n", 12, 11, []string{`kind "cronjb" is not allowed here`, `did you mean "cronjob"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("case does not apply: %q", c.old)
			}
			src := strings.Replace(base, c.old, c.new, 1)
			if c.name == "worker consumes nothing" {
				// The queue keeps a consumer: the worker's missing consumes
				// is the only mistake.
				src = strings.Replace(src, "    kind: cronjob\n", "    kind: cronjob\n    consumes: [jobs]\n", 1)
			}
			if c.name == "worker consumes two" {
				src = strings.Replace(src, "[jobs]}", "[jobs, spare]}", 1)
				src = strings.Replace(src, "    produces: [jobs]\n", "    produces: [jobs, spare]\n", 1)
			}
			doc, err := testLoad("shop.yaml", []byte(src))
			if doc != nil {
				t.Fatal("a broken spec returned a document")
			}
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want Errors, got %v", err)
			}
			if len(errs) != 1 {
				t.Fatalf("want exactly one error, got %d:\n%v", len(errs), errs)
			}
			e := errs[0]
			if e.Pos.Line != c.line || e.Pos.Col != c.col {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, c.line, c.col, e)
			}
			if e.Hint == "" {
				t.Errorf("no hint: %v", e)
			}
			for _, p := range c.parts {
				if !strings.Contains(e.Error(), p) {
					t.Errorf("error %q lacks %q", e.Error(), p)
				}
			}
		})
	}
}

func TestParseCron(t *testing.T) {
	for _, ok := range []string{
		"0 2 * * *", "*/15 * * * *", "0 0 1 1 *", "59 23 31 12 6", "0 9-17/2 * * MON-FRI", "0 0 ? * sun",
		"0,30 8,20 1-15 jan-jun 1-5", "5/10 * * * *", "@daily", "@hourly", "@yearly", "@annually", "@midnight", "0 0 * * 0",
	} {
		if err := ParseCron(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	for s, want := range map[string]string{
		"60 * * * *":     "minute",
		"* 24 * * *":     "hour",
		"* * 0 * *":      "day of month",
		"* * 32 * *":     "day of month",
		"* * * 13 *":     "month",
		"* * * * 7":      "day of week",
		"* * * * 8":      "day of week",
		"*/0 * * * *":    "step",
		"*/61 * * * *":   "larger than",
		"10-5 * * * *":   "backwards",
		"? * * * *":      "only in day of month",
		"* * * foo *":    "neither a number",
		"* * * * *":      "",
		"1,,2 * * * *":   "empty item",
		"@every 5m":      "macro",
		"@reboot":        "macro",
		"* * * *":        "has 4 fields",
		"* * * * * *":    "has 6 fields",
		"-1 * * * *":     "not a number",
		"+1 * * * *":     "not a number",
		"1-2-3 * * * *":  "not a number",
		"* * * JANX *":   "neither a number",
		"* * L * *":      "not a number",
		"0 0 1W * *":     "not a number",
		"0 0 * * 5#3":    "neither a number",
		"0 0 * * ?/2":    "no step",
		"0 0 * * mon/x":  "step",
		"0/+1 0 1 1 0":   "step",
		"0 0 * * MON-SU": "neither a number",
	} {
		err := ParseCron(s)
		switch {
		case want == "" && err != nil:
			t.Errorf("%q refused: %v", s, err)
		case want != "" && err == nil:
			t.Errorf("%q accepted; want an error about %s", s, want)
		case want != "" && !strings.Contains(err.Error(), want):
			t.Errorf("%q: %v; want it to mention %q", s, err, want)
		}
	}
}

// FuzzParseCron: any text either parses or gets an error, never a panic;
// whatever parses has the form the schema's pattern describes, so editors
// and physarch agree.
func FuzzParseCron(f *testing.F) {
	for _, s := range []string{"0 2 * * *", "*/15 * * * *", "0 9-17/2 * * MON-FRI", "@daily", "60 * * * *", "1,,2 * * * *", "* * ? * ?"} {
		f.Add(s)
	}
	re := regexp.MustCompile(cronPattern)
	f.Fuzz(func(t *testing.T, s string) {
		if err := ParseCron(s); err == nil && !re.MatchString(s) {
			t.Fatalf("%q parses but does not match the schedule's pattern", s)
		}
	})
}

// TestDRModeErrors: an unknown DR mode, a DR region that is the
// environment's own or unknown, and a DR region with mode none are each one
// positioned error with a hint; the profiles
// give dev none and prod geo-restore.
func TestDRModeErrors(t *testing.T) {
	base := strings.Replace(kinds, "[jobs, spare]", "[jobs]", 1)
	doc, err := testLoad("shop.yaml", []byte(strings.Replace(base, "  - {name: dev, profile: dev}\n", "  - {name: dev, profile: dev}\n  - {name: prod, profile: prod}\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Spec.Environments[0].DR.Mode + "/" + doc.Spec.Environments[1].DR.Mode; got != "none/geo-restore" {
		t.Errorf("profile DR modes %s, want none/geo-restore", got)
	}
	for _, c := range []struct {
		mode, part string
		col        int
	}{{"restore", `"restore" is not allowed`, 42}, {"standby-region, region: koreacentral", "dr.region koreacentral is the environment's own region", 66},
		{"standby-region, region: marsnorth", `"marsnorth" is not allowed`, 66}, {"none, region: koreasouth", "dr.region koreasouth with dr.mode none", 56}} {
		src := strings.Replace(base, "  - {name: dev, profile: dev}\n", "  - {name: dev, profile: dev, dr: {mode: "+c.mode+"}}\n", 1)
		_, err := testLoad("shop.yaml", []byte(src))
		var errs Errors
		if !errors.As(err, &errs) || len(errs) != 1 {
			t.Fatalf("%s: want one error, got %v", c.mode, err)
		}
		if e := errs[0]; !strings.Contains(e.Error(), c.part) || e.Hint == "" || e.Pos.Line != 21 || e.Pos.Col != c.col {
			t.Errorf("%s: %v at %d:%d, want %q at 21:%d", c.mode, e, e.Pos.Line, e.Pos.Col, c.part, c.col)
		}
	}
}
