package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/components"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// base is the kt-event-marketing example in its intended form.
func base(t *testing.T) string {
	t.Helper()
	_, data, err := examples.Spec("kt-event-marketing")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// variant is a spec edit plus, for rules that guard invariants the loader
// or the planner already enforce, a change to the plan or the context.
type variant struct {
	edit    func(string) string
	planMut func(*plan.Plan)
	ctxMut  func(*check.Context)
}

func replace(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

// prod adds settings to the prod environment, dev to the dev one.
func prod(yaml string) func(string) string {
	return replace("    profile: prod\n", "    profile: prod\n    "+yaml+"\n")
}

func dev(yaml string) func(string) string {
	return replace("    profile: dev\n", "    profile: dev\n    "+yaml+"\n")
}

// cronjob adds a nightly cronjob with a concurrency policy.
func cronjob(policy string) func(string) string {
	return replace("services:\n", "services:\n  - name: nightly\n    kind: cronjob\n    cronJob: {schedule: \"0 2 * * *\", concurrencyPolicy: "+policy+"}\n")
}

func prodEnv(pl *plan.Plan) *plan.Env { return pl.Envs[len(pl.Envs)-1] }

func (v variant) context(t *testing.T) *check.Context {
	t.Helper()
	text := base(t)
	if v.edit != nil {
		text = v.edit(text)
		if text == base(t) {
			t.Fatal("the spec edit changed nothing; the example no longer has the text it replaces")
		}
	}
	c := analyse(t, "physarch.yaml", []byte(text), v.planMut)
	if v.ctxMut != nil {
		v.ctxMut(c)
	}
	return c
}

// analyse loads, plans (then applies planMut, if any) and analyses a spec.
func analyse(t *testing.T, file string, data []byte, planMut func(*plan.Plan)) *check.Context {
	t.Helper()
	doc, err := components.Load(file, data)
	if err != nil {
		t.Fatalf("%s does not load: %v", file, err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatalf("%s does not plan: %v", file, err)
	}
	if planMut != nil {
		planMut(pl)
	}
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	c, err := check.NewContext(doc, pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var quiet = variant{}

// ruleCases: for every rule, a variant that triggers it and one that
// leaves it quiet (the example as intended, unless that already triggers).
var ruleCases = map[string][2]variant{
	"AV001": {{edit: replace("availability: 99.5", "availability: 99.9")}, quiet},
	"AV003": {{edit: prod("postgresql: {ha: none}")}, quiet},
	"AV004": {{edit: prod("aks: {tier: Free}")}, quiet},
	"AV005": {{edit: func(s string) string {
		return prod("postgresql: {ha: samezone}")(replace("rto: 12h, rpo: 1h}", "rto: 12h, rpo: 1h, zones: 1}")(s))
	}}, quiet},
	// The prod profile's three zones are taken down to the region's none:
	// the spec loads, and AV019 says what that costs.
	"AV019": {{edit: replace("region: koreacentral", "region: koreasouth")}, quiet},
	// koreacentral recovers into its pair, koreasouth, which has no zones;
	// a DR region with zones is quiet.
	"AV020": {quiet, {edit: prod("dr: {mode: geo-restore, region: japaneast}")}},
	"AV006": {{planMut: func(pl *plan.Plan) { prodEnv(pl).Workloads[0].Min = 1 }}, quiet},
	"AV007": {{planMut: func(pl *plan.Plan) { w := &prodEnv(pl).Workloads[0]; w.PDBMinAvail = w.Min }}, quiet},
	"AV008": {{edit: prod("nodePools: {apps: {spot: true}}")}, quiet},
	"AV009": {quiet, {edit: func(s string) string {
		return strings.ReplaceAll(s, "circuitBreaker: true\n", "circuitBreaker: true\n    availability: 99.9\n")
	}}},
	"AV010": {{edit: prod("serviceBus: {tier: Standard}")}, quiet},
	// A gateway with a fixed instance count in one zone has no SLA; the
	// same gateway autoscaling keeps its 99.95%.
	"AV012": {{edit: func(s string) string {
		return prod("ingress: {gatewayMinCapacity: 2, gatewayMaxCapacity: 2}")(prod("postgresql: {ha: samezone}")(replace("rto: 12h, rpo: 1h}", "rto: 12h, rpo: 1h, zones: 1}")(s)))
	}}, {edit: func(s string) string {
		return prod("postgresql: {ha: samezone}")(replace("rto: 12h, rpo: 1h}", "rto: 12h, rpo: 1h, zones: 1}")(s))
	}}},
	"RS001": {{planMut: func(pl *plan.Plan) { pl.Services[0].Calls = []string{pl.Services[1].Name} }}, quiet},
	"RS002": {{planMut: func(pl *plan.Plan) {
		for i := range pl.Services {
			pl.Services[i].Consumes = nil
		}
	}}, quiet},
	"RS003": {{planMut: func(pl *plan.Plan) {
		for i := range pl.Services {
			pl.Services[i].Produces = nil
		}
	}}, quiet},
	"RS004": {{edit: replace("    timeoutSeconds: 60\n", "")}, quiet},
	"RS005": {{edit: replace("    health: /actuator/health\n", "")}, quiet},
	"RS006": {{planMut: func(pl *plan.Plan) {
		s := pl.Services // user ← event ← participation already; make a chain of four
		s[0].Calls = []string{s[3].Name}
	}}, quiet},
	// The example's ai-service and content-service consume with no route;
	// with a route each, nothing is a pure consumer.
	"RS011": {quiet, {edit: func(s string) string {
		s = strings.Replace(s, "  - name: ai-service\n", "  - name: ai-service\n    route: /api/ai\n", 1)
		return strings.Replace(s, "  - name: content-service\n", "  - name: content-service\n    route: /api/content\n", 1)
	}}},
	"RS010": {{edit: replace("rto: 12h, rpo: 1h}", "rto: 30m, rpo: 1h}")}, quiet},
	"RS007": {{edit: prod("postgresql: {geoBackup: false}")}, quiet},
	"CP001": {{planMut: func(pl *plan.Plan) { prodEnv(pl).Workloads[0].CPULimit = "100m" }}, quiet},
	"CP002": {{planMut: func(pl *plan.Plan) { prodEnv(pl).Workloads[0].CPURequestM = 64000 }}, quiet},
	"CP003": {{edit: func(s string) string { return strings.ReplaceAll(s, "    dbPoolSize: 4\n", "") }}, quiet},
	"CP005": {{planMut: func(pl *plan.Plan) { prodEnv(pl).Network.Subnets[0].Usable = 10 }}, quiet},
	"CP006": {{planMut: func(pl *plan.Plan) { w := &prodEnv(pl).Workloads[0]; w.Max = w.Min }}, quiet},
	"CP007": {{planMut: func(pl *plan.Plan) { w := &prodEnv(pl).Workloads[0]; w.Needed = w.Max }}, quiet},
	"CP015": {{edit: cronjob("Allow")}, {edit: cronjob("Forbid")}},
	"CP017": {{edit: dev("nodePools: {apps: {autoscale: false}}")}, quiet},
	"CP016": {{edit: prod("nodePools: {gpu: {vmSize: Standard_NC4as_T4_v3}}")}, {edit: prod(`nodePools: {gpu: {vmSize: Standard_NC4as_T4_v3, taints: ["sku=gpu:NoSchedule"]}}`)}},
	"CP018": {{edit: prod("nodePools: {apps: {vmSize: Standard_D2s_v3}}")}, quiet},
	// 3,000m fits a D4s_v3's 3,860m allocatable alone, not beside the
	// DaemonSets' 1,310m (daemonsets_test.go has the other cases).
	"CP019": {{planMut: func(pl *plan.Plan) { prodEnv(pl).Workloads[0].CPURequestM = 3000 }}, quiet},
	"CP008": {{edit: prod("nodePools: {apps: {max: 32}}")}, {edit: prod("nodePools: {apps: {max: 40}}")}},
	"NW001": {{planMut: func(pl *plan.Plan) { n := &prodEnv(pl).Network; n.Subnets[1].CIDR = n.Subnets[0].CIDR }}, quiet},
	"NW002": {{planMut: func(pl *plan.Plan) { prodEnv(pl).Network.Subnets[0].CIDR = "192.168.0.0/24" }}, quiet},
	"NW003": {{edit: prod("network: {privateEndpoints: false}")}, quiet},
	"NW004": {{edit: prod("aks: {privateCluster: false}")}, quiet},
	"NW005": {{planMut: func(pl *plan.Plan) { prodEnv(pl).Settings.AKS.NetworkPolicy = "" }}, quiet},
	"SC001": {{edit: prod("ingress: {waf: false}")}, quiet},
	"SC002": {{edit: prod("ingress: {rateLimitPerMinute: 0}")}, quiet},
	"SC003": {{edit: prod("ingress: {wafMode: Detection}")}, quiet},
	"SC004": {{edit: prod("security: {keyVault: false}")}, quiet},
	"SC005": {{edit: dev("postgresql: {storageClass: hostpath}")}, quiet},
	"SC006": {{edit: prod("aks: {entraRBAC: false}")}, quiet},
	"SC007": {{edit: prod("ingress: {frontDoor: none}")}, quiet},
	"CO001": {{edit: replace("budgetUSD: 5000", "budgetUSD: 100")}, quiet},
	"CO002": {quiet, {edit: replace("budgetUSD: 5000", "budgetUSD: 15000")}},
	"CO003": {{edit: dev("redis: {mode: managed, tier: Basic, sku: C0}")}, quiet},
	"CO004": {{edit: dev("aks: {tier: Standard}")}, quiet},
	"CO005": {quiet, {ctxMut: func(c *check.Context) {
		for _, r := range c.Cost {
			r.Fallbacks = 0
		}
	}}},
	"OP001": {{edit: prod("monitoring: {logAnalytics: false}")}, quiet},
	"OP002": {{edit: prod("monitoring: {retentionDays: 30}")}, {edit: prod("monitoring: {retentionDays: 90}")}},
	"OP003": {{planMut: func(pl *plan.Plan) { prodEnv(pl).Settings.Targets.RTO = "" }}, quiet},
	"OP004": {{edit: prod("# physarch:ignore AV005")}, quiet},
	// The clock 181 days after the snapshot's date triggers; 180 days and
	// no clock at all (builds, diffs) stay quiet.
	"OP007": {{ctxMut: func(c *check.Context) { c.Now = snapshotDay.AddDate(0, 0, 181) }}, {ctxMut: func(c *check.Context) { c.Now = snapshotDay.AddDate(0, 0, 180) }}},
	"OP005": {{planMut: func(pl *plan.Plan) {
		for _, e := range pl.Envs {
			e.Profile = "prod"
		}
	}}, quiet},
}

// snapshotDay is the embedded snapshot's date (the catalog's tests check
// that it parses).
var snapshotDay, _ = time.Parse("2006-01-02", azure.SnapshotDate)

func fired(c *check.Context, id string) []check.Finding {
	rule, _ := components.Checks().Rule(id)
	return rule.Check(c)
}

// TestEveryRuleTriggersAndStaysQuiet runs each rule on a variant that must
// trigger it and one that must not.
func TestEveryRuleTriggersAndStaysQuiet(t *testing.T) {
	reg := components.Checks()
	for _, r := range reg.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			cases, ok := ruleCases[r.ID]
			if !ok {
				// A block's rules may be tested in its own package, on a
				// spec that uses the block (testplan.Findings).
				if !testedInBlock(t, r.ID) {
					t.Fatalf("rule %s has no trigger/quiet case here or in internal/component/*/rules_test.go", r.ID)
				}
				return
			}
			if got := fired(cases[0].context(t), r.ID); len(got) == 0 {
				t.Errorf("trigger variant does not trigger %s", r.ID)
			}
			if got := fired(cases[1].context(t), r.ID); len(got) != 0 {
				t.Errorf("quiet variant triggers %s: %s", r.ID, got[0].Message)
			}
		})
	}
	for id := range ruleCases {
		if _, ok := reg.Rule(id); !ok {
			t.Errorf("case for unknown rule %s", id)
		}
	}
}

// testedInBlock reports whether some block's rules_test.go names the rule
// with both a trigger and a quiet case (the convention: the ID in a test
// table with "trigger" and "quiet" entries).
func testedInBlock(t *testing.T, id string) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "component", "*", "rules_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		if strings.Contains(src, `"`+id+`"`) && strings.Contains(src, "trigger") && strings.Contains(src, "quiet") {
			return true
		}
	}
	return false
}
