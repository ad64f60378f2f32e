package keyvault_test

import (
	"os"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/component/postgresql"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/testplan"
)

// findings loads and plans a spec, applies mut to the plan (nil for none)
// and runs one rule: SC011 guards what the planner already ensures, so
// its triggers change the plan, as internal/check/rules_test.go does.
func findings(t *testing.T, file string, data []byte, mut func(*plan.Plan), id string) []check.Finding {
	t.Helper()
	doc, err := components.Load(file, data)
	if err != nil {
		t.Fatalf("%s does not load: %v", file, err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatalf("%s does not plan: %v", file, err)
	}
	if mut != nil {
		mut(pl)
	}
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	c, err := check.NewContext(doc, pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	rule, ok := components.Checks().Rule(id)
	if !ok {
		t.Fatalf("no rule %s", id)
	}
	return rule.Check(c)
}

func example(t *testing.T, name string) (string, []byte) {
	t.Helper()
	p, data, err := examples.Spec(name)
	if err != nil {
		t.Fatal(err)
	}
	return p, data
}

func prodOf(pl *plan.Plan) *plan.Env { return pl.Envs[len(pl.Envs)-1] }

// TestRules gives SC011 and SC012 a case that triggers each and one that
// leaves it quiet; internal/check/rules_test.go finds the IDs here.
func TestRules(t *testing.T) {
	starter, err := os.ReadFile("../../cli/starter.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// The starter with one reader per secret: without the queue, no
	// service shares the bus's connection string.
	oneReader := string(starter)
	for _, cut := range []string{"    produces: [user-events]       # Service Bus queues/topics it sends to\n", "    consumes: [user-events]\n", "  serviceBus:\n    queues: [user-events]\n"} {
		if !strings.Contains(oneReader, cut) {
			t.Fatalf("the starter spec changed; %q is gone", cut)
		}
		oneReader = strings.Replace(oneReader, cut, "", 1)
	}
	cases := []struct {
		id, name string
		file     string
		data     []byte
		mut      func(*plan.Plan)
		fires    bool
		path     string // the first finding's path, when it fires
		says     string // in the first finding's message
	}{
		{"SC011", "trigger: a service's class lists the administrator password", "", nil, func(pl *plan.Plan) {
			e := prodOf(pl)
			e.Identities[0].Secrets = append(e.Identities[0].Secrets, postgresql.AdminSecret)
		}, true, "services[0]", "user-service can read postgresql-admin-password, which only postgresql-init needs"},
		{"SC011", "trigger: a service's identity can read another service's password", "", nil, func(pl *plan.Plan) {
			e := prodOf(pl)
			e.Identities[0].Secrets = append(e.Identities[0].Secrets, "event-service-db-password")
		}, true, "services[0]", "user-service's identity can read event-service-db-password, which its containers do not read"},
		{"SC011", "trigger: two services share one identity", "", nil, func(pl *plan.Plan) {
			e := prodOf(pl)
			e.Identities[1].Name = e.Identities[0].Name
		}, true, "services[1]", "user-service and event-service share the identity id-kt-event-marketing-prod-user-service"},
		{"SC011", "trigger: the init Job's class lists a secret it does not read", "", nil, func(pl *plan.Plan) {
			e := prodOf(pl)
			for i := range e.Identities {
				if e.Identities[i].Component != "" {
					e.Identities[i].Secrets = append(e.Identities[i].Secrets, "redis-password")
				}
			}
		}, true, "environments[1]", "postgresql-init's identity can read redis-password"},
		{"SC011", "quiet: the example as planned", "", nil, nil, false, "", ""},

		{"SC012", "trigger: the example (five services read redis-password)", "", nil, nil, true, "services[0]", "redis-password is one key read by 5 services"},
		{"SC012", "quiet: one reader per secret", "physarch.yaml", []byte(oneReader), nil, false, "", ""},
		{"SC012", "quiet: the example without Key Vault (SC004's concern)", "physarch.yaml", []byte(strings.Replace(string(mustExample(t)), "    profile: prod\n", "    profile: prod\n    security: {keyVault: false}\n", 1)), nil, false, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.id+"/"+tc.name, func(t *testing.T) {
			file, data := tc.file, tc.data
			if data == nil {
				file, data = example(t, "kt-event-marketing")
			}
			got := findings(t, file, data, tc.mut, tc.id)
			if !tc.fires {
				if len(got) > 0 {
					t.Fatalf("quiet case fires: %s", got[0].Message)
				}
				return
			}
			if len(got) == 0 {
				t.Fatal("trigger case is quiet")
			}
			if got[0].Path != tc.path || !strings.Contains(got[0].Message, tc.says) {
				t.Errorf("first finding %s: %q, want %s: %q", got[0].Path, got[0].Message, tc.path, tc.says)
			}
		})
	}
}

func mustExample(t *testing.T) []byte {
	t.Helper()
	_, data := example(t, "kt-event-marketing")
	return data
}

// TestEveryJudgedSpecKeepsSecretsApart: no example or block sample, in
// any environment, gives a workload more than it reads (SC011 quiet on
// all of them), and each has one identity per workload.
func TestEveryJudgedSpecKeepsSecretsApart(t *testing.T) {
	for _, n := range testplan.Judged(t) {
		for _, e := range n.Plan.Envs {
			want := len(e.Workloads) + len(e.JobIdentities())
			if len(e.Identities) != want {
				t.Errorf("%s/%s: %d identities for %d workloads", n.Name, e.Name, len(e.Identities), want)
			}
		}
	}
	for _, name := range examples.Names() {
		file, data := example(t, name)
		if got := findings(t, file, data, nil, "SC011"); len(got) > 0 {
			t.Errorf("%s: %s", name, got[0].Message)
		}
	}
}
