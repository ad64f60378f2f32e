package plan_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
	"github.com/physarch/physarch/internal/testplan"
)

func planOf(t *testing.T, src string) *plan.Plan {
	t.Helper()
	doc, err := components.Load("workloads.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

// TestOffPathWorkloadsSizing: a cronjob's run (its parallelism) is packed
// into the apps pool at minimum and at maximum, a worker at its KEDA
// bounds (zero pods at a minimum of zero); neither takes user load nor an
// HPA, and only a worker with two replicas or more has a PDB.
func TestOffPathWorkloadsSizing(t *testing.T) {
	src := string(testplan.WorkloadsSpec())
	pl := planOf(t, src)
	for _, e := range pl.Envs {
		apps := e.Pool("apps")
		var cpuMin int64
		for _, w := range e.Workloads {
			if w.Pool == "apps" {
				cpuMin += int64(w.Min) * w.CPURequestM
			}
		}
		for _, b := range e.Backing {
			cpuMin += int64(b.Min) * b.CPURequestM
		}
		if apps.RequestedCPUM != cpuMin {
			t.Errorf("%s: apps pool packs %dm at minimum, the workloads request %dm", e.Name, apps.RequestedCPUM, cpuMin)
		}
		job, mailer, indexer, api := e.Workload("nightly-report"), e.Workload("mailer"), e.Workload("indexer"), e.Workload("api")
		var peak float64
		for _, name := range []string{"api", "inference"} {
			peak += e.Workload(name).PeakRPS
		}
		if job.Min != 2 || job.Max != 2 || job.Autoscaled() || job.HasPDB() || job.PeakRPS != 0 || job.HPACPU != 0 {
			t.Errorf("%s: cronjob %+v", e.Name, *job)
		}
		if mailer.Min != 0 || mailer.Max != 20 || mailer.Autoscaled() || mailer.HasPDB() {
			t.Errorf("%s: mailer %+v", e.Name, *mailer)
		}
		if indexer.Min != 2 || !indexer.HasPDB() || indexer.PDBMinAvail != 1 {
			t.Errorf("%s: indexer %+v", e.Name, *indexer)
		}
		if e.PeakRPS != peak || api.PeakRPS == 0 {
			t.Errorf("%s: peak %g req/s, only the services take load (%g)", e.Name, e.PeakRPS, peak)
		}
	}
	// Without the cronjob, the pool it runs on (batch) requests exactly
	// one run less.
	cut := src[strings.Index(src, "  - name: nightly-report"):strings.Index(src, "  - name: mailer")]
	without := planOf(t, strings.Replace(src, cut, "", 1))
	for i, e := range pl.Envs {
		job := e.Workload("nightly-report")
		if got, want := without.Envs[i].Pool(job.Pool).RequestedCPUM, e.Pool(job.Pool).RequestedCPUM-int64(job.Min)*job.CPURequestM; got != want || job.Pool != "batch" {
			t.Errorf("%s: without the cronjob the pool packs %dm, want %dm", e.Name, got, want)
		}
	}
}

// TestWorkerStatesItsDefaults: the plan tells stated worker figures from
// physarch's defaults, so the documents can mark the defaults.
func TestWorkerStatesItsDefaults(t *testing.T) {
	pl := testplan.Workloads(t)
	for _, sv := range pl.Services {
		switch sv.Name {
		case "mailer":
			if w := sv.Worker; w == nil || !w.MinStated || !w.MaxStated || !w.TargetStated || w.MessagesPerReplica != 10 {
				t.Errorf("mailer %+v", w)
			}
		case "indexer":
			if w := sv.Worker; w == nil || !w.MinStated || w.TargetStated || w.MessagesPerReplica != spec.DefaultMessagesPerReplica {
				t.Errorf("indexer %+v", w)
			}
		case "nightly-report":
			if sv.CronJob == nil || sv.Worker != nil || sv.HasService() {
				t.Errorf("cronjob %+v", sv)
			}
		}
	}
}
