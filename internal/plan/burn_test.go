package plan_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/testplan"
)

// TestRouteBurnAlerts: in every judged spec, an environment that alerts
// and keeps logs has, for each public route, a fast-burn log alert whose
// threshold is BurnThreshold of the route's target over an hour and one
// at the slow rate over six hours, each counting that route's requests
// and not those of a longer route below it.
func TestRouteBurnAlerts(t *testing.T) {
	checked := 0
	for _, n := range testplan.Judged(t) {
		for _, e := range n.Plan.Envs {
			byRoute := map[string][]plan.Alert{}
			for _, a := range e.Alerts {
				if a.Query != "" {
					byRoute[a.Route] = append(byRoute[a.Route], a)
				}
			}
			if len(byRoute) == 0 {
				continue
			}
			var routes []string
			for _, sv := range n.Plan.Services {
				if sv.Route != "" && sv.HasService() {
					routes = append(routes, sv.Route)
				}
			}
			for _, sv := range n.Plan.Services {
				if sv.Route == "" || !sv.HasService() {
					continue
				}
				got := byRoute[plan.RoutePattern(sv.Route)]
				if len(got) != 2 {
					t.Errorf("%s %s: route %s has %d burn alerts, want 2", n.Name, e.Name, sv.Route, len(got))
					continue
				}
				target := plan.RouteObjective(e, sv)
				want := map[string]float64{"PT1H": plan.BurnThreshold(target), "PT6H": plan.BurnThresholdAt(plan.SlowBurnRate, target)}
				for _, a := range got {
					checked++
					if w, ok := want[a.Window]; !ok || a.Threshold != w {
						t.Errorf("%s %s: %s over %s: threshold %g, want %g (target %g)", n.Name, e.Name, sv.Route, a.Window, a.Threshold, w, target)
					}
					if a.Objective != target {
						t.Errorf("%s %s: %s: objective %g, want %g", n.Name, e.Name, sv.Route, a.Objective, target)
					}
					if sv.Route != "/" && !strings.Contains(a.Query, `path startswith "`+sv.Route+`/"`) {
						t.Errorf("%s %s: %s: the query does not select the route:\n%s", n.Name, e.Name, sv.Route, a.Query)
					}
					for _, r := range routes {
						deeper := r != sv.Route && (sv.Route == "/" || strings.HasPrefix(r, sv.Route+"/"))
						if deeper && !strings.Contains(a.Query, `| where not(path == "`+r+`"`) {
							t.Errorf("%s %s: %s: the query counts the deeper route %s too:\n%s", n.Name, e.Name, sv.Route, r, a.Query)
						}
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no judged spec has a route burn alert: the test checks nothing")
	}
}

// TestBurnThresholdAt: the Workbook's figures for a 99.9% target (14.4 ×
// 0.1% = 1.44%, 6 × 0.1% = 0.6%), and a share never above 100%.
func TestBurnThresholdAt(t *testing.T) {
	for _, c := range []struct{ rate, target, want float64 }{
		{14.4, 99.9, 1.44}, {6, 99.9, 0.6}, {14.4, 99.5, 7.2}, {6, 99.5, 3}, {14.4, 90, 100},
	} {
		if got := plan.BurnThresholdAt(c.rate, c.target); got != c.want {
			t.Errorf("BurnThresholdAt(%g, %g) = %g, want %g", c.rate, c.target, got, c.want)
		}
	}
}
