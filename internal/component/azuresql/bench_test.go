package azuresql_test

import (
	"testing"

	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/render/md"
)

// BenchmarkBuildSample builds the whole package of the block's sample in
// process (the examples' budget is 20 ms each).
func BenchmarkBuildSample(b *testing.B) {
	data := []byte(sample(b))
	for b.Loop() {
		if _, _, err := generate.Spec("sample.yaml", data, generate.Options{Lang: md.Ko}); err != nil {
			b.Fatal(err)
		}
	}
}
