package generate_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestRoutineChecksFollowTheDesign: production's routine checks list a
// cronjob and a KEDA check only where the design runs a cronjob and a
// worker.
func TestRoutineChecksFollowTheDesign(t *testing.T) {
	section := func(doc string) string {
		i := strings.Index(doc, "### 12.1")
		j := strings.Index(doc, "### 12.2")
		if i < 0 || j < i {
			t.Fatal("no 12.1 section")
		}
		return doc[i:j]
	}
	prodDoc := func(file string, data []byte) string {
		_, files := readback.Build(t, file, data, md.En)
		for _, f := range files {
			if strings.HasSuffix(f.Path, "physical-architecture-prod.md") {
				return string(f.Data)
			}
		}
		t.Fatalf("%s: no prod document", file)
		return ""
	}
	with := section(prodDoc("workloads.yaml", testplan.WorkloadsSpec()))
	for _, want := range []string{"get cronjob`", "get scaledobject`", "get hpa`", "get pdb`", "az aks get-upgrades"} {
		if !strings.Contains(with, want) {
			t.Errorf("the workloads spec's checks lack %q:\n%s", want, with)
		}
	}
	p, data, err := examples.Spec("kt-event-marketing")
	if err != nil {
		t.Fatal(err)
	}
	without := section(prodDoc(p, data))
	for _, absent := range []string{"cronjob", "scaledobject"} {
		if strings.Contains(without, absent) {
			t.Errorf("kt-event-marketing has no %s, yet its checks name one:\n%s", absent, without)
		}
	}
}
