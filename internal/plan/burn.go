package plan

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/spec"
)

// RequestLogged is a component whose logs reach the workspace with one
// record per public request, its path and its status (an edge's access
// log, or the services' request telemetry): the source of each route's
// error-budget alert. The planner takes the outermost such component on
// the way in (EdgeOrder), since every request of every route passes it,
// else the first other one; false where it sends no such log.
type RequestLogged interface {
	RequestLog(e *Env) (RequestLog, bool)
}

// RequestLog is where a route's requests are counted.
type RequestLog struct {
	// Name names the log for the documents ("Front Door 액세스 로그").
	Name spec.Text
	// Query is KQL with one row per request and two columns: path (the
	// request's path, without the query string) and failed (whether the
	// request spent error budget: a 5xx, or no answer from the origin).
	Query string
}

// burnWindow is one window of the Google SRE Workbook's fast-burn pair
// ("Alerting on SLOs", multiwindow, multi-burn-rate alerts): the rate,
// the window, how often it is evaluated, the share of a 30-day budget it
// spends and its severity.
type burnWindow struct {
	rate              float64
	window, frequency string
	hours             int
	severity          int
}

// burnWindows page at 14.4× over an hour (2% of the budget) and at 6×
// over six hours (5%); the six-hour window is evaluated every 15 minutes,
// which it tolerates and which Azure prices at a third of 5 minutes.
var burnWindows = []burnWindow{
	{rate: BudgetBurnRate, window: "PT1H", frequency: "PT5M", hours: 1, severity: 1},
	{rate: SlowBurnRate, window: "PT6H", frequency: "PT15M", hours: 6, severity: 2},
}

// budgetHours is the month the Workbook's budget shares are of (30 days).
const budgetHours = 30 * 24

// requestLog is the environment's source of per-request records.
func requestLog(e *Env) (Component, RequestLog, bool) {
	seen := map[Component]bool{}
	for _, c := range append(EdgeOrder(e), e.Components...) {
		if seen[c] {
			continue
		}
		seen[c] = true
		if l, ok := c.(RequestLogged); ok {
			if rl, ok := l.RequestLog(e); ok {
				return c, rl, true
			}
		}
	}
	return nil, RequestLog{}, false
}

// RouteObjective is the availability target a route's error budget is
// of. The spec states one target per environment (targets.availability)
// and none per route, so every route has the environment's.
func RouteObjective(e *Env, _ Service) float64 { return e.Settings.Targets.Availability }

// routeAlerts are the error-budget burn alerts of every public route: a
// log alert per route and burn window, on the requests of that route
// alone (not those of a longer route below it, which the edge sends
// elsewhere).
func routeAlerts(e *Env, pl *Plan) []Alert {
	c, src, ok := requestLog(e)
	if !ok {
		return nil
	}
	var routes []string
	for _, sv := range pl.Services {
		if sv.Route != "" && sv.HasService() {
			routes = append(routes, sv.Route)
		}
	}
	var out []Alert
	for _, sv := range pl.Services {
		if sv.Route == "" || !sv.HasService() {
			continue
		}
		target := RouteObjective(e, sv)
		q := routeQuery(src.Query, sv.Route, routes)
		for _, w := range burnWindows {
			out = append(out, burnAlert(c.ID(), sv, src, q, target, w))
		}
	}
	return out
}

// burnAlert is one route's alert for one window.
func burnAlert(component string, sv Service, src RequestLog, query string, target float64, w burnWindow) Alert {
	route := RoutePattern(sv.Route)
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	share := num(float64(int(w.rate*float64(w.hours)/budgetHours*1000+0.5)) / 10)
	budget := num(100 - target)
	hours := strconv.Itoa(w.hours)
	return Alert{Component: component, Key: fmt.Sprintf("route-%s-%sh", sv.Name, hours),
		Title: spec.Text{Ko: fmt.Sprintf("경로 `%s` 오류 예산 (%s)", route, src.Name.Ko), En: fmt.Sprintf("Route `%s` error budget (%s)", route, src.Name.En)},
		Query: query, Measure: "failedPercent", Aggregation: "Maximum",
		Operator: "GreaterThan", Threshold: BurnThresholdAt(w.rate, target), Unit: "%", Window: w.window, Frequency: w.frequency, Severity: w.severity,
		Route: route, Objective: target, BurnRate: w.rate,
		Basis: spec.Text{
			Ko: fmt.Sprintf("가용성 목표 %s%%의 오류 예산을 %s시간에 %s배 속도로 소진 (%s × %s%%, 월 예산의 %s%%)", num(target), hours, num(w.rate), num(w.rate), budget, share),
			En: fmt.Sprintf("spends the %s%% target's error budget %s× too fast over %s h (%s × %s%%, %s%% of the month's budget)", num(target), num(w.rate), hours, num(w.rate), budget, share),
		}}
}

// routeQuery narrows the request log to one route prefix, leaving out
// the longer routes below it, and yields the failed share in percent.
// No requests in the window yield no row: nothing spends the budget.
func routeQuery(base, route string, routes []string) string {
	var b strings.Builder
	b.WriteString(strings.TrimRight(base, "\n"))
	if route != "/" {
		fmt.Fprintf(&b, "\n| where %s", under(route))
	}
	var deeper []string
	for _, r := range routes {
		if r != route && (route == "/" || strings.HasPrefix(r, route+"/")) {
			deeper = append(deeper, r)
		}
	}
	sort.Strings(deeper)
	for _, r := range deeper {
		fmt.Fprintf(&b, "\n| where not(%s)", under(r))
	}
	b.WriteString("\n| summarize requests = count(), failures = countif(failed)")
	b.WriteString("\n| where requests > 0")
	b.WriteString("\n| project failedPercent = 100.0 * failures / requests")
	return b.String()
}

// under is the KQL condition of a path at or below a route prefix.
func under(route string) string {
	return fmt.Sprintf("path == %q or path startswith %q", route, route+"/")
}
