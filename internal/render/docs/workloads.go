package docs

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/spec"
)

// The workload kinds in the documents: a cronjob's row names its
// schedule and claims no replicas, peak load or HPA; a worker's names its
// KEDA bounds and target instead of an HPA.

// serviceOf is the plan's service of a workload.
func serviceOf(pl *plan.Plan, name string) plan.Service {
	for _, sv := range pl.Services {
		if sv.Name == name {
			return sv
		}
	}
	return plan.Service{Name: name}
}

// schedule is a cronjob's schedule as the documents print it.
func schedule(cj *plan.CronJob) string {
	if cj == nil {
		return "CronJob"
	}
	// In code spans: a schedule's asterisks are not emphasis.
	s := "CronJob `" + cj.Schedule + "`"
	if cj.TimeZone != "" {
		s += " (" + cj.TimeZone + ")"
	}
	return s
}

// kedaBounds is a worker's replica range, marking physarch's defaults.
func kedaBounds(d *md.Doc, sv plan.Service, w plan.Workload) string {
	s := replicas(w) + " (KEDA)"
	if wk := sv.Worker; wk != nil && !(wk.MinStated && wk.MaxStated) {
		s = Assumed(d, s, false)
	}
	return s
}

// kedaTarget is what KEDA scales a worker on.
func kedaTarget(d *md.Doc, sv plan.Service) string {
	if sv.Worker == nil {
		return "KEDA"
	}
	t := fmt.Sprintf(d.T("KEDA: 레플리카당 메시지 %d개 (%s)", "KEDA: %d messages per replica (%s)"), sv.Worker.MessagesPerReplica, strings.Join(sv.Consumes, ", "))
	return Assumed(d, t, sv.Worker.TargetStated)
}

// workloadCells are a workload's replicas, peak req/s and scaling cells.
func workloadCells(d *md.Doc, pl *plan.Plan, w plan.Workload) (reps, peak, scaling string) {
	if w.Autoscaled() {
		return replicas(w), num(w.PeakRPS), hpaTargets(w)
	}
	sv := serviceOf(pl, w.Name)
	switch w.Kind {
	case spec.WorkloadCronJob:
		return schedule(sv.CronJob), "-", "-"
	case spec.WorkloadWorker:
		return kedaBounds(d, sv, w), "-", kedaTarget(d, sv)
	}
	return replicas(w), num(w.PeakRPS), hpaTargets(w)
}

// hpaTargets are the metrics of a workload's HPA: CPU, and memory only
// where the spec asks for it (the HPA has exactly these).
func hpaTargets(w plan.Workload) string {
	if w.HPAMem > 0 {
		return fmt.Sprintf("CPU %d%%, memory %d%%", w.HPACPU, w.HPAMem)
	}
	return fmt.Sprintf("CPU %d%%", w.HPACPU)
}

// autoscaled are the workloads an HPA scales (kind service).
func autoscaled(e *plan.Env) []plan.Workload {
	var out []plan.Workload
	for _, w := range e.Workloads {
		if w.Autoscaled() {
			out = append(out, w)
		}
	}
	return out
}

// budgeted are the workloads with a PodDisruptionBudget.
func budgeted(e *plan.Env) []plan.Workload {
	var out []plan.Workload
	for _, w := range e.Workloads {
		if w.HasPDB() {
			out = append(out, w)
		}
	}
	return out
}

// workloadNotes describe the cronjobs (schedule, policy, deadlines, the
// pods of one run) and the workers (KEDA bounds, target, trigger source)
// where the system has them, and the namespaces where there are several;
// nothing otherwise.
func workloadNotes(d *md.Doc, pl *plan.Plan, e *plan.Env) {
	var jobs, workers [][]string
	for _, w := range e.Workloads {
		if w.Autoscaled() {
			continue
		}
		sv := serviceOf(pl, w.Name)
		switch {
		case w.Kind == spec.WorkloadCronJob && sv.CronJob != nil:
			cj := sv.CronJob
			tz := cj.TimeZone
			if tz == "" {
				tz = d.T("컨트롤러 기준 (AKS: UTC)", "the controller's (AKS: UTC)")
			}
			jobs = append(jobs, []string{w.Name, "`" + cj.Schedule + "`", tz, cj.ConcurrencyPolicy, strconv.Itoa(cj.StartingDeadlineSeconds) + "s",
				strconv.Itoa(cj.ActiveDeadlineSeconds) + "s", fmt.Sprintf("%d / %d", cj.Parallelism, cj.Completions), strconv.Itoa(cj.BackoffLimit)})
		case w.Kind == spec.WorkloadWorker:
			pdbCell := "-"
			if w.HasPDB() {
				pdbCell = pdb(w)
			}
			workers = append(workers, []string{w.Name, strings.Join(sv.Consumes, ", "), kedaBounds(d, sv, w), kedaTarget(d, sv), pdbCell})
		}
	}
	if len(jobs) > 0 {
		d.P(d.T("예약 작업 (Kubernetes CronJob): 요청 경로 밖에 있어 가용성 계산에 들어가지 않으며, HPA와 PDB가 없습니다. 한 번의 실행은 parallelism만큼 Pod를 띄우고, 노드 풀은 최소·최대 규모 모두에서 그 Pod를 수용하도록 산정했습니다 (일정은 피크에도 실행될 수 있음).",
			"Scheduled jobs (Kubernetes CronJob): off the request path, so not in the availability figures, and without HPA or PDB. One run starts parallelism pods; the node pools hold them at minimum and at maximum scale (a schedule may fire at peak)."))
		d.Table([]string{d.T("작업", "Job"), d.T("일정 (cron)", "Schedule (cron)"), d.T("시간대", "Time zone"), d.T("동시 실행", "Concurrency"),
			d.T("시작 기한", "Starting deadline"), d.T("실행 기한", "Active deadline"), "Parallelism / completions", d.T("재시도", "Retries")}, jobs)
	}
	if len(workers) > 0 {
		d.P(d.T("큐 기반 워커: CPU HPA 대신 KEDA가 소비하는 큐·토픽·이벤트 허브의 적체량으로 확장합니다 (AKS KEDA 애드온, 워커의 워크로드 ID로 인증). 요청 경로 밖에 있어 가용성 계산에 들어가지 않습니다.",
			"Queue-driven workers: KEDA scales them on the backlog of the queue, topic or event hub they consume instead of a CPU HPA (the AKS KEDA add-on, authenticated as the worker's workload identity). They are off the request path, so not in the availability figures."))
		d.Table([]string{d.T("워커", "Worker"), d.T("소비", "Consumes"), "Replicas", d.T("확장 기준", "Scales on"), "Pod Disruption Budget"}, workers)
	}
	namespaceTable(d, e)
}

// cronPackingNote states how a node pool counts the runs of the
// cronjobs placed on it.
func cronPackingNote(d *md.Doc, e *plan.Env, pool string) string {
	for _, w := range e.Workloads {
		if w.Kind == spec.WorkloadCronJob && or(w.Pool, spec.AppsPool) == pool {
			return d.T(" CronJob은 한 번의 실행(parallelism개 Pod)을 최소·최대 레플리카 모두에 더해 계산했습니다. concurrencyPolicy: Allow로 실행이 겹치면 그만큼 더 필요합니다.",
				" CronJobs count one run (parallelism pods) at both minimum and maximum replicas; runs that overlap under concurrencyPolicy: Allow need more.")
		}
	}
	return ""
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
