package loganalytics_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestOneTruthAlertsAndDiagnostics: in every example's production
// document, the alert table lists exactly the plan's alerts and the
// Terraform has exactly those metric and log alert rules, threshold for
// threshold; the diagnostic settings likewise. Removing one rule from the
// Terraform is found.
func TestOneTruthAlertsAndDiagnostics(t *testing.T) {
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			_, src, err := examples.Spec(name)
			if err != nil {
				t.Fatal(err)
			}
			pl, files := readback.Build(t, "physarch.yaml", src, md.En)
			for _, e := range pl.Envs {
				if !e.IsProdLike() {
					continue
				}
				if len(e.Alerts) == 0 || len(e.Diagnostics) == 0 {
					t.Fatalf("%s: %d alerts, %d diagnostic settings; production must have both", e.Name, len(e.Alerts), len(e.Diagnostics))
				}
				doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
				alerts := readback.TableUnder(t, doc, "8.1.2 Alerts")
				diags := readback.TableUnder(t, doc, "8.1.3 Diagnostic settings")
				tf := readback.TerraformOf(t, files, e.Name)
				for _, p := range mismatches(e, alerts, diags, tf) {
					t.Error(p)
				}
				// The negative: without one of its rules, the Terraform
				// no longer realises the table.
				var fewer []readback.Resource
				dropped := false
				for _, r := range tf {
					if r.Type == "azurerm_monitor_metric_alert" && !dropped {
						dropped = true
						continue
					}
					fewer = append(fewer, r)
				}
				if len(mismatches(e, alerts, diags, fewer)) == 0 {
					t.Error("a metric alert removed from the Terraform went unnoticed")
				}
			}
		})
	}
}

// mismatches compares the plan's alerts and diagnostic settings with the
// document's tables and the Terraform.
func mismatches(e *plan.Env, alerts, diags readback.Table, tf []readback.Resource) []string {
	var out []string
	// Metric alerts and the routes' log alerts (scheduled query rules on
	// the workspace) are one list in the plan and the table.
	rules := append(readback.Find(tf, "azurerm_monitor_metric_alert"), readback.Find(tf, "azurerm_monitor_scheduled_query_rules_alert_v2")...)
	if len(rules) != len(e.Alerts) || len(alerts.Rows) != len(e.Alerts) {
		out = append(out, fmt.Sprintf("%d planned alerts, %d in the table, %d in Terraform", len(e.Alerts), len(alerts.Rows), len(rules)))
	}
	cond := alerts.Col("Condition")
	for i, a := range e.Alerts {
		threshold := strconv.FormatFloat(a.Threshold, 'f', -1, 64)
		if i < len(alerts.Rows) && !strings.Contains(alerts.Rows[i][cond], a.Metric+" ") || i < len(alerts.Rows) && !strings.Contains(alerts.Rows[i][cond], " "+threshold+a.Unit) {
			out = append(out, fmt.Sprintf("alert %s: the table says %q, the plan %s %s%s", a.Key, alerts.Rows[i][cond], a.Metric, threshold, a.Unit))
		}
		found := false
		for _, r := range rules {
			if r.Attrs["name"] != a.Name {
				continue
			}
			found = true
			cr := r.Blocks["criteria"]
			if a.Query != "" {
				if len(cr) != 1 || cr[0].Attrs["query"] != a.Query || cr[0].Attrs["metric_measure_column"] != a.Measure || cr[0].Attrs["threshold"] != threshold || cr[0].Attrs["operator"] != a.Operator {
					out = append(out, fmt.Sprintf("log alert %s: Terraform criteria %+v, the plan %s %s %s", a.Key, cr, a.Measure, a.Operator, threshold))
				}
				if r.Attrs["window_duration"] != a.Window || r.Attrs["evaluation_frequency"] != a.Frequency {
					out = append(out, fmt.Sprintf("log alert %s: Terraform window %s every %s, the plan %s every %s", a.Key, r.Attrs["window_duration"], r.Attrs["evaluation_frequency"], a.Window, a.Frequency))
				}
				continue
			}
			if len(cr) != 1 || cr[0].Attrs["metric_name"] != a.Metric || cr[0].Attrs["threshold"] != threshold || cr[0].Attrs["operator"] != a.Operator {
				out = append(out, fmt.Sprintf("alert %s: Terraform criteria %+v, the plan %s %s %s", a.Key, cr, a.Metric, a.Operator, threshold))
			}
			if r.Attrs["window_size"] != a.Window || r.Attrs["frequency"] != a.Frequency {
				out = append(out, fmt.Sprintf("alert %s: Terraform window %s every %s, the plan %s every %s", a.Key, r.Attrs["window_size"], r.Attrs["frequency"], a.Window, a.Frequency))
			}
		}
		if !found {
			out = append(out, fmt.Sprintf("alert %s (%s): no Terraform rule", a.Key, a.Name))
		}
	}
	settings := readback.Find(tf, "azurerm_monitor_diagnostic_setting")
	if len(settings) != len(e.Diagnostics) || len(diags.Rows) != len(e.Diagnostics) {
		out = append(out, fmt.Sprintf("%d planned diagnostic settings, %d in the table, %d in Terraform", len(e.Diagnostics), len(diags.Rows), len(settings)))
	}
	for i, d := range e.Diagnostics {
		if i < len(diags.Rows) && diags.Rows[i][1] != d.Name {
			out = append(out, fmt.Sprintf("diagnostic setting %s: the table says %q", d.Name, diags.Rows[i][1]))
		}
		found := false
		for _, s := range settings {
			if s.Attrs["name"] == d.Name && len(s.Blocks["enabled_log"]) == len(d.CategoryGroups)+len(d.Categories) {
				found = true
			}
		}
		if !found {
			out = append(out, fmt.Sprintf("diagnostic setting %s: not in Terraform as planned", d.Name))
		}
	}
	return out
}
