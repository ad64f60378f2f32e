package blobstorage_test

import (
	"testing"

	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/render/md"
)

// BenchmarkBuildSample builds the whole package of the block's sample
// spec, as the examples' benchmark does (target: under 20 ms).
func BenchmarkBuildSample(b *testing.B) {
	data := []byte(sample(b))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := generate.Spec("media.yaml", data, generate.Options{Lang: md.Ko}); err != nil {
			b.Fatal(err)
		}
	}
}
