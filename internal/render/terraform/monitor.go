package terraform

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/plan"
)

// Watched is a component whose resources Azure Monitor watches
// (plan.Alerted, plan.Diagnosed): the Terraform reference to the ID of the
// resource a target names.
type Watched interface{ MonitorTarget(target string) string }

// LogSink is the component that holds the workspace diagnostic settings
// send their logs to: the Terraform reference to its ID.
type LogSink interface{ WorkspaceID() string }

// clusterID is the target of an alert no component owns.
const clusterID = "azurerm_kubernetes_cluster.main.id"

// monitoring writes the action group and the plan's metric alerts, then
// the diagnostic settings, after every resource they refer to.
func (m *module) monitoring() {
	e := m.e
	if len(e.Alerts) > 0 {
		v := m.vars.top("variable", "alert_email_addresses")
		v.expr("type", "list(string)")
		v.set("description", "E-mail addresses the alerts notify (the action group's receivers); supply at least one.")
		val := v.child("validation")
		val.expr("condition", `length(var.alert_email_addresses) > 0 && alltrue([for a in var.alert_email_addresses : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", a))])`)
		val.set("error_message", "alert_email_addresses needs at least one e-mail address, each as name@domain.")
		ag := m.resource("azurerm_monitor_action_group", "main")
		ag.set("name", e.ActionGroup.Name)
		ag.expr("resource_group_name", "azurerm_resource_group.main.name")
		ag.set("short_name", e.ActionGroup.Short)
		d := ag.child("dynamic", "email_receiver")
		d.expr("for_each", "var.alert_email_addresses")
		c := d.child("content")
		c.expr("name", `"email-${email_receiver.key}"`)
		c.expr("email_address", "email_receiver.value")
		c.set("use_common_alert_schema", true)
		m.tags(ag)
	}
	for _, a := range e.Alerts {
		if a.Query != "" {
			m.logAlert(a)
			continue
		}
		scope := m.watched(a.Component, a.Target)
		if scope == "" {
			return
		}
		b := m.resource("azurerm_monitor_metric_alert", m.uniqueIdent("azurerm_monitor_metric_alert", a.Key))
		b.set("name", a.Name)
		b.expr("resource_group_name", "azurerm_resource_group.main.name")
		b.expr("scopes", "["+scope+"]")
		b.set("description", fmt.Sprintf("%s: %s %s %g%s over %s.", a.Title.En, a.Metric, a.Operator, a.Threshold, a.Unit, a.Window))
		b.set("severity", a.Severity)
		b.set("frequency", a.Frequency)
		b.set("window_size", a.Window)
		cr := b.child("criteria")
		cr.set("metric_namespace", a.Namespace)
		cr.set("metric_name", a.Metric)
		cr.set("aggregation", a.Aggregation)
		cr.set("operator", a.Operator)
		cr.set("threshold", a.Threshold)
		if a.Dimension != "" {
			dm := cr.child("dimension")
			dm.set("name", a.Dimension)
			dm.set("operator", "Include")
			dm.set("values", a.DimensionValues)
		}
		b.child("action").expr("action_group_id", "azurerm_monitor_action_group.main.id")
		m.tags(b)
	}
	if len(e.Diagnostics) == 0 {
		return
	}
	workspace := m.workspace()
	if workspace == "" {
		m.err = fmt.Errorf("diagnostic settings in %s: no workspace to send them to", e.Name)
		return
	}
	for _, d := range e.Diagnostics {
		target := m.watched(d.Component, d.Target)
		if target == "" {
			return
		}
		b := m.resource("azurerm_monitor_diagnostic_setting", m.uniqueIdent("azurerm_monitor_diagnostic_setting", d.Key))
		b.set("name", d.Name)
		b.expr("target_resource_id", target)
		b.expr("log_analytics_workspace_id", workspace)
		for _, g := range d.CategoryGroups {
			b.child("enabled_log").set("category_group", g)
		}
		for _, c := range d.Categories {
			b.child("enabled_log").set("category", c)
		}
	}
}

// workspace is the Terraform reference to the workspace's ID, "" where
// there is none.
func (m *module) workspace() string {
	workspace := ""
	for _, s := range plan.Facets[LogSink](m.e) {
		workspace = s.WorkspaceID()
	}
	return workspace
}

// logAlert writes a log alert: a scheduled query rule on the workspace.
// The query is not validated when the rule is created: its table appears
// only once the first logs arrive, after the diagnostic settings.
func (m *module) logAlert(a plan.Alert) {
	workspace := m.workspace()
	if workspace == "" {
		m.err = fmt.Errorf("log alert %s in %s: no workspace to query", a.Key, m.e.Name)
		return
	}
	b := m.resource("azurerm_monitor_scheduled_query_rules_alert_v2", m.uniqueIdent("azurerm_monitor_scheduled_query_rules_alert_v2", a.Key))
	b.set("name", a.Name)
	b.expr("resource_group_name", "azurerm_resource_group.main.name")
	b.expr("location", "azurerm_resource_group.main.location")
	b.set("description", fmt.Sprintf("%s: %s %s %g%s over %s (%s).", strings.ReplaceAll(a.Title.En, "`", ""), a.Measure, a.Operator, a.Threshold, a.Unit, a.Window, a.Basis.En))
	b.expr("scopes", "["+workspace+"]")
	b.set("severity", a.Severity)
	b.set("evaluation_frequency", a.Frequency)
	b.set("window_duration", a.Window)
	b.set("skip_query_validation", true)
	b.set("auto_mitigation_enabled", true)
	cr := b.child("criteria")
	cr.set("query", a.Query)
	cr.set("time_aggregation_method", a.Aggregation)
	cr.set("metric_measure_column", a.Measure)
	cr.set("operator", a.Operator)
	cr.set("threshold", a.Threshold)
	fp := cr.child("failing_periods")
	fp.set("minimum_failing_periods_to_trigger_alert", 1)
	fp.set("number_of_evaluation_periods", 1)
	b.child("action").expr("action_groups", "[azurerm_monitor_action_group.main.id]")
	m.tags(b)
}

// watched resolves a component's target to its Terraform ID reference, or
// fails the module.
func (m *module) watched(component, target string) string {
	if component == "" {
		return clusterID
	}
	if c, ok := m.e.Component(component); ok {
		if w, ok := c.(Watched); ok {
			if ref := w.MonitorTarget(target); ref != "" {
				return ref
			}
		}
	}
	m.err = fmt.Errorf("monitoring %s: no Terraform resource for %s", strings.TrimSpace(component+" "+target), component)
	return ""
}
