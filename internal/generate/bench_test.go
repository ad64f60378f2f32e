package generate

import (
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testspec"
)

// BenchmarkExample builds each example's whole package in process
// (load, validate, plan, render). Target: under 20 ms each.
func BenchmarkExample(b *testing.B) {
	for _, name := range examples.Names() {
		p, data, _ := examples.Spec(name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Spec(p, data, Options{Lang: md.Ko}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLarge builds the package of a generated 1,000-service spec.
// Target: under 1 s and 200 MiB.
func BenchmarkLarge(b *testing.B) {
	data := testspec.Large(1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Spec("large.yaml", data, Options{Lang: md.Ko}); err != nil {
			b.Fatal(err)
		}
	}
}
