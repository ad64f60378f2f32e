package appgateway

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Alerts implements plan.Alerted: a backend the gateway's probe finds
// unhealthy (Azure Monitor Baseline Alerts: UnhealthyHostCount > 0 over
// 5 minutes, severity 1).
func (c *Component) Alerts(*plan.Env) []plan.Alert {
	if !c.placed() {
		return nil
	}
	return []plan.Alert{{Component: c.ID(), Key: "gateway-unhealthy-hosts",
		Title:     spec.Text{Ko: "게이트웨이 비정상 백엔드", En: "Gateway unhealthy backends"},
		Namespace: "Microsoft.Network/applicationGateways", Metric: "UnhealthyHostCount", Aggregation: "Average",
		Operator: "GreaterThan", Threshold: 0, Window: "PT5M", Frequency: "PT1M", Severity: 1,
		Basis: spec.Text{Ko: "백엔드 하나라도 프로브 실패 (Azure Monitor Baseline Alerts)", En: "any backend failing its probe (Azure Monitor Baseline Alerts)"}}}
}

// Diagnostics implements plan.Diagnosed: access, performance and WAF
// (firewall) logs.
func (c *Component) Diagnostics() []plan.Diagnostic {
	if !c.placed() {
		return nil
	}
	return []plan.Diagnostic{{Component: c.ID(), Key: "gateway", Resource: "Application Gateway " + c.Gateway, CategoryGroups: []string{"allLogs"}}}
}

// MonitorTarget implements terraform.Watched.
func (*Component) MonitorTarget(string) string { return "azurerm_application_gateway.main.id" }
