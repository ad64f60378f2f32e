package testplan

import (
	_ "embed"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
)

// workloadsSpec has every workload kind: a service, a cronjob, a queue
// worker scaled to zero and a topic worker with a floor of two.
//
//go:embed testdata/workloads.yaml
var workloadsSpec []byte

// WorkloadsSpec is the workload-kinds sample spec.
func WorkloadsSpec() []byte { return append([]byte(nil), workloadsSpec...) }

// Workloads plans the workload-kinds sample spec.
func Workloads(t testing.TB) *plan.Plan {
	t.Helper()
	doc, err := components.Load("workloads.yaml", workloadsSpec)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pl
}
