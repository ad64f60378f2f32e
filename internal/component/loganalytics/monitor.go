package loganalytics

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// IsAlerting implements plan.Observer: the environment's alerts notify
// this block's action group.
func (c *Component) IsAlerting() bool { return c.Alerting }

// CollectingLogs implements plan.Observer: diagnostic settings send to
// the workspace, where there is one.
func (c *Component) CollectingLogs() bool { return c.Workspace }

// Alerts implements plan.Alerted: the cluster's own, on AKS platform
// metrics (no workspace needed): node CPU above monitoring.alertCPUPercent
// and nodes not ready (Azure Monitor Baseline Alerts).
func (c *Component) Alerts(*plan.Env) []plan.Alert {
	return []plan.Alert{
		{Key: "node-cpu", Title: spec.Text{Ko: "노드 CPU", En: "Node CPU"},
			Namespace: "Microsoft.ContainerService/managedClusters", Metric: "node_cpu_usage_percentage", Aggregation: "Average",
			Operator: "GreaterThan", Threshold: float64(c.AlertCPUPercent), Unit: "%", Window: "PT5M", Frequency: "PT1M", Severity: 2,
			Basis: spec.Text{Ko: fmt.Sprintf("monitoring.alertCPUPercent (%d%%)", c.AlertCPUPercent), En: fmt.Sprintf("monitoring.alertCPUPercent (%d%%)", c.AlertCPUPercent)}},
		{Key: "node-not-ready", Title: spec.Text{Ko: "준비되지 않은 노드", En: "Nodes not ready"},
			Namespace: "Microsoft.ContainerService/managedClusters", Metric: "kube_node_status_condition", Aggregation: "Total",
			Operator: "GreaterThan", Threshold: 0, Window: "PT5M", Frequency: "PT1M", Severity: 1,
			Dimension: "status2", DimensionValues: []string{"NotReady", "Unknown"},
			Basis: spec.Text{Ko: "노드 하나라도 NotReady/Unknown (Azure Monitor Baseline Alerts)", En: "any node NotReady or Unknown (Azure Monitor Baseline Alerts)"}},
	}
}

// WorkspaceID implements terraform.LogSink.
func (c *Component) WorkspaceID() string {
	if !c.Workspace {
		return ""
	}
	return "azurerm_log_analytics_workspace.main.id"
}
