package testplan

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
)

// Spec is a named spec's plan, for tests that judge every spec physarch
// ships.
type Spec struct {
	Name string
	Plan *plan.Plan
}

// Specs plans the built-in examples and every building block's sample
// (internal/component/<kind>/testdata/sample.yaml), so that the real
// judges (terraform validate, the kube-apiserver dry run, mermaid-cli)
// see a block before an example uses it, without listing the blocks.
func Specs(t testing.TB) []Spec {
	t.Helper()
	var out []Spec
	for _, name := range examples.Names() {
		out = append(out, Spec{name, Example(t, name)})
	}
	for _, path := range samplePaths(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := components.Load(path, data)
		if err != nil {
			t.Fatal(err)
		}
		pl, err := components.Plan(doc)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Spec{filepath.Base(filepath.Dir(filepath.Dir(path))) + "-sample", pl})
	}
	return out
}

// samplePaths are the blocks' sample specs, found next to this file's
// package whatever directory the test runs in.
func samplePaths(t testing.TB) []string {
	t.Helper()
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("testplan: cannot locate the source tree")
	}
	paths, err := filepath.Glob(filepath.Join(filepath.Dir(self), "..", "component", "*", "testdata", "sample.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	return paths
}
