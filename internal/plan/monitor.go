package plan

import (
	"fmt"

	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/spec"
)

// Observer is the component that receives the environment's alerts and
// logs (the monitoring block): where it alerts, the planner collects every
// component's alerts into Env.Alerts, notifying its action group; where it
// keeps logs, every component's diagnostic settings into Env.Diagnostics.
type Observer interface {
	IsAlerting() bool
	CollectingLogs() bool
}

// Alerted is a component with Azure Monitor metric alerts on its
// resources, thresholds computed when it is planned.
type Alerted interface{ Alerts(e *Env) []Alert }

// Diagnosed is a component whose resources send their logs to the
// workspace through diagnostic settings.
type Diagnosed interface{ Diagnostics() []Diagnostic }

// Alert is one alert rule the environment deploys: a metric alert, or,
// where Query is set, a log alert on the workspace. The documents' alert
// table and the Terraform are both this list.
type Alert struct {
	// Component is the ID of the component whose resource it watches
	// ("" for the cluster); Target names that resource among the
	// component's (its Terraform facet resolves it).
	Component, Target string
	// Key is unique in the environment ("node-cpu"); Name the rule's name.
	Key, Name string
	Title     spec.Text // what it watches, for the documents
	// Namespace and Metric are the Azure Monitor metric; Aggregation
	// (Average, Total, Maximum) over Window, evaluated every Frequency
	// (ISO 8601 durations such as PT5M).
	Namespace, Metric, Aggregation string
	Operator                       string // GreaterThan, LessThan
	Threshold                      float64
	Unit                           string // "%" or "" (a count)
	Window, Frequency              string
	// Dimension narrows the metric to some values of one dimension.
	Dimension       string
	DimensionValues []string
	// Severity is Azure Monitor's, 0 (critical) to 4 (verbose).
	Severity int
	// Basis says where the threshold comes from, for the documents.
	Basis spec.Text

	// Query makes the rule a log alert (a scheduled query rule on the
	// workspace): KQL whose one row holds the column Measure, compared
	// with Threshold (Namespace and Metric stay empty). Platform metrics
	// of the edge carry no route, so a route's error budget is watched in
	// the access log.
	Query, Measure string
	// Route is the public route a log alert watches (its pattern, such as
	// /api/users/**); Objective the availability target, in percent, whose
	// error budget Threshold spends at BurnRate.
	Route               string
	Objective, BurnRate float64
}

// ActionGroup is who the alerts notify: its name, and the short name
// (12 characters) e-mails and SMS show; the receivers are the
// deployment's (a Terraform variable), never the spec's.
type ActionGroup struct{ Name, Short string }

// Diagnostic is one diagnostic setting: a resource's logs, by category
// group, into the environment's workspace.
type Diagnostic struct {
	// Component is the component's ID, Target its resource (as in Alert).
	Component, Target string
	// Key is unique in the environment; Name the setting's name.
	Key, Name string
	// Resource names the resource for the documents ("Key Vault
	// kv-shop-prod").
	Resource string
	// CategoryGroups are the log category groups sent ("allLogs");
	// Categories single categories, where a group would send far more
	// than is read (the cluster's kube-audit-admin, not allLogs).
	CategoryGroups []string
	Categories     []string
}

// BudgetBurnRate is how much faster than the availability target allows
// a fast-burn alert lets errors spend the month's error budget: 14.4
// spends 2% of it in one hour (Google SRE Workbook, "Alerting on SLOs",
// the recommended page threshold).
const BudgetBurnRate = 14.4

// SlowBurnRate is the second window of the Workbook's fast-burn pair: 6
// times too fast over six hours spends 5% of the budget.
const SlowBurnRate = 6

// BurnThreshold is the failure share, in percent, at which a one-hour
// window spends the error budget of an availability target (percent) at
// BudgetBurnRate, rounded to hundredths.
func BurnThreshold(availability float64) float64 {
	return BurnThresholdAt(BudgetBurnRate, availability)
}

// BurnThresholdAt is BurnThreshold at any burn rate.
func BurnThresholdAt(rate, availability float64) float64 {
	v := rate * (100 - availability)
	if v > 100 {
		v = 100
	}
	return float64(int(v*100+0.5)) / 100
}

// monitor collects the components' alerts and diagnostic settings where
// an observer receives them, and names them.
func monitor(e *Env, pl *Plan, r *renamer) {
	system := pl.Name
	var alerting, logging bool
	for _, o := range Facets[Observer](e) {
		alerting = alerting || o.IsAlerting()
		logging = logging || o.CollectingLogs()
	}
	base := system + "-" + e.Name
	if alerting {
		for _, c := range Facets[Alerted](e) {
			for _, a := range c.Alerts(e) {
				a.Name = r.use(fmt.Sprintf("metric alert %s", a.Key), naming.MetricAlert("alert-"+base+"-"+a.Key))
				e.Alerts = append(e.Alerts, a)
			}
		}
		if logging {
			for _, a := range routeAlerts(e, pl) {
				a.Name = r.use(fmt.Sprintf("log alert %s", a.Key), naming.LogAlert("alert-"+base+"-"+a.Key))
				e.Alerts = append(e.Alerts, a)
			}
		}
	}
	if len(e.Alerts) > 0 {
		e.ActionGroup = ActionGroup{
			Name:  r.use("action group", naming.ActionGroup("ag-"+base)),
			Short: r.use("action group short name", naming.ActionGroupShort(e.Name+"-alerts")),
		}
	}
	if logging {
		for _, c := range Facets[Diagnosed](e) {
			for _, d := range c.Diagnostics() {
				d.Name = r.use(fmt.Sprintf("diagnostic setting %s", d.Key), naming.DiagnosticSetting("diag-"+d.Key))
				e.Diagnostics = append(e.Diagnostics, d)
			}
		}
	}
}
