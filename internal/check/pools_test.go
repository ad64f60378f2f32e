package check_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/testplan"
)

// TestCP002JudgesTheServicesOwnPool: a pod is compared with the nodes of
// the pool it runs on, not the apps pool's: 1,500m fits an apps node, and
// 30 GiB, which would fit no node of the GPU pool, is flagged there.
func TestCP002JudgesTheServicesOwnPool(t *testing.T) {
	mut := func(name string, cpu, mem int64) func(*plan.Plan) {
		return func(pl *plan.Plan) {
			for _, e := range pl.Envs {
				w := e.Workload(name)
				w.CPURequestM, w.MemRequestMiB = cpu, mem
			}
		}
	}
	c := analyse(t, "workloads.yaml", testplan.WorkloadsSpec(), mut("inference", 2000, 30*1024))
	got := fired(c, "CP002")
	if len(got) != 2 || !strings.Contains(got[0].Message, "of pool gpu") || !strings.HasSuffix(got[0].Path, ".resources.requests") {
		t.Errorf("a pod too large for its GPU pool: %v", got)
	}
	c = analyse(t, "workloads.yaml", testplan.WorkloadsSpec(), mut("api", 1500, 1024))
	if got := fired(c, "CP002"); len(got) != 0 {
		t.Errorf("a pod that fits its apps pool: %v", got)
	}
}
