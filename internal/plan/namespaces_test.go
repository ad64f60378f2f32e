package plan_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/testplan"
)

// TestNamespacesAndQuotas: services that name a group run in
// <system>-<env>-<group>, the others and the components' pods in the
// environment's own namespace; each namespace's quota is ⌈1.1 × Σ pods
// at most × request (limit)⌉ (services: max + 1 surge; a Forbid cronjob:
// one run; in dev's own namespace the components' pods and one Job), its
// LimitRange max its largest container limit.
func TestNamespacesAndQuotas(t *testing.T) {
	pl := testplan.Workloads(t)
	for _, e := range pl.Envs {
		got := map[string]string{}
		for _, ns := range e.Namespaces {
			got[ns.Name] = strings.Join(ns.Services, ",")
		}
		want := map[string]string{"shop-" + e.Name: "api,nightly-report", "shop-" + e.Name + "-ml": "inference", "shop-" + e.Name + "-messaging": "mailer,indexer"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: namespace %s runs %q, want %q", e.Name, k, got[k], v)
			}
		}
		if len(got) != 3 || !e.MultiNamespace() || e.NamespaceOf("inference") != "shop-"+e.Name+"-ml" || e.NamespaceOf("redis") != e.Namespace {
			t.Errorf("%s: namespaces %v", e.Name, got)
		}
		for _, ns := range e.Namespaces {
			var pods int64
			var cpu, lim, maxLim int64
			count := func(n int, w *plan.Workload) {
				pods += int64(n)
				cpu += int64(n) * w.CPURequestM
				lim += int64(n) * milli(t, w.CPULimit)
				maxLim = max(maxLim, milli(t, w.CPULimit))
			}
			for _, name := range ns.Services {
				w := e.Workload(name)
				if w.Kind == "cronjob" {
					count(w.Max, w) // Forbid: one run
				} else {
					count(w.Max+1, w)
				}
			}
			if ns.Components && (len(e.Backing) > 0 || e.RunsJobs(pl)) {
				for i := range e.Backing {
					count(1, &e.Backing[i])
				}
				job := plan.Workload{CPURequestM: 50, CPULimit: plan.JobCPULimit}
				count(1, &job)
			}
			up := func(v int64) int64 { return (v*11 + 9) / 10 }
			if q := ns.Quota; int64(q.Pods) != up(pods) || q.RequestsCPUM != up(cpu) || q.LimitsCPUM != up(lim) {
				t.Errorf("%s/%s: quota %d pods %dm/%dm, want %d pods %dm/%dm", e.Name, ns.Name, q.Pods, q.RequestsCPUM, q.LimitsCPUM, up(pods), up(cpu), up(lim))
			}
			if l := ns.Limits; l.MaxCPUM != maxLim || l.DefaultCPUM > l.MaxCPUM || l.DefaultRequestCPUM > l.DefaultCPUM {
				t.Errorf("%s/%s: limits %+v, largest container limit %dm", e.Name, ns.Name, l, maxLim)
			}
		}
	}
	// One namespace: nothing to share out, no quota.
	for _, e := range testplan.Example(t, examples.Default).Envs {
		if e.MultiNamespace() || len(e.Namespaces) != 1 || e.Namespaces[0].Quota.Pods != 0 {
			t.Errorf("%s: one namespace planned as %+v", e.Name, e.Namespaces)
		}
	}
}

func milli(t *testing.T, q string) int64 {
	t.Helper()
	w := plan.BackingPod("x", 1, q, "1Mi", 0, "", "")
	return w.CPURequestM
}
