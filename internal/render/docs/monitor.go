package docs

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// alertTable prints the plan's alert rules, exactly those Terraform
// writes, with their thresholds and where each comes from.
func alertTable(d *md.Doc, e *plan.Env) {
	if len(e.Alerts) == 0 {
		d.P(d.T("배포되는 알림 규칙이 없습니다 (monitoring.alerts: false).", "No alert rules are deployed (monitoring.alerts: false)."))
		return
	}
	var rows [][]string
	var example *plan.Alert
	for i, a := range e.Alerts {
		if a.Query != "" && example == nil {
			example = &e.Alerts[i]
		}
		title := d.T(a.Title.Ko, a.Title.En)
		// The claim is the cell as a reader sees it: a route's code span
		// without its backticks.
		d.Claim("alert."+a.Key, strings.ReplaceAll(title, "`", ""), alertAt(a))
		rows = append(rows, []string{title, condition(d, a), duration(d, a.Window) + d.T(", 평가 주기 ", ", evaluated every ") + duration(d, a.Frequency),
			"Sev" + strconv.Itoa(a.Severity), d.T(a.Basis.Ko, a.Basis.En)})
	}
	d.Table([]string{d.T("대상", "Signal"), d.T("조건", "Condition"), d.T("기간", "Window"), d.T("심각도", "Severity"), d.T("근거", "Basis")}, rows)
	if example != nil {
		// The route alerts differ only in their path filter: one query
		// shows how they count.
		d.P(fmt.Sprintf(d.T("경로별 알림은 Log Analytics 작업 영역의 로그 검색 알림이며, 경로마다 해당 경로의 요청만 셉니다. `%s`의 쿼리는 다음과 같습니다.",
			"The route alerts are log search alerts on the Log Analytics workspace, each counting only its route's requests. The query of `%s`:"), example.Route))
		d.Code("kusto", example.Query)
	}
	d.P(fmt.Sprintf(d.T("모든 알림은 작업 그룹 %s(약칭 %s)에 전달되며, 수신자는 배포 시 Terraform 변수 alert_email_addresses로 지정합니다.",
		"Every alert notifies the action group %s (short name %s); its receivers are the deployment's, the Terraform variable alert_email_addresses."),
		e.ActionGroup.Name, e.ActionGroup.Short))
}

// diagnosticTable prints the plan's diagnostic settings.
func diagnosticTable(d *md.Doc, e *plan.Env) {
	var rows [][]string
	for _, g := range e.Diagnostics {
		rows = append(rows, []string{g.Resource, g.Name, strings.Join(append(append([]string(nil), g.CategoryGroups...), g.Categories...), ", "), "Log Analytics"})
	}
	d.Table([]string{d.T("리소스", "Resource"), d.T("진단 설정", "Diagnostic setting"), d.T("로그 범주 그룹", "Log category groups"), d.T("대상", "Destination")}, rows)
}

// alertAt locates the rule Terraform writes for an alert, with its
// threshold.
func alertAt(a plan.Alert) claim.Locator {
	typ := "azurerm_monitor_metric_alert"
	if a.Query != "" {
		typ = "azurerm_monitor_scheduled_query_rules_alert_v2"
	}
	return claim.TF(typ+"."+strings.ReplaceAll(a.Key, "-", "_"), "criteria.threshold").Is(strconv.FormatFloat(a.Threshold, 'f', -1, 64))
}

// condition is an alert's condition as the documents print it:
// "Percentage5XX > 7.2%", or a log alert's "실패 요청 비율 > 7.2%".
func condition(d *md.Doc, a plan.Alert) string {
	op := map[string]string{"GreaterThan": ">", "LessThan": "<"}[a.Operator]
	metric := a.Metric
	if a.Query != "" {
		metric = d.T("실패 요청 비율", "failed requests")
	}
	c := fmt.Sprintf("%s %s %s%s", metric, op, strconv.FormatFloat(a.Threshold, 'f', -1, 64), a.Unit)
	if a.Dimension != "" {
		c += fmt.Sprintf(" (%s: %s)", a.Dimension, strings.Join(a.DimensionValues, ", "))
	}
	return c
}

// duration prints an ISO 8601 duration of minutes or hours (PT5M, PT1H)
// in the document's language: 5분, 1시간 (5 min, 1 hour).
func duration(d *md.Doc, iso string) string {
	return msg.Duration(d, strings.ToLower(strings.TrimPrefix(iso, "PT")))
}
