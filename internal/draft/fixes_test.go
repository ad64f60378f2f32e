package draft_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/draft"
	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/spec"
)

// dir reads a package under testdata.
func dir(t *testing.T, name string) []facts.Input {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join("testdata", name, "*"))
	if len(m) == 0 {
		t.Fatalf("no package at testdata/%s", name)
	}
	var out []facts.Input
	for _, p := range m {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, facts.Input{Name: filepath.Base(p), Data: b})
	}
	return out
}

// planned loads and plans a drafted spec.
func planned(t *testing.T, yaml string) (*spec.Document, *plan.Plan) {
	t.Helper()
	doc, err := components.Load("physarch.yaml", []byte(yaml))
	if err != nil {
		t.Fatalf("the draft does not load: %v\n%s", err, yaml)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatalf("the draft does not plan: %v\n%s", err, yaml)
	}
	return doc, pl
}

func envOf(pl *plan.Plan, name string) *plan.Env {
	for _, e := range pl.Envs {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// lineOf is the draft's line that holds s ("" when none does).
func lineOf(yaml, s string) string {
	for _, l := range strings.Split(yaml, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

func contains(t *testing.T, y string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(y, w) {
			t.Errorf("draft lacks %q:\n%s", w, y)
		}
	}
	for _, n := range not {
		if strings.Contains(y, n) {
			t.Errorf("draft has %q:\n%s", n, y)
		}
	}
}

// TestImportBSeriesPoolIsNotSpot: a package's B-series dev pool drafts a
// spec that builds, audits clean and plans the pool pay-as-you-go (Azure
// sells no B-series Spot VM, so the dev profile's Spot is not taken); a
// spot: true written on it is an error at that key, with a hint.
func TestImportBSeriesPoolIsNotSpot(t *testing.T) {
	for _, c := range []struct{ pkg, size, alike string }{
		{"fixes/spot-b2ms", "Standard_B2ms", "Standard_D2s_v3"},
		{"fixes/spot-b4ms", "Standard_B4ms", "Standard_D4s_v3"},
	} {
		t.Run(c.size, func(t *testing.T) {
			y := roundTrip(t, dir(t, c.pkg))
			contains(t, y, []string{"apps: {vmSize: " + c.size + "}", "pay-as-you-go: Azure offers no B-series size as Spot"}, []string{"spot: true"})
			_, pl := planned(t, y)
			if p := envOf(pl, "dev").Pool("apps"); p.VMSize != c.size || p.Spot {
				t.Errorf("dev apps pool %s Spot %v, want %s pay-as-you-go", p.VMSize, p.Spot, c.size)
			}
			stated := strings.Replace(y, "apps: {vmSize: "+c.size+"}", "apps: {vmSize: "+c.size+", spot: true}", 1)
			_, _, err := generate.Spec("physarch.yaml", []byte(stated), generate.Options{Lang: md.Ko})
			var errs spec.Errors
			if !errors.As(err, &errs) || len(errs) != 1 {
				t.Fatalf("spot: true on %s: want one error, got %v", c.size, err)
			}
			e := errs[0]
			line := strings.Split(stated, "\n")[e.Pos.Line-1]
			if e.Pos.File != "physarch.yaml" || !strings.Contains(line, "spot: true") || !strings.HasPrefix(line[e.Pos.Col-1:], "true") {
				t.Errorf("error at %v (%q), want the spot key's value", e.Pos, line)
			}
			if !strings.Contains(e.Msg, "does not offer "+c.size) || !strings.Contains(e.Hint, "spot: false") || !strings.Contains(e.Hint, c.alike) {
				t.Errorf("error %q hint %q", e.Msg, e.Hint)
			}
		})
	}
}

// TestImportServiceCIDROutsideTheVNet: a package VNet that takes the
// profile's service CIDR (172.16.0.0/16 in both profiles) drafts a
// service CIDR outside it; a VNet clear of it drafts none.
func TestImportServiceCIDROutsideTheVNet(t *testing.T) {
	cases := []struct {
		pkg       string
		want, not []string
	}{
		{"fixes/vnet-on-service-cidr", []string{
			"network: {vnetCIDR: 172.16.0.0/16, serviceCIDR: 10.0.0.0/16}",
			"network: {vnetCIDR: 172.16.0.0/12, serviceCIDR: 10.0.0.0/16}",
			"serviceCIDR guessed: the package states none, and the dev profile's 172.16.0.0/16 overlaps this VNet",
		}, nil},
		{"fixes/pool-rows-ko", []string{"network: {vnetCIDR: 10.10.0.0/16}  #", "network: {vnetCIDR: 10.20.0.0/16}  #"}, []string{"serviceCIDR"}},
	}
	for _, c := range cases {
		t.Run(c.pkg, func(t *testing.T) {
			y := roundTrip(t, dir(t, c.pkg))
			contains(t, y, c.want, c.not)
			_, pl := planned(t, y)
			for _, e := range pl.Envs {
				if strings.HasPrefix(e.Network.VNet, "172.16.") && e.Network.ServiceCIDR != "10.0.0.0/16" {
					t.Errorf("%s: service CIDR %s in VNet %s", e.Name, e.Network.ServiceCIDR, e.Network.VNet)
				}
			}
		})
	}
}

// TestImportNodeSizesFromNodePoolRows: only node-pool rows size the
// nodes: the PostgreSQL SKU (Standard_D4ds_v5, Standard_D2ds_v5) stated
// with its vCPUs and memory next to them never does; a row's first cell
// names its pool, and sizes of no named pool go smaller to system.
func TestImportNodeSizesFromNodePoolRows(t *testing.T) {
	cases := []struct {
		pkg, system, apps, pg string
	}{
		{"fixes/pool-rows-ko", "Standard_D2s_v5", "Standard_D4s_v5", "Standard_D4ds_v5"},
		// Same vCPUs: the row names the pool, not the size's order.
		{"fixes/pool-rows-en", "Standard_D4s_v5", "Standard_E4s_v5", "Standard_D4ds_v5"},
		{"fixes/pool-sizes-unnamed", "Standard_D2s_v3", "Standard_D4s_v3", "Standard_D2ds_v5"},
		// A cluster section's rows named system and app are the pools'.
		{"fixes/pool-rows-cluster-section", "Standard_D2s_v5", "Standard_D4s_v5", "Standard_D4ds_v5"},
	}
	for _, c := range cases {
		t.Run(c.pkg, func(t *testing.T) {
			y := roundTrip(t, dir(t, c.pkg))
			contains(t, y, []string{"system: {vmSize: " + c.system + "}", "apps: {vmSize: " + c.apps + "}"}, []string{c.pg})
			_, pl := planned(t, y)
			prod := envOf(pl, "prod")
			if prod.Pool("system").VMSize != c.system || prod.Pool("apps").VMSize != c.apps {
				t.Errorf("prod pools %s/%s, want %s/%s", prod.Pool("system").VMSize, prod.Pool("apps").VMSize, c.system, c.apps)
			}
		})
	}
}

// TestImportQueueEnds: who sends to and receives from each queue comes
// from the Produces and Consumes facts (a diagram's edges) first, then
// the queue table's sender and receiver columns (whatever their order),
// and only then from a guess on the queue's name.
func TestImportQueueEnds(t *testing.T) {
	table := map[string][2][]string{
		"order-service":        {{"notification-send", "order-created"}, {"payment-completed"}},
		"payment-service":      {{"payment-completed"}, {"order-created"}},
		"notification-service": {nil, {"notification-send", "payment-completed"}},
	}
	cases := []struct {
		pkg  string
		want map[string][2][]string // service: produces, consumes
		note string
	}{
		{"fixes/queue-table-ko", table, "order-created from physical-architecture-prod.md:42"},
		{"fixes/queue-table-en", table, "order-created from physical-architecture-prod.md:42"},
		// The diagram draws payment-service sending order-created to
		// notification-service: its edges win over the table's row.
		{"fixes/queue-edges", map[string][2][]string{
			"order-service":        {{"notification-send"}, {"payment-completed"}},
			"payment-service":      {{"order-created", "payment-completed"}, nil},
			"notification-service": {nil, {"order-created", "notification-send", "payment-completed"}},
		}, "order-created from physical-architecture-prod.mmd:11"},
		// The diagram draws only the sender: the table gives the receiver.
		{"fixes/queue-edge-sender-only", table, "order-created from physical-architecture-prod.mmd:11; notification-send from physical-architecture-prod.md:44"},
		// No edge, no column: an event queue is its named service's to
		// send, a command queue its named service's to receive.
		{"fixes/queue-names", map[string][2][]string{
			"order-service":        {{"order-created", "notification-send"}, {"payment-completed"}},
			"payment-service":      {{"payment-completed"}, {"order-created"}},
			"notification-service": {nil, {"notification-send"}},
		}, "guessed: no edge or table column shows who"},
	}
	for _, c := range cases {
		t.Run(c.pkg, func(t *testing.T) {
			y := roundTrip(t, dir(t, c.pkg))
			contains(t, y, []string{c.note}, nil)
			doc, _ := planned(t, y)
			got := map[string][2][]string{}
			for _, sv := range doc.Spec.Services {
				if len(sv.Produces)+len(sv.Consumes) > 0 {
					got[sv.Name] = [2][]string{sorted(sv.Produces), sorted(sv.Consumes)}
				}
			}
			for name, w := range c.want {
				w = [2][]string{sorted(w[0]), sorted(w[1])}
				if !slices.Equal(got[name][0], w[0]) || !slices.Equal(got[name][1], w[1]) {
					t.Errorf("%s produces %v consumes %v, want %v %v", name, got[name][0], got[name][1], w[0], w[1])
				}
			}
			if len(got) > len(c.want) {
				t.Errorf("services with queues %v, want %v", got, c.want)
			}
		})
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

// TestImportResourcesPerEnvironment: requests and limits that differ
// between the dev and prod documents are not a conflict (the documents
// size each environment, the spec states one value): the draft takes
// prod's and says what dev states. Two documents of one environment that
// disagree are still a conflict.
func TestImportResourcesPerEnvironment(t *testing.T) {
	cases := []struct {
		pkg, service string
		want, not    []string
	}{
		{"fixes/resources-per-env", "order-service", []string{
			"requests: {cpu: 250m, memory: 512Mi}  # from physical-architecture-prod.md:19 (prod); dev states 100m/256Mi at physical-architecture-dev.md:18: the spec states one value for every environment, prod's here",
			"limits: {cpu: 1000m, memory: 1Gi}  # from physical-architecture-prod.md:19 (prod); dev states 500m/512Mi at physical-architecture-dev.md:18",
		}, []string{"conflict"}},
		{"fixes/resources-per-env", "notification-service", []string{
			"requests: {cpu: 100m, memory: 256Mi}  # from physical-architecture-prod.md:21, physical-architecture-dev.md:20 (prod)",
		}, []string{"conflict", "dev states"}},
		{"fixes/resources-one-env-disagrees", "order-service", []string{
			"requests: {cpu: 250m, memory: 512Mi}  # conflict: 250m/512Mi at physical-architecture-prod.md:19; not 300m/512Mi at physical-architecture-prod.md:",
			"dev states 100m/256Mi at physical-architecture-dev.md:18",
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.pkg+"/"+c.service, func(t *testing.T) {
			y := roundTrip(t, dir(t, c.pkg))
			// The service's own lines: from its name to the next service.
			_, rest, _ := strings.Cut(y, "- name: "+c.service)
			block, _, _ := strings.Cut(rest, "\n  - name: ")
			contains(t, block, c.want, c.not)
		})
	}
}

// TestImportIndependentPackages: three packages written by hand, outside
// physarch (testdata/independent), draft into specs that build and
// rebuild audit-clean, with what the tester found wrong fixed.
func TestImportIndependentPackages(t *testing.T) {
	cases := []struct {
		name      string
		want, not []string
	}{
		{"a", []string{
			"apps: {vmSize: Standard_B2ms}",
			"system: {vmSize: Standard_D2s_v5}",
			"apps: {vmSize: Standard_D4s_v5}",
			"dev states 100m/256Mi",
		}, []string{"vmSize: Standard_D4ds_v5", "user-service", "spot: true"}},
		{"b", []string{"serviceCIDR: 10.0.0.0/16", "apps: {vmSize: Standard_D4s_v3}"}, nil},
		{"c", []string{"apps: {vmSize: Standard_B4ms}", "apps: {vmSize: Standard_E4s_v5}"}, []string{"vmSize: Standard_D4ds_v5"}},
		// The second independent set: B-series dev pools, a VNet holding
		// the default service range, PlantUML diagrams.
		{"../independent2/p1", []string{"apps: {vmSize: Standard_B4ms}"}, []string{"vmSize: Standard_D4ds_v5", "spot: true"}},
		{"../independent2/p2", []string{"serviceCIDR:"}, nil},
		{"../independent2/p3", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The packages are the audit's independent test sets (one copy).
			y := roundTrip(t, dir(t, "../../audit/testdata/independent/"+c.name))
			var produces []string
			for _, l := range strings.Split(y, "\n") {
				if strings.Contains(l, "produces:") || strings.Contains(l, "consumes:") {
					produces = append(produces, l)
				}
			}
			// user-service sends to no queue in A.
			contains(t, strings.Join(produces, "\n"), nil, c.not)
			contains(t, y, c.want, nil)
			for _, l := range strings.Split(y, "\n") {
				if (strings.Contains(l, "requests:") || strings.Contains(l, "limits:")) && strings.Contains(l, "conflict") {
					t.Errorf("resources marked a conflict: %s", l)
				}
			}
			doc, pl := planned(t, y)
			for _, e := range pl.Envs {
				for _, p := range e.Pools {
					if p.Spot && strings.HasPrefix(p.VMSize, "Standard_B") {
						t.Errorf("%s: pool %s is planned as Spot on %s", e.Name, p.Name, p.VMSize)
					}
				}
			}
			if c.name == "a" {
				want := map[string][2]string{
					"order-service":        {"notification-send,order-created", "payment-completed"},
					"payment-service":      {"payment-completed", "order-created"},
					"notification-service": {"", "notification-send,payment-completed"},
				}
				for _, sv := range doc.Spec.Services {
					got := [2]string{strings.Join(sorted(sv.Produces), ","), strings.Join(sorted(sv.Consumes), ",")}
					if got != want[sv.Name] {
						t.Errorf("A's %s produces/consumes %v, want %v (the 송신/수신 table at physical-architecture-prod.md:267-269)", sv.Name, got, want[sv.Name])
					}
				}
			}
		})
	}
}

// TestImportQueueEndsNameTheirRows: the row the table's ends are read
// from is named in the comment.
func TestImportQueueEndsNameTheirRows(t *testing.T) {
	y := draft.Spec(facts.Extract(dir(t, "fixes/queue-table-ko")), "shop")
	l := lineOf(string(y), "consumes: [payment-completed, notification-send]")
	contains(t, l, []string{"notification-send from physical-architecture-prod.md:44", "payment-completed from physical-architecture-prod.md:43"}, []string{"guessed"})
}
