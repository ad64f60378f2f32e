package check

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// NewContext analyses a planned document for the rules.
func NewContext(doc *spec.Document, pl *plan.Plan, prices *azure.Prices) (*Context, error) {
	c := &Context{Doc: doc, Plan: pl, Cost: map[string]*cost.Report{}, Avail: map[string]*availability.Report{}, Prices: prices}
	reports, err := cost.Estimate(pl, prices)
	if err != nil {
		return nil, err
	}
	for _, r := range reports {
		c.Cost[r.Env] = r
	}
	for _, r := range availability.Estimate(pl) {
		c.Avail[r.Env] = r
	}
	return c, nil
}
