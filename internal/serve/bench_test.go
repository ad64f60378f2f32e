package serve

import (
	"os"
	"testing"

	"github.com/physarch/physarch/internal/render/md"
)

// BenchmarkQuick is the build a save gets first, the server's part of
// save-to-repaint; BenchmarkBuild the full one that follows.
func BenchmarkQuick(b *testing.B) { benchBuild(b, quick) }

func BenchmarkBuild(b *testing.B) { benchBuild(b, build) }

func benchBuild(b *testing.B, run func(Options, []byte, md.Lang) (*model, error)) {
	data, err := os.ReadFile("../../examples/kt-event-marketing/physarch.yaml")
	if err != nil {
		b.Fatal(err)
	}
	opt := Options{Spec: "physarch.yaml"}
	opt.Prices = testPrices
	for b.Loop() {
		if _, err := run(opt, data, md.Ko); err != nil {
			b.Fatal(err)
		}
	}
}
