package postgresql

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Alerts implements plan.Alerted: the Flexible Server's CPU and storage,
// at the thresholds of Azure Monitor Baseline Alerts (above 90% over 5
// minutes, severity 2): a full disk makes the server read-only.
func (c *Component) Alerts(*plan.Env) []plan.Alert {
	if !c.Flexible() {
		return nil
	}
	basis := spec.Text{Ko: "Azure Monitor Baseline Alerts 기준", En: "Azure Monitor Baseline Alerts"}
	alert := func(key, metric string, title spec.Text) plan.Alert {
		return plan.Alert{Component: c.ID(), Key: key, Title: title, Namespace: "Microsoft.DBforPostgreSQL/flexibleServers",
			Metric: metric, Aggregation: "Average", Operator: "GreaterThan", Threshold: 90, Unit: "%",
			Window: "PT5M", Frequency: "PT1M", Severity: 2, Basis: basis}
	}
	return []plan.Alert{
		alert("postgresql-cpu", "cpu_percent", spec.Text{Ko: "PostgreSQL CPU", En: "PostgreSQL CPU"}),
		alert("postgresql-storage", "storage_percent", spec.Text{Ko: "PostgreSQL 스토리지 사용률", En: "PostgreSQL storage used"}),
	}
}

// Diagnostics implements plan.Diagnosed: the server's logs (PostgreSQL
// logs, sessions, query store).
func (c *Component) Diagnostics() []plan.Diagnostic {
	if !c.Flexible() {
		return nil
	}
	return []plan.Diagnostic{{Component: c.ID(), Key: "postgresql", Resource: "PostgreSQL " + c.Server, CategoryGroups: []string{"allLogs"}}}
}

// MonitorTarget implements terraform.Watched.
func (*Component) MonitorTarget(string) string { return "azurerm_postgresql_flexible_server.main.id" }
