package testplan

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
)

// Named is a planned spec and what the real judges call it.
type Named struct {
	Name string
	Plan *plan.Plan
}

// Judged is what the real judges (terraform validate, the kube-apiserver
// dry run, mermaid-cli) run on: every built-in example, then every
// building block's sample spec (internal/component/<kind>/testdata/sample*.yaml),
// the specs that use a block the examples do not, or not its way.
func Judged(t testing.TB) []Named {
	t.Helper()
	var out []Named
	for _, name := range examples.Names() {
		out = append(out, Named{Name: name, Plan: Example(t, name)})
	}
	return append(out, Samples(t)...)
}

// Samples plans every block's sample spec, failing the test on error.
func Samples(t testing.TB) []Named {
	t.Helper()
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate internal/testplan")
	}
	files, err := filepath.Glob(filepath.Join(filepath.Dir(self), "..", "component", "*", "testdata", "sample*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var out []Named
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := components.Load(f, data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		pl, err := components.Plan(doc)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		kind := filepath.Base(filepath.Dir(filepath.Dir(f)))
		out = append(out, Named{Name: kind + "-" + strings.TrimSuffix(filepath.Base(f), ".yaml"), Plan: pl})
	}
	return out
}
