package frontdoor

import (
	"fmt"
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Alerts implements plan.Alerted: the error budget of the availability
// target, seen where every request passes. Over one hour, a 5xx share or a
// failed-probe share above BudgetBurnRate × (100 − target) spends 2% of
// the month's budget in that hour.
func (c *Component) Alerts(e *plan.Env) []plan.Alert {
	if c.Origin == "" {
		return nil
	}
	target := e.Settings.Targets.Availability
	burn := plan.BurnThreshold(target)
	t := strconv.FormatFloat(target, 'f', -1, 64)
	b := strconv.FormatFloat(plan.BudgetBurnRate, 'f', -1, 64)
	basis := spec.Text{
		Ko: fmt.Sprintf("가용성 목표 %s%%의 오류 예산을 1시간에 %s배 속도로 소진 (%s × %s%%, 월 예산의 2%%)", t, b, b, strconv.FormatFloat(100-target, 'f', -1, 64)),
		En: fmt.Sprintf("spends the %s%% target's error budget %s× too fast over an hour (%s × %s%%, 2%% of the month's budget)", t, b, b, strconv.FormatFloat(100-target, 'f', -1, 64)),
	}
	return []plan.Alert{
		{Component: c.ID(), Key: "edge-5xx", Title: spec.Text{Ko: "HTTP 5xx 비율 (Front Door)", En: "HTTP 5xx rate (Front Door)"},
			Namespace: "Microsoft.Cdn/profiles", Metric: "Percentage5XX", Aggregation: "Average",
			Operator: "GreaterThan", Threshold: burn, Unit: "%", Window: "PT1H", Frequency: "PT5M", Severity: 1, Basis: basis},
		{Component: c.ID(), Key: "edge-origin-health", Title: spec.Text{Ko: "원본 상태 프로브 성공률 (Front Door)", En: "Origin health probes (Front Door)"},
			Namespace: "Microsoft.Cdn/profiles", Metric: "OriginHealthPercentage", Aggregation: "Average",
			Operator: "LessThan", Threshold: 100 - burn, Unit: "%", Window: "PT1H", Frequency: "PT5M", Severity: 1, Basis: basis},
	}
}

// Diagnostics implements plan.Diagnosed: access, health probe and WAF
// logs.
func (c *Component) Diagnostics() []plan.Diagnostic {
	if c.Origin == "" {
		return nil
	}
	return []plan.Diagnostic{{Component: c.ID(), Key: "frontdoor", Resource: "Front Door " + c.Profile, CategoryGroups: []string{"allLogs"}}}
}

// MonitorTarget implements terraform.Watched.
func (*Component) MonitorTarget(string) string { return "azurerm_cdn_frontdoor_profile.main.id" }

// RequestLog implements plan.RequestLogged: the access log (category
// FrontDoorAccessLog, which the allLogs diagnostic setting sends to the
// AzureDiagnostics table) has every request with its URL and status;
// status 0 is an origin that timed out (Microsoft, "Azure Front Door
// logs"). The status column is named by its type, which Azure infers, so
// the query reads either.
func (c *Component) RequestLog(*plan.Env) (plan.RequestLog, bool) {
	if c.Origin == "" {
		return plan.RequestLog{}, false
	}
	return plan.RequestLog{Name: spec.Text{Ko: "Front Door 액세스 로그", En: "Front Door access log"},
		Query: fmt.Sprintf(`AzureDiagnostics
| where ResourceProvider == "MICROSOFT.CDN" and Category == "FrontDoorAccessLog" and Resource =~ %q
| extend path = tostring(parse_url(requestUri_s).Path), status = toint(column_ifexists("httpStatusCode_s", tostring(column_ifexists("httpStatusCode_d", ""))))
| extend failed = status >= 500 or status == 0`, c.Profile)}, true
}
