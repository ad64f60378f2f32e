package decision_test

import (
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/components"
)

// BenchmarkEstimate re-plans every alternative of the kt-event-marketing
// example (about 25 plans of one environment each).
func BenchmarkEstimate(b *testing.B) {
	file, data, _ := examples.Spec("kt-event-marketing")
	doc, err := components.Load(file, data)
	if err != nil {
		b.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		b.Fatal(err)
	}
	prices, _ := azure.Embedded()
	costs, _ := cost.Estimate(pl, prices)
	avail := availability.Estimate(pl)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decision.Estimate(pl, prices, costs, avail); err != nil {
			b.Fatal(err)
		}
	}
}
