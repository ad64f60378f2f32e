package k8s_test

import (
	"testing"

	"github.com/physarch/physarch/internal/render/k8s"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/testplan"
)

func BenchmarkRender(b *testing.B) {
	pl := testplan.Example(b, examples.Default)
	for b.Loop() {
		if _, err := k8s.Render(pl); err != nil {
			b.Fatal(err)
		}
	}
}
