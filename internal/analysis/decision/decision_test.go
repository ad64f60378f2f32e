package decision_test

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

func estimate(t *testing.T, pl *plan.Plan) []*decision.Report {
	t.Helper()
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	costs, err := cost.Estimate(pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	reps, err := decision.Estimate(pl, prices, costs, availability.Estimate(pl))
	if err != nil {
		t.Fatal(err)
	}
	return reps
}

// independent plans a spec from its text and returns one environment's
// figures, from the planner, cost and availability estimates directly.
func independent(t *testing.T, file string, data []byte, env string, change func(*spec.Spec)) (cost.Report, availability.Report, *plan.Env) {
	t.Helper()
	doc, err := components.Load(file, data)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if change != nil {
		change(&doc.Spec)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	prices, _ := azure.Embedded()
	costs, err := cost.Estimate(pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	var c cost.Report
	var a availability.Report
	var e *plan.Env
	for _, r := range costs {
		if r.Env == env {
			c = *r
		}
	}
	for _, r := range availability.Estimate(pl) {
		if r.Env == env {
			a = *r
		}
	}
	for _, pe := range pl.Envs {
		if pe.Name == env {
			e = pe
		}
	}
	if e == nil {
		t.Fatalf("%s: no environment %s", file, env)
	}
	return c, a, e
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.006 }

// TestEveryAlternativeIsReplanned checks every alternative of every
// decision of every judged spec against a plan made apart from the
// decision package: the spec loaded fresh from its file, the alternative's
// change applied, planned, priced and composed again. The cost
// difference, the availability and the nodes must be that plan's.
func TestEveryAlternativeIsReplanned(t *testing.T) {
	type source struct {
		file string
		data []byte
	}
	var sources []source
	for _, name := range examples.Names() {
		p, data, err := examples.Spec(name)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, source{p, data})
	}
	samples, err := filepath.Glob("../../component/*/testdata/sample*.yaml")
	if err != nil || len(samples) == 0 {
		t.Fatalf("no block samples: %v", err)
	}
	for _, f := range samples {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, source{f, data})
	}
	checked := 0
	for _, src := range sources {
		file, data := src.file, src.data
		doc, err := components.Load(file, data)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		pl, err := components.Plan(doc)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		n := struct{ Name string }{file}
		reps := estimate(t, pl)
		for _, r := range reps {
			base, _, _ := independent(t, file, data, r.Env, nil)
			if !near(base.TotalMin, r.CostMin) || !near(base.TotalMax, r.CostMax) {
				t.Errorf("%s/%s: the design's cost %v–%v, the estimate's %v–%v", n.Name, r.Env, r.CostMin, r.CostMax, base.TotalMin, base.TotalMax)
			}
			// The roadmap's steps are the spec planned for more users.
			for _, st := range r.Steps[1:] {
				if st.Refused != "" {
					continue
				}
				env, users := r.Env, st.Users
				c, a, e := independent(t, file, data, env, func(s *spec.Spec) {
					for i := range s.Environments {
						if s.Environments[i].Name == env {
							s.Environments[i].Targets.Users = users
						}
					}
				})
				lo, hi := e.TotalNodes()
				if !near(st.CostMin, c.TotalMin) || !near(st.CostMax, c.TotalMax) || st.Availability != a.Percent || st.NodesMin != lo || st.NodesMax != hi || st.PeakRPS != e.PeakRPS {
					t.Errorf("%s/%s ×%d: %+v, a re-plan gives cost %v–%v, availability %v, nodes %d–%d, %v req/s", n.Name, env, st.Factor, st.Figures, c.TotalMin, c.TotalMax, a.Percent, lo, hi, e.PeakRPS)
				}
				checked++
			}
			for _, rec := range r.Records {
				if strings.TrimSpace(rec.Reason.Ko) == "" || strings.TrimSpace(rec.Reason.En) == "" {
					t.Errorf("%s/%s: decision %s has no reason", n.Name, r.Env, rec.ID)
				}
				for _, o := range rec.Outcomes {
					if o.Refused != "" {
						continue
					}
					env := r.Env
					c, a, e := independent(t, file, data, env, func(s *spec.Spec) {
						for i := range s.Environments {
							if s.Environments[i].Name == env {
								o.Change(s, &s.Environments[i])
							}
						}
					})
					lo, hi := e.TotalNodes()
					what := n.Name + "/" + env + " " + rec.ID + " → " + o.Choice.En
					if !near(o.DeltaMin, c.TotalMin-base.TotalMin) || !near(o.DeltaMax, c.TotalMax-base.TotalMax) {
						t.Errorf("%s: cost difference %v–%v, a re-plan gives %v–%v", what, o.DeltaMin, o.DeltaMax, c.TotalMin-base.TotalMin, c.TotalMax-base.TotalMax)
					}
					if o.Availability != a.Percent {
						t.Errorf("%s: availability %v, a re-plan gives %v", what, o.Availability, a.Percent)
					}
					if o.NodesMin != lo || o.NodesMax != hi {
						t.Errorf("%s: nodes %d–%d, a re-plan gives %d–%d", what, o.NodesMin, o.NodesMax, lo, hi)
					}
					checked++
				}
			}
		}
	}
	t.Logf("%d alternatives of %d specs re-planned", checked, len(sources))
	if checked < 50 {
		t.Fatalf("only %d alternatives checked", checked)
	}
}

// TestAPlanWithoutSpecHasNoDecisions: a plan assembled by hand cannot be
// planned again, so it lists no decision rather than failing.
func TestAPlanWithoutSpecHasNoDecisions(t *testing.T) {
	reps, err := decision.Estimate(&plan.Plan{Envs: []*plan.Env{{Name: "prod"}}}, nil, nil, nil)
	if err != nil || reps != nil {
		t.Fatalf("got %v, %v", reps, err)
	}
}

// TestEstimateLeavesTheSpecAlone: the alternatives re-plan copies of one
// environment that share the rest of the design's spec (plan.VaryEnv), on
// every core at once. No alternative, growth step or planner may write to
// what is shared, or the design's own figures would depend on which
// re-plan ran first.
func TestEstimateLeavesTheSpecAlone(t *testing.T) {
	for _, name := range examples.Names() {
		file, data, err := examples.Spec(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := components.Load(file, data)
		if err != nil {
			t.Fatal(err)
		}
		pl, err := components.Plan(doc)
		if err != nil {
			t.Fatal(err)
		}
		before, err := spec.Loader{}.Vary(doc, func(*spec.Spec) {})
		if err != nil {
			t.Fatal(err)
		}
		estimate(t, pl)
		if !reflect.DeepEqual(before.Spec, doc.Spec) {
			t.Errorf("%s: estimating the decisions changed the spec", name)
		}
	}
}

// TestSpotDecisionOnBSeries: a B-series apps pool (never Spot: Azure sells
// no B-series Spot VM) has no Spot alternative to re-plan, and the
// decision says why; a what-if that turns Spot on anyway is refused by the
// planner at the key, not priced.
func TestSpotDecisionOnBSeries(t *testing.T) {
	for _, size := range []string{"Standard_B2ms", "Standard_B4ms"} {
		t.Run(size, func(t *testing.T) {
			text := `apiVersion: physarch.dev/v1
kind: System
metadata: {name: shop, title: {en: Shop}}
cloud: azure
region: koreacentral
services:
  - {name: api, route: /api}
environments:
  - name: dev
    profile: dev
    nodePools:
      apps: {vmSize: ` + size + `}
  - {name: prod, profile: prod}
`
			doc, err := components.Load("shop.yaml", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			pl, err := components.Plan(doc)
			if err != nil {
				t.Fatal(err)
			}
			if pl.Envs[0].Pool("apps").Spot {
				t.Fatalf("dev's %s pool is planned as Spot", size)
			}
			var found bool
			for _, r := range estimate(t, pl)[0].Records {
				if r.ID != "nodes.apps-spot" {
					continue
				}
				found = true
				if len(r.Alternatives) != 0 || !strings.Contains(r.Reason.En, "no B-series size") || r.Choice.En != "pay-as-you-go" {
					t.Errorf("decision %+v", r.Decision)
				}
			}
			if !found {
				t.Error("no nodes.apps-spot decision")
			}
			_, err = pl.VaryEnv("dev", func(_ *spec.Spec, env *spec.Environment) { env.NodePools.Apps.Spot = true })
			var errs spec.Errors
			if !errors.As(err, &errs) || len(errs) == 0 || !strings.Contains(errs[0].Msg, "does not offer "+size) || errs[0].Pos.Line != 12 {
				t.Errorf("Spot what-if on %s: %v", size, err)
			}
		})
	}
}
