// Package testplan loads built-in examples into plans for tests.
package testplan

import (
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Example loads and plans a built-in example, failing the test on error.
func Example(t testing.TB, name string) *plan.Plan {
	t.Helper()
	p, data, err := examples.Spec(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := spec.Load(p, data)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := plan.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pl
}
