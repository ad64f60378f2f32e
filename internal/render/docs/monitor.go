package docs

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
)

// alertTable prints the plan's alert rules, exactly those Terraform
// writes, with their thresholds and where each comes from.
func alertTable(d *md.Doc, e *plan.Env) {
	if len(e.Alerts) == 0 {
		d.P(d.T("배포되는 알림 규칙이 없습니다 (monitoring.alerts: false).", "No alert rules are deployed (monitoring.alerts: false)."))
		return
	}
	var rows [][]string
	for _, a := range e.Alerts {
		rows = append(rows, []string{d.T(a.Title.Ko, a.Title.En), condition(a), duration(a.Window) + d.T(", 평가 ", ", every ") + duration(a.Frequency),
			"Sev" + strconv.Itoa(a.Severity), d.T(a.Basis.Ko, a.Basis.En)})
	}
	d.Table([]string{d.T("대상", "Signal"), d.T("조건", "Condition"), d.T("기간", "Window"), d.T("심각도", "Severity"), d.T("근거", "Basis")}, rows)
	d.P(fmt.Sprintf(d.T("모든 알림은 작업 그룹 %s(약칭 %s)에 전달되며, 수신자는 배포 시 Terraform 변수 alert_email_addresses로 지정합니다.",
		"Every alert notifies the action group %s (short name %s); its receivers are the deployment's, the Terraform variable alert_email_addresses."),
		e.ActionGroup.Name, e.ActionGroup.Short))
}

// diagnosticTable prints the plan's diagnostic settings.
func diagnosticTable(d *md.Doc, e *plan.Env) {
	var rows [][]string
	for _, g := range e.Diagnostics {
		rows = append(rows, []string{g.Resource, g.Name, strings.Join(g.CategoryGroups, ", "), "Log Analytics"})
	}
	d.Table([]string{d.T("리소스", "Resource"), d.T("진단 설정", "Diagnostic setting"), d.T("로그 범주 그룹", "Log category groups"), d.T("대상", "Destination")}, rows)
}

// condition is an alert's condition as the documents print it:
// "Percentage5XX > 7.2%".
func condition(a plan.Alert) string {
	op := map[string]string{"GreaterThan": ">", "LessThan": "<"}[a.Operator]
	c := fmt.Sprintf("%s %s %s%s", a.Metric, op, strconv.FormatFloat(a.Threshold, 'f', -1, 64), a.Unit)
	if a.Dimension != "" {
		c += fmt.Sprintf(" (%s: %s)", a.Dimension, strings.Join(a.DimensionValues, ", "))
	}
	return c
}

// duration prints an ISO 8601 duration of minutes or hours (PT5M, PT1H)
// as 5m, 1h.
func duration(iso string) string {
	return strings.ToLower(strings.TrimPrefix(iso, "PT"))
}
