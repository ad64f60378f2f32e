package eventhubs_test

import (
	"testing"

	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/render/md"
)

// BenchmarkSample builds the sample's whole package in process (the
// README's goal: an example in under 20 ms).
func BenchmarkSample(b *testing.B) {
	src := []byte(sample(b))
	for b.Loop() {
		if _, _, err := generate.Spec("sample.yaml", src, generate.Options{Lang: md.Ko}); err != nil {
			b.Fatal(err)
		}
	}
}
