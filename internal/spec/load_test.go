package spec

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// base is a small valid spec the error cases below break one way each.
const base = `apiVersion: physarch.dev/v1
kind: System
metadata:
  name: shop
  title: {en: Shop}
cloud: azure
region: koreacentral
services:
  - name: api
    route: /api
    health: /health
    runtime: java21
    cache: true
    calls: [worker]
    produces: [jobs]
  - name: worker
    consumes: [jobs]
backing:
  # postgresql is a building block's section: internal/component/postgresql
  # and so is redis: internal/component/redis
  serviceBus:
    queues: [jobs]
environments:
  - name: dev
    profile: dev
  - name: prod
    profile: prod
`

func TestLoadValid(t *testing.T) {
	doc, err := testLoad("shop.yaml", []byte(base))
	if err != nil {
		t.Fatalf("valid spec rejected: %v", err)
	}
	s := doc.Spec
	if got := s.Services[1].Port; got != DefaultPort {
		t.Errorf("default port = %d, want %d", got, DefaultPort)
	}
	if got := s.Services[0].Resources.Limits.CPU; got != "500m" {
		t.Errorf("default CPU limit = %q, want 500m (2x request)", got)
	}
	if got := s.Environments[1].Targets.Zones; got != 3 {
		t.Errorf("prod profile zones = %d, want 3", got)
	}
}

func TestProfileOverride(t *testing.T) {
	src := strings.Replace(base, "    profile: prod\n", "    profile: prod\n    nodePools: {apps: {vmSize: Standard_D8s_v5}}\n    targets: {users: 42}\n", 1)
	doc, err := testLoad("shop.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e := doc.Spec.Environments[1]
	if e.NodePools.Apps.VMSize != "Standard_D8s_v5" || e.Targets.Users != 42 {
		t.Errorf("override lost: vm %q users %d", e.NodePools.Apps.VMSize, e.Targets.Users)
	}
	if !e.NodePools.Apps.Autoscale || e.Targets.Zones != 3 {
		t.Errorf("profile values next to the override lost: autoscale %v zones %d", e.NodePools.Apps.Autoscale, e.Targets.Zones)
	}
	// The profile's position is reported for values the user did not write.
	if p := doc.At("environments[1].targets.zones"); p.File != "profile prod" {
		t.Errorf("zones position = %v, want the prod profile", p)
	}
	if p := doc.At("environments[1].targets.users"); p.File != "shop.yaml" {
		t.Errorf("users position = %v, want shop.yaml", p)
	}
}

// TestLoadErrors breaks the base spec one way per case and checks the one
// error it must produce: where, and what it says.
func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name      string
		old, new  string
		wantLine  int
		wantCol   int
		wantParts []string
	}{
		{"unknown top-level key", "cloud: azure\n", "cloud: azure\nclod: x\n", 7, 1, []string{`unknown key "clod"`, `did you mean "cloud"`}},
		{"unknown service key", "    route: /api\n", "    rout: /api\n", 10, 5, []string{`unknown key "rout"`, `"route"`}},
		{"wrong type port", "  - name: worker\n", "  - name: worker\n    port: eighty\n", 17, 11, []string{"whole number"}},
		{"wrong type bool", "    cache: true\n", "    cache: yes please\n", 13, 12, []string{"true or false"}},
		{"list expected", "    calls: [worker]\n", "    calls: worker\n", 14, 12, []string{"must be a list"}},
		{"undefined call", "    calls: [worker]\n", "    calls: [wokrer]\n", 14, 13, []string{`undefined service "wokrer"`, `did you mean "worker"`}},
		{"self call", "    calls: [worker]\n", "    calls: [api]\n", 14, 13, []string{"calls itself"}},
		{"queue without consumer", "    consumes: [jobs]\n", "    health: /h\n", 22, 14, []string{`"jobs" has no consumer`}},
		{"undefined queue", "    produces: [jobs]\n", "    produces: [jobs, nope]\n", 15, 22, []string{`undefined queue or topic "nope"`}},
		{"cycle of calls", "    consumes: [jobs]\n", "    consumes: [jobs]\n    calls: [api]\n", 18, 13, []string{"cycle of synchronous calls: api → worker → api"}},
		{"impossible availability", "    profile: prod\n", "    profile: prod\n    targets: {availability: 100}\n", 28, 29, []string{"availability 100 is out of range: must be above 0 and below 100", "no design reaches 100%"}},
		{"unknown profile", "    profile: prod\n", "    profile: production\n", 27, 14, []string{`unknown profile "production"`}},
		{"bad CPU quantity", "    health: /health\n", "    health: /health\n    resources: {requests: {cpu: lots}}\n", 12, 33, []string{`cpu "lots" is not in the expected form`, "250m"}},
		{"limit below request", "    health: /health\n", "    health: /health\n    resources: {requests: {cpu: 500m}, limits: {cpu: 100m}}\n", 12, 54, []string{"cpu limit 100m is below its request 500m"}},
		{"duplicate service", "backing:\n", "  - name: api\nbacking:\n", 18, 11, []string{`service "api" is declared twice`}},
		{"duplicate key", "cloud: azure\n", "cloud: azure\ncloud: azure\n", 7, 1, []string{`key "cloud" appears twice`}},
		{"wrong apiVersion", "apiVersion: physarch.dev/v1", "apiVersion: physarch.dev/v9", 1, 13, []string{`apiVersion "physarch.dev/v9" is not allowed here`, "this physarch reads physarch.dev/v1"}},
		{"yaml syntax (tab)", "kind: System\n", "kind: System\n\tbad: x\n", 3, 1, []string{"a tab character indents this line", "spaces"}},
		{"misspelt key next to the key it resembles", "    profile: dev\n", "    profile: dev\n    aks: {tire: Free, tier: Free}\n", 26, 11, []string{`unknown key "tire"`, `did you mean "tier"`}},
		{"bad enum with suggestion", "    profile: dev\n", "    profile: dev\n    aks: {tier: Standrd}\n", 26, 17, []string{`"Standrd" is not allowed`, `did you mean "Standard"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("test case does not apply: %q not in base", c.old)
			}
			src := strings.Replace(base, c.old, c.new, 1)
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
			if e.Pos.Line != c.wantLine || e.Pos.Col != c.wantCol {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, c.wantLine, c.wantCol, e)
			}
			for _, part := range c.wantParts {
				if !strings.Contains(e.Error(), part) {
					t.Errorf("error %q lacks %q", e.Error(), part)
				}
			}
		})
	}
}

func TestAllErrorsAtOnce(t *testing.T) {
	src := strings.NewReplacer("cloud: azure\n", "cloud: aws\n", "    calls: [worker]\n", "    calls: [ghost]\n", "    route: /api\n", "    rout: /api\n").Replace(base)
	_, err := testLoad("shop.yaml", []byte(src))
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want Errors, got %v", err)
	}
	// The unknown key, the bad value and the undefined reference all come
	// in one run, in file order.
	var got []string
	for _, e := range errs {
		got = append(got, e.Msg)
	}
	want := []string{`cloud "aws" is not allowed here`, `unknown key "rout" in services[0]`, `call to undefined service "ghost"`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// FuzzLoad feeds arbitrary bytes to the loader: it must return a document
// or errors, never panic. The seed corpus is the examples plus the base
// and the workload-kind and node-pool fixtures.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(kinds)) // workload kinds
	f.Add([]byte(pools)) // dedicated pools, inline and label maps
	paths, _ := filepath.Glob("../../examples/*/physarch.yaml")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := testLoad("fuzz.yaml", data)
		if (doc == nil) == (err == nil) {
			t.Fatalf("want exactly one of document and error, got %v and %v", doc, err)
		}
	})
}

// TestAliasBomb: nested aliases expand exponentially; the loader must stop
// early with errors instead of hanging (the typed walk rejects shapes that
// do not match before expanding them, and a step budget backs it up).
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("x0: &a0 [1,1,1,1,1,1,1,1,1,1]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "x%d: &a%d [*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	b.WriteString("services: *a9\n")
	_, err := testLoad("bomb.yaml", []byte(b.String()))
	if err == nil {
		t.Fatal("an alias bomb loaded")
	}
}
