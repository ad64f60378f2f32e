package appgateway

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Alerts implements plan.Alerted: a backend the gateway's probe finds
// unhealthy (Azure Monitor Baseline Alerts: UnhealthyHostCount > 0 over
// 5 minutes, severity 1).
func (c *gateway) Alerts(*plan.Env) []plan.Alert {
	if !c.placed() {
		return nil
	}
	return []plan.Alert{{Component: c.id(), Key: "gateway-unhealthy-hosts",
		Title:     spec.Text{Ko: "게이트웨이 비정상 백엔드", En: "Gateway unhealthy backends"},
		Namespace: "Microsoft.Network/applicationGateways", Metric: "UnhealthyHostCount", Aggregation: "Average",
		Operator: "GreaterThan", Threshold: 0, Window: "PT5M", Frequency: "PT1M", Severity: 1,
		Basis: spec.Text{Ko: "백엔드 하나라도 프로브 실패 (Azure Monitor Baseline Alerts)", En: "any backend failing its probe (Azure Monitor Baseline Alerts)"}}}
}

// Diagnostics implements plan.Diagnosed: access, performance and WAF
// (firewall) logs.
func (c *gateway) Diagnostics() []plan.Diagnostic {
	if !c.placed() {
		return nil
	}
	return []plan.Diagnostic{{Component: c.id(), Key: "gateway", Resource: "Application Gateway " + c.Gateway, CategoryGroups: []string{"allLogs"}}}
}

// MonitorTarget implements terraform.Watched.
func (*gateway) MonitorTarget(string) string { return "azurerm_application_gateway.main.id" }

// RequestLog implements plan.RequestLogged: the access log (category
// ApplicationGatewayAccessLog, sent by the allLogs diagnostic setting to
// the AzureDiagnostics table) has every request's URI (path and query)
// and status (Microsoft, "Application Gateway access log"). Behind Front
// Door the planner reads Front Door's instead, which every route passes
// first.
func (c *gateway) RequestLog(*plan.Env) (plan.RequestLog, bool) {
	if !c.placed() {
		return plan.RequestLog{}, false
	}
	return plan.RequestLog{Name: spec.Text{Ko: "Application Gateway 액세스 로그", En: "Application Gateway access log"},
		Query: fmt.Sprintf(`AzureDiagnostics
| where ResourceProvider == "MICROSOFT.NETWORK" and Category == "ApplicationGatewayAccessLog" and Resource =~ %q
| extend path = tostring(split(requestUri_s, "?")[0]), status = toint(column_ifexists("httpStatus_d", todouble(column_ifexists("httpStatus_s", ""))))
| extend failed = status >= 500`, c.Gateway)}, true
}
