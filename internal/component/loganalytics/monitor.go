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

// Diagnostics implements plan.Diagnosed: the cluster's control plane.
// kube-audit-admin (the audit log without get and list requests) says
// who changed what; kube-audit or allLogs would send every read as well,
// several times the volume (Microsoft, "Monitor AKS: resource logs").
// The cluster-autoscaler log says why nodes were or were not added.
func (c *Component) Diagnostics() []plan.Diagnostic {
	return []plan.Diagnostic{{Key: "aks", Resource: "AKS", Categories: []string{"kube-audit-admin", "cluster-autoscaler"}}}
}

// WorkspaceID implements terraform.LogSink.
func (c *Component) WorkspaceID() string {
	if !c.Workspace {
		return ""
	}
	return "azurerm_log_analytics_workspace.main.id"
}

// RequestLog implements plan.RequestLogged where no edge logs the
// requests: the services' request telemetry in the workspace-based
// Application Insights (table AppRequests), as far as the services send
// it (the connection string reaches every pod; the SDK or agent is the
// service's).
func (c *Component) RequestLog(*plan.Env) (plan.RequestLog, bool) {
	if !c.AppInsights {
		return plan.RequestLog{}, false
	}
	return plan.RequestLog{Name: spec.Text{Ko: "Application Insights 요청 원격 분석", En: "Application Insights request telemetry"},
		Query: `AppRequests
| extend path = tostring(parse_url(Url).Path), failed = toint(ResultCode) >= 500`}, true
}
