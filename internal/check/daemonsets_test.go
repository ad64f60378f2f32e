package check_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/plan"
)

// TestCP019Shortfalls: the pool rule names the pod that does not fit
// beside the DaemonSets, or the DaemonSets alone when they exceed the
// node, and stays quiet at the boundary where everything just fits.
func TestCP019Shortfalls(t *testing.T) {
	for _, tc := range []struct {
		name  string
		mut   func(*plan.Plan)
		pools []string // the pools named, in order; none for quiet
		says  string
	}{
		{"pod beside the DaemonSets", func(pl *plan.Plan) { prodEnv(pl).Workloads[0].CPURequestM = 3000 }, []string{"apps"}, "and its pod "},
		{"memory, not CPU", func(pl *plan.Plan) { prodEnv(pl).Workloads[0].MemRequestMiB = 14000 }, []string{"apps"}, "and its pod "},
		{"DaemonSets alone exceed every pool", func(pl *plan.Plan) { prodEnv(pl).DaemonSets.CPUM = 5000 }, []string{"system", "apps"}, "before any pod"},
		{"exactly full is quiet", func(pl *plan.Plan) {
			e := prodEnv(pl)
			apps := e.Pool("apps")
			w := &e.Workloads[0]
			w.Sidecar = nil
			w.CPURequestM = apps.AllocCPUM - e.DaemonSets.CPUM
		}, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := fired(variant{planMut: tc.mut}.context(t), "CP019")
			if len(got) != len(tc.pools) {
				t.Fatalf("%d findings, want %d: %v", len(got), len(tc.pools), got)
			}
			for i, f := range got {
				if !strings.HasPrefix(f.Message, "pool "+tc.pools[i]+":") || !strings.Contains(f.Message, tc.says) {
					t.Errorf("finding %d: %q, want pool %s and %q", i, f.Message, tc.pools[i], tc.says)
				}
			}
		})
	}
}
