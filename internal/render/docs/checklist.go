package docs

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
	"github.com/physarch/physarch/internal/spec"
)

// routineChecks are production's routine operations (12.1), derived from
// what the design contains: a check appears only where the plan has what
// it checks (HPAs, PDBs, cronjobs, KEDA workers, autoscaled pools, a
// budget), each with the exact command that performs it. They are
// manual steps, not configuration.
func routineChecks(d *md.Doc, e *plan.Env) {
	var hpa, pdb, cron, keda bool
	for _, w := range e.Workloads {
		hpa = hpa || w.Autoscaled()
		pdb = pdb || w.HasPDB()
		cron = cron || w.Kind == spec.WorkloadCronJob
		keda = keda || w.Kind == spec.WorkloadWorker
	}
	ns := func(kind string) string {
		var cmds []string
		for _, n := range e.Namespaces {
			cmds = append(cmds, fmt.Sprintf("`kubectl -n %s get %s`", n.Name, kind))
		}
		return strings.Join(cmds, ", ")
	}
	var rows [][]string
	daily, weekly, monthly := d.T("매일", "Daily"), d.T("매주", "Weekly"), d.T("매월", "Monthly")
	if hpa {
		rows = append(rows, []string{daily, d.T("HPA가 최대 레플리카에 도달한 서비스 (도달했다면 3.3.2의 최대를 올리거나 부하 가정을 재검토합니다)", "services whose HPA is at its maximum (if so, raise the maximum of 3.3.2 or revisit the load assumptions)"), ns("hpa")})
	}
	if keda {
		rows = append(rows, []string{daily, d.T("KEDA 워커의 백로그와 레플리카", "the KEDA workers' backlog and replicas"), ns("scaledobject")})
	}
	if cron {
		rows = append(rows, []string{daily, d.T("CronJob의 마지막 실행 시각과 결과", "the cronjobs' last run and its result"), ns("cronjob")})
	}
	for _, p := range e.Pools {
		if p.Autoscale {
			rows = append(rows, []string{weekly, d.T("노드 사용률: 자동 스케일링 노드 풀이 최대 노드에 가까운지", "node utilisation: whether an autoscaled pool is near its maximum"), "`kubectl top nodes`"})
			break
		}
	}
	if pdb {
		rows = append(rows, []string{weekly, d.T("노드 드레인을 막는 PDB (허용 중단 0)", "PDBs that block node drains (0 allowed disruptions)"), ns("pdb")})
	}
	rows = append(rows, []string{monthly, d.T("클러스터 업그레이드 가능 버전", "the cluster's available upgrades"), fmt.Sprintf("`az aks get-upgrades --resource-group %s --name %s -o table`", e.Names.ResourceGroup, e.Names.Cluster)})
	if e.Settings.Targets.BudgetUSD > 0 {
		rows = append(rows, []string{monthly, fmt.Sprintf(d.T("예상 비용과 예산 %s 비교 (11.1.1과 같은 계산)", "estimated cost against the %s budget (the computation of 11.1.1)"), budget(e.Settings.Targets.BudgetUSD)), fmt.Sprintf("`physarch cost --env %s`", e.Name)})
	}
	d.Table([]string{d.T("주기", "Cadence"), d.T("점검", "Check"), d.T("명령", "Command")}, rows)
}

// budget prints a stated monthly budget as the spec gives it, in whole
// dollars (cents only when the spec states them), with separators.
func budget(usd float64) string {
	if usd == float64(int64(usd)) {
		return "$" + msg.Int64(int64(usd))
	}
	return msg.USD(usd)
}

// incidentTable is who is told of what: the plan's alerts by severity
// (8.1.2), the route error-budget alerts counted per window, and the
// action group they notify. The spec states no response times, so none
// are printed.
func incidentTable(d *md.Doc, e *plan.Env) {
	bySev := map[int][]string{}
	routes := map[int]map[string]int{}
	var sevs []int
	for _, a := range e.Alerts {
		if _, ok := bySev[a.Severity]; !ok {
			sevs = append(sevs, a.Severity)
			bySev[a.Severity] = nil
			routes[a.Severity] = map[string]int{}
		}
		if a.Route != "" {
			if routes[a.Severity][a.Window] == 0 {
				bySev[a.Severity] = append(bySev[a.Severity], "\x00"+a.Window)
			}
			routes[a.Severity][a.Window]++
			continue
		}
		bySev[a.Severity] = append(bySev[a.Severity], strings.ReplaceAll(d.T(a.Title.Ko, a.Title.En), "`", ""))
	}
	if len(sevs) == 0 {
		return
	}
	sort.Ints(sevs)
	var rows [][]string
	for _, s := range sevs {
		var what []string
		for _, t := range bySev[s] {
			if w, ok := strings.CutPrefix(t, "\x00"); ok {
				t = fmt.Sprintf(d.T("경로 오류 예산 %s (경로 %d개)", "route error budget over %s (%d routes)"), duration(d, w), routes[s][w])
			}
			what = append(what, t)
		}
		rows = append(rows, []string{"Sev" + strconv.Itoa(s), strings.Join(what, ", "), e.ActionGroup.Name})
	}
	d.Table([]string{d.T("심각도", "Severity"), d.T("알림 (8.1.2)", "Alerts (8.1.2)"), d.T("알림 대상", "Notifies")}, rows)
}
