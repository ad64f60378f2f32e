package spec

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestHostileValues: each case is one of the inputs that used to be
// accepted (or crash) and now gets one positioned error.
func TestHostileValues(t *testing.T) {
	cases := []struct {
		name      string
		old, new  string
		wantLine  int
		wantCol   int
		wantParts []string
	}{
		{"port 0 is not 8080", "  - name: worker\n", "  - name: worker\n    port: 0\n", 17, 11, []string{"port 0 is out of range", "1 to 65535"}},
		{"users 2e9", "    profile: prod\n", "    profile: prod\n    targets: {users: 2000000000}\n", 28, 22, []string{"users 2000000000 is out of range", "100,000,000"}},
		{"users beyond int64", "    profile: prod\n", "    profile: prod\n    targets: {users: 99999999999999999999}\n", 28, 22, []string{"users 99999999999999999999 is out of range"}},
		{"minReplicas 2e9", "    profile: prod\n", "    profile: prod\n    scaling: {minReplicas: 2000000000}\n", 28, 28, []string{"minReplicas 2000000000 is out of range"}},
		{"cpuMillisPerRequest 1e300", "  - name: worker\n", "  - name: worker\n    load: {cpuMillisPerRequest: 1e300}\n", 17, 33, []string{"cpuMillisPerRequest 1e300 is out of range"}},
		{"external availability 200", "backing:\n", "external:\n  - {name: pay, url: https://pay.example.com, availability: 200}\nbacking:\n", 19, 61, []string{"availability 200 is out of range: must be above 0 and below 100"}},
		{"pool max 17,111,423", "    profile: prod\n", "    profile: prod\n    nodePools: {apps: {max: 17111423}}\n", 28, 29, []string{"max 17111423 is out of range", "1,000"}},
		{"negative pool size", "    profile: prod\n", "    profile: prod\n    nodePools: {system: {min: -1}}\n", 28, 31, []string{"min -1 is out of range"}},
		{"kubernetes banana", "    profile: prod\n", "    profile: prod\n    aks: {kubernetesVersion: banana}\n", 28, 30, []string{`kubernetesVersion "banana" is not in the expected form`}},
		{"kubernetes past its end of life", "    profile: prod\n", "    profile: prod\n    aks: {kubernetesVersion: \"1.29\"}\n", 28, 30, []string{"Kubernetes 1.29 reached its end of life", "supported now: 1.35, 1.36"}},
		{"kubernetes unknown", "    profile: prod\n", "    profile: prod\n    aks: {kubernetesVersion: \"1.99\"}\n", 28, 30, []string{`Kubernetes "1.99" is not a version AKS offers`}},
		{"kubernetes unquoted", "    profile: prod\n", "    profile: prod\n    aks: {kubernetesVersion: 1.35}\n", 28, 30, []string{"must be text, not the number 1.35", `"1.35"`}},
		{"region marsnorth", "region: koreacentral\n", "region: marsnorth\n", 7, 9, []string{`region "marsnorth" is not allowed here`}},
		{"environment with trailing hyphen", "  - name: prod\n", "  - name: prod-\n", 26, 11, []string{`name "prod-" is not in the expected form`}},
		{"system with double hyphen", "  name: shop\n", "  name: ab--cd\n", 4, 9, []string{`name "ab--cd" is not in the expected form`, "single hyphens"}},
		{"queues differing in case", "    queues: [jobs]\n", "    queues: [jobs, Jobs]\n", 22, 20, []string{`"Jobs" is declared twice (as "jobs")`, "names ignore case"}},
		{"route with dot segments", "    route: /api\n", "    route: /api/../bills\n", 10, 12, []string{"dot segment"}},
		{"routes colliding after normalising", "  - name: worker\n", "  - name: worker\n    route: /api//\n", 17, 12, []string{`route "/api" is served twice`}},
		{"IPv6 subnet", "    profile: prod\n", "    profile: prod\n    network: {subnets: [{role: aks, cidr: \"fd00::/64\"}]}\n", 28, 43, []string{`cidr "fd00::/64" is not in the expected form`, "IPv4"}},
		{"service CIDR too small", "    profile: prod\n", "    profile: prod\n    network: {serviceCIDR: 172.16.0.0/30}\n", 28, 28, []string{"prefix length AKS does not accept"}},
		{"empty value", "    queues: [jobs]\n", "    queues:\n", 22, 12, []string{"backing.serviceBus.queues has no value"}},
		{"duration that overflows", "    profile: prod\n", "    profile: prod\n    targets: {rto: 999999d}\n", 28, 20, []string{`rto "999999d" is not a duration`}},
		{"too many calls", "    calls: [worker]\n", "    calls: [" + strings.TrimSuffix(strings.Repeat("worker, ", 51), ", ") + "]\n", 14, 12, []string{"calls has 51 items; at most 50"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("test case does not apply: %q not in base", c.old)
			}
			doc, err := testLoad("shop.yaml", []byte(strings.Replace(base, c.old, c.new, 1)))
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

// TestWrittenZeroIsKept: a load figure written as 0 means no user traffic;
// only an absent one gets the default.
func TestWrittenZeroIsKept(t *testing.T) {
	src := strings.Replace(base, "    consumes: [jobs]\n", "    consumes: [jobs]\n    load: {requestsPerUserPerMinute: 0}\n", 1)
	doc, err := testLoad("shop.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Spec.Services[1].Load.RequestsPerUserPerMinute; got != 0 {
		t.Errorf("written 0 became %g", got)
	}
	if got := doc.Spec.Services[0].Load.RequestsPerUserPerMinute; got != DefaultRequestsPerUserPerMinute {
		t.Errorf("absent figure = %g, want the default", got)
	}
}

func TestRouteNormalised(t *testing.T) {
	doc, err := testLoad("shop.yaml", []byte(strings.Replace(base, "    route: /api\n", "    route: /api//v1/\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Spec.Services[0].Route; got != "/api/v1" {
		t.Errorf("route = %q, want /api/v1", got)
	}
}

func TestSourceErrors(t *testing.T) {
	cases := []struct {
		name      string
		src       string
		line, col int
		want      string
	}{
		{"empty file", "", 1, 1, "the spec is empty"},
		{"only comments", "# nothing here\n\n", 1, 1, "the spec is empty"},
		{"non-UTF-8 byte", "apiVersion: physarch.dev/v1\nkind: System\nmetadata: {name: s\xffx}\n", 3, 19, "not UTF-8: byte 0xff at byte offset 59"},
		{"tab indentation", "apiVersion: physarch.dev/v1\nmetadata:\n\tname: x\n", 3, 1, "a tab character indents this line"},
		{"tab after spaces", "apiVersion: physarch.dev/v1\nmetadata:\n  \tname: x\n", 3, 3, "a tab character indents this line"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := testLoad("x.yaml", []byte(c.src))
			var errs Errors
			if !errors.As(err, &errs) || len(errs) != 1 {
				t.Fatalf("want one error, got %v", err)
			}
			e := errs[0]
			if e.Pos.Line != c.line || e.Pos.Col != c.col || !strings.Contains(e.Msg, c.want) {
				t.Errorf("got %v, want %d:%d %q", e, c.line, c.col, c.want)
			}
		})
	}
}

// aliasAmplified is the shape that took 242 s to validate: every service
// aliases one anchored list of calls to services that do not exist.
func aliasAmplified(services, calls int) []byte {
	var b strings.Builder
	b.WriteString("apiVersion: physarch.dev/v1\nkind: System\nmetadata: {name: amp, title: {en: Amp}}\ncloud: azure\nregion: koreacentral\nx-calls: &calls [")
	for i := range calls {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "ghost-%d", i)
	}
	b.WriteString("]\nservices:\n")
	for i := range services {
		fmt.Fprintf(&b, "  - {name: svc-%d, calls: *calls}\n", i)
	}
	b.WriteString("environments:\n  - {name: dev, profile: dev}\n")
	return []byte(b.String())
}

// TestAliasAmplifiedIsCapped: the errors of one mistake repeated through
// an alias are reported once per place and capped; the work is linear
// (BenchmarkAliasAmplified measures it).
func TestAliasAmplifiedIsCapped(t *testing.T) {
	_, err := testLoad("amp.yaml", aliasAmplified(1000, 50))
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want errors, got %v", err)
	}
	if len(errs) > MaxErrors+1 {
		t.Errorf("%d errors reported; at most %d plus a summary", len(errs), MaxErrors)
	}
	if last := errs[len(errs)-1]; !strings.Contains(last.Msg, "more errors") && len(errs) > MaxErrors {
		t.Errorf("no summary line: %v", last)
	}
}

// BenchmarkAliasAmplified: 1,000 services aliasing 50 undefined calls each
// (x-calls is an unknown key, the calls are all undefined).
func BenchmarkAliasAmplified(b *testing.B) {
	src := aliasAmplified(1000, 50)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := testLoad("amp.yaml", src); err == nil {
			b.Fatal("loaded")
		}
	}
}
