// Package testplan loads built-in examples into plans for tests.
package testplan

import (
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
)

// Example loads and plans a built-in example, failing the test on error.
func Example(t testing.TB, name string) *plan.Plan {
	t.Helper()
	p, data, err := examples.Spec(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := components.Load(p, data)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pl
}
