package loganalytics

import (
	"fmt"
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// Monitoring implements docs.Monitored: production's Azure Monitor
// settings (8.1.1).
func (c *Component) Monitoring(d *md.Doc, _ *plan.Env, s *docs.Sections) {
	s.Next(d.T("Azure Monitor 통합", "Azure Monitor"))
	d.KV(d.T("구성 요소", "Component"), d.T("설정", "Setting"),
		docs.Row(d, "monitor.log-analytics", "Log Analytics", fmt.Sprintf(d.T("보존 %d일, 수집 가정 %s GB/일", "retention %d days, assumed ingestion %s GB/day"), c.RetentionDays, strconv.FormatFloat(c.IngestGBPerDay, 'f', -1, 64)),
			claim.TF(tfWorkspace, "retention_in_days").Is(strconv.Itoa(c.RetentionDays))),
		docs.Row(d, "monitor.app-insights", "Application Insights", c.insights(d), c.insightsAt()...),
		docs.Row(d, "monitor.container-insights", "Container Insights", msg.Bool(d, c.Workspace), claim.TF("azurerm_kubernetes_cluster.main", "oms_agent.log_analytics_workspace_id")),
	)
}

// Summary implements docs.Summarised.
func (c *Component) Summary(d *md.Doc, _ *plan.Env, key string) (string, bool) {
	switch key {
	case docs.SummaryCPUAlert:
		return fmt.Sprintf("%d%%", c.AlertCPUPercent), true
	case docs.SummaryLogRetention:
		return fmt.Sprintf(d.T("%d일", "%d days"), c.RetentionDays), true
	case docs.SummaryMonitoring:
		if c.Workspace {
			return "Azure Monitor", true
		}
	case docs.SummaryMonitoringTools:
		if c.Workspace {
			return "Azure Monitor, Log Analytics, Application Insights", true
		}
	}
	return "", false
}

// insights says where the services' telemetry goes: the component and how
// its connection string reaches every container.
func (c *Component) insights(d *md.Doc) string {
	if !c.AppInsights {
		return "false"
	}
	return fmt.Sprintf(d.T("%s (작업 영역 기반); 연결 문자열 → 각 서비스 ConfigMap의 APPLICATIONINSIGHTS_CONNECTION_STRING (`terraform output %s`)",
		"%s (workspace-based); connection string → each service's ConfigMap APPLICATIONINSIGHTS_CONNECTION_STRING (`terraform output %s`)"), c.InsightsName, insightsOutput)
}
