package cosmosdb_test

import (
	"testing"

	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/render/md"
)

// BenchmarkBuildSample builds the whole package of the sample spec in
// process (the examples' goal is under 20 ms each).
func BenchmarkBuildSample(b *testing.B) {
	for _, name := range specs {
		data := read(b, name)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := generate.Spec(name, data, generate.Options{Lang: md.Ko}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
