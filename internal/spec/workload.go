package spec

import (
	"fmt"
	"time"
	// The CronJob's timeZone is checked against the IANA database compiled
	// into physarch, so the answer does not depend on the machine's.
	_ "time/tzdata"
)

// Defaults of the workload kinds (documented in the schema descriptions).
const (
	DefaultStartingDeadlineSeconds = 300
	DefaultActiveDeadlineSeconds   = 3600
	DefaultBackoffLimit            = 6
	DefaultWorkerMaxReplicas       = 10
	DefaultMessagesPerReplica      = 5
)

// workloadDefaults fills what a cronjob's or a worker's settings leave out.
func workloadDefaults(doc *Document, i int, sv *Service) {
	p := fmt.Sprintf("services[%d]", i)
	if sv.Kind == "" {
		sv.Kind = WorkloadService
	}
	if cj := sv.CronJob; cj != nil {
		if cj.ConcurrencyPolicy == "" {
			cj.ConcurrencyPolicy = "Forbid"
		}
		for _, d := range []struct {
			key string
			v   *int
			def int
		}{
			{"startingDeadlineSeconds", &cj.StartingDeadlineSeconds, DefaultStartingDeadlineSeconds},
			{"activeDeadlineSeconds", &cj.ActiveDeadlineSeconds, DefaultActiveDeadlineSeconds},
			{"parallelism", &cj.Parallelism, 1},
			{"completions", &cj.Completions, 1},
			{"backoffLimit", &cj.BackoffLimit, DefaultBackoffLimit},
		} {
			if !doc.Has(p + ".cronJob." + d.key) {
				*d.v = d.def
			}
		}
	}
	if sv.Kind == WorkloadWorker {
		if sv.Worker == nil {
			sv.Worker = &Worker{}
		}
		if !doc.Has(p + ".worker.maxReplicas") {
			sv.Worker.MaxReplicas = max(DefaultWorkerMaxReplicas, sv.Worker.MinReplicas)
		}
		if !doc.Has(p + ".worker.messagesPerReplica") {
			sv.Worker.MessagesPerReplica = DefaultMessagesPerReplica
		}
	}
}

// workloadKind checks what each kind may and must say: a cronjob runs on
// a schedule and serves nothing; a worker has no Service and scales on the
// backlog of the one destination it consumes; a service has neither's
// settings.
func (v *validator) workloadKind(i int, sv Service) {
	p := fmt.Sprintf("services[%d]", i)
	if v.failed[p+".kind"] {
		return // an unknown kind says nothing about the other keys
	}
	refuse := func(key, hint, format string, args ...any) {
		if v.doc.Has(p + "." + key) {
			v.fail(p+"."+key, hint, format, args...)
		}
	}
	switch sv.Kind {
	case WorkloadCronJob:
		refuse("route", "remove route, or make it kind: service", "%s is a cronjob: it runs on a schedule and serves no route", sv.Name)
		refuse("replicas", "remove replicas; cronJob.parallelism sets the pods of one run", "%s is a cronjob: it has no replicas, each run starts cronJob.parallelism pods", sv.Name)
		refuse("load", "remove load; size its pods with resources", "%s is a cronjob: it is off the request path and takes no user load", sv.Name)
		refuse("health", "remove health; a run's pods end when their work is done", "%s is a cronjob: its pods run to completion and get no probes", sv.Name)
		refuse("worker", "remove worker, or make it kind: worker", "worker settings apply to kind: worker, and %s is a cronjob", sv.Name)
		refuse("autoscale", "remove autoscale; cronJob.parallelism sets the pods of one run", "%s is a cronjob: it has no HPA", sv.Name)
		if sv.CronJob == nil {
			v.fail(p+".kind", `add cronJob: {schedule: "0 2 * * *"} (when it runs, in cron)`, "%s is a cronjob without a schedule", sv.Name)
			return
		}
		v.cronJob(p+".cronJob", sv.CronJob)
	case WorkloadWorker:
		refuse("route", "remove route, or make it kind: service", "%s is a worker: it has no Service and serves no route; it takes its work from what it consumes", sv.Name)
		refuse("replicas", "write worker: {minReplicas: 0, maxReplicas: 10}", "%s is a worker: KEDA scales it between worker.minReplicas and worker.maxReplicas, not replicas", sv.Name)
		refuse("load", "remove load; set worker.messagesPerReplica", "%s is a worker: it takes no user load, KEDA scales it on its backlog", sv.Name)
		refuse("cronJob", "remove cronJob, or make it kind: cronjob", "cronJob settings apply to kind: cronjob, and %s is a worker", sv.Name)
		refuse("autoscale", "remove autoscale; worker sets how KEDA scales it", "%s is a worker: KEDA scales it on its backlog, it has no HPA", sv.Name)
		switch {
		case len(sv.Consumes) == 0 && !v.failed[p+".consumes"]:
			v.fail(p+".kind", "add consumes: [<queue, topic or event hub>], or make it kind: service", "%s is a worker but consumes nothing: KEDA scales a worker on the backlog of what it consumes", sv.Name)
		case len(sv.Consumes) > 1:
			v.fail(fmt.Sprintf("%s.consumes[1]", p), "split it into one worker per destination, or make it kind: service", "%s is a worker and consumes %d destinations; KEDA scales a worker on the backlog of one", sv.Name, len(sv.Consumes))
		}
		if w := sv.Worker; w != nil && w.MaxReplicas < w.MinReplicas {
			v.fail(p+".worker.maxReplicas", "make maxReplicas at least minReplicas", "worker.maxReplicas %d is below worker.minReplicas %d", w.MaxReplicas, w.MinReplicas)
		}
	default:
		refuse("cronJob", "add kind: cronjob, or remove cronJob", "cronJob settings apply to kind: cronjob, and %s is a service", sv.Name)
		refuse("worker", "add kind: worker, or remove worker", "worker settings apply to kind: worker, and %s is a service", sv.Name)
	}
}

// cronJob checks a schedule's ranges and the time zone, which the field
// rules (forms only) cannot.
func (v *validator) cronJob(p string, cj *CronJob) {
	if !v.failed[p+".schedule"] {
		if err := ParseCron(cj.Schedule); err != nil {
			v.fail(p+".schedule", `cron: minute (0-59) hour (0-23) day-of-month (1-31) month (1-12) day-of-week (0-6), such as "0 2 * * *" (02:00 every day) or "*/15 * * * *"`,
				"schedule %q is not cron: %v", cj.Schedule, err)
		}
	}
	if tz := cj.TimeZone; tz != "" && !v.failed[p+".timeZone"] {
		if _, err := time.LoadLocation(tz); err != nil || tz == "Local" {
			v.fail(p+".timeZone", "an IANA time zone such as Asia/Seoul, Europe/Berlin or UTC", "time zone %q is not in the IANA time zone database", tz)
		}
	}
}
