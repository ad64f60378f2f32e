package audit_test

import (
	"testing"

	"github.com/physarch/physarch/internal/audit"
	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
)

// BenchmarkAuditSevenFiles audits the seven-file package of the largest
// example (kt-event-marketing: seven services, about 1,900 lines), reading
// and extracting included. The goal is under 50 ms in process, so that
// audit can run on every save.
func BenchmarkAuditSevenFiles(b *testing.B) {
	files, err := generate.Files(testplan.Example(b, "kt-event-marketing"), generate.Options{Lang: md.Ko})
	if err != nil {
		b.Fatal(err)
	}
	ins := packageOf(files)
	if len(ins) != 7 {
		b.Fatalf("%d files", len(ins))
	}
	reg := audit.Default()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		if fs := reg.Run(facts.Extract(ins)); len(fs) != 0 {
			b.Fatalf("%d findings", len(fs))
		}
	}
	// CPU time includes the garbage collector's other threads; it is the
	// figure to compare with the goal on a loaded machine.
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
