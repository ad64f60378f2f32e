// Package decision lists the design decisions each environment's plan
// makes (tiers, zones, HA modes, replica floors, the gateway, private
// endpoints) with their reasons and their alternatives, and gives every
// alternative its figures by planning the spec again with it: the monthly
// cost, the composite availability and the nodes come from the same
// planner, cost estimate and availability estimate the design itself
// does, never from arithmetic of this package's own.
package decision

import (
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Decided is a component that makes design decisions of its own (its
// tier, its HA mode): each with its reason and the alternatives the spec
// could state instead. The core's decisions (zones, the replica floor, the
// cluster's tier, private endpoints) are this package's.
type Decided interface {
	Decisions(pl *plan.Plan, e *plan.Env) []Decision
}

// Decision is one choice the plan made in an environment.
type Decision struct {
	// ID names the decision in every environment and language, such as
	// "zones" or "servicebus.tier": the master index compares the
	// environments' choices by it.
	ID string
	// Topic is what is decided ("Service Bus 계층").
	Topic spec.Text
	// Choice is what the plan chose, as the platform names it where it
	// has a name ("Premium").
	Choice spec.Text
	// Reason says why, from the plan's own facts.
	Reason       spec.Text
	Alternatives []Alternative
}

// Alternative is another choice the spec could state.
type Alternative struct {
	Choice spec.Text
	// Note says what the figures cannot: what the alternative gives up
	// or needs ("the namespace is reached on its public endpoint").
	Note spec.Text
	// Change rewrites the environment being decided, env, to take the
	// alternative. It may change env only: the rest of s is the design's
	// own spec, shared with the re-plan and read only (plan.VaryEnv).
	Change func(s *spec.Spec, env *spec.Environment)
}

// Figures are an environment's monthly cost, composite availability and
// node counts, as the cost and availability estimates give them.
type Figures struct {
	CostMin, CostMax float64
	// Availability is the composite over every route (0 with no SLA);
	// UpperBound: components without an SLA were left out.
	Availability float64
	UpperBound   bool
	// NoSLA are the components left out for having no SLA.
	NoSLA []string
	// NoSLAKo are NoSLA's Korean names, in the same order, for the
	// Korean documents.
	NoSLAKo []string
	// NodesMin and NodesMax are every pool's nodes at minimum and maximum.
	NodesMin, NodesMax int
}

// Outcome is an alternative with the figures of the plan that takes it.
type Outcome struct {
	Alternative
	Figures
	// DeltaMin and DeltaMax are the monthly cost against the plan's own
	// (negative: the alternative saves).
	DeltaMin, DeltaMax float64
	// Refused is the planner's reason the spec cannot take the
	// alternative; the figures are then zero.
	Refused string
}

// Record is a decision with its alternatives' outcomes.
type Record struct {
	Decision
	Outcomes []Outcome
}

// Report is one environment's decisions.
type Report struct {
	Env string
	// Target is the availability target the figures are judged against.
	Target float64
	// Figures are the plan's own.
	Figures
	Records []Record
	// Steps are the environment planned for its users and for each
	// growth factor of them (the roadmap).
	Steps []Step
}

// Estimate lists every environment's decisions, re-planning the spec once
// per alternative (none for a plan that keeps no spec, plan.CanVary). costs and avail are the plan's own estimates (the
// documents' figures), by environment.
func Estimate(pl *plan.Plan, prices *azure.Prices, costs []*cost.Report, avail []*availability.Report) ([]*Report, error) {
	if !pl.CanVary() {
		// A plan assembled by hand has no spec to plan again: no
		// figure could be computed, so no decision is listed.
		return nil, nil
	}
	// Every alternative and growth step is its own re-plan, independent
	// of the others: they run on every core, each writing its own slot,
	// so the reports are the same whichever finishes first.
	var out []*Report
	var jobs []func() error
	for _, e := range pl.Envs {
		r := &Report{Env: e.Name, Target: e.Settings.Targets.Availability}
		base := find(costs, e.Name, func(c *cost.Report) string { return c.Env })
		r.Figures = figures(e, base, find(avail, e.Name, func(a *availability.Report) string { return a.Env }))
		decisions := core(pl, e)
		for _, c := range plan.Facets[Decided](e) {
			decisions = append(decisions, c.Decisions(pl, e)...)
		}
		r.Records = make([]Record, len(decisions))
		for i, d := range decisions {
			rec := &r.Records[i]
			rec.Decision = d
			rec.Outcomes = make([]Outcome, len(d.Alternatives))
			for j, alt := range d.Alternatives {
				o, name, id := &rec.Outcomes[j], e.Name, d.ID
				jobs = append(jobs, func() error {
					var err error
					if *o, err = outcome(pl, name, prices, alt); err != nil {
						return fmt.Errorf("decision %s in %s, alternative %s: %w", id, name, alt.Choice.En, err)
					}
					o.DeltaMin, o.DeltaMax = cents(o.CostMin-r.CostMin), cents(o.CostMax-r.CostMax)
					return nil
				})
			}
		}
		jobs = append(jobs, growthJobs(pl, e, prices, base, r)...)
		out = append(out, r)
	}
	if err := run(jobs); err != nil {
		return nil, err
	}
	return out, nil
}

// run runs the jobs on every core and returns the error of the first job
// in order that failed, so that the error too does not depend on timing.
func run(jobs []func() error) error {
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := range next {
				errs[i] = jobs[i]()
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return firstOf(errs)
}

func firstOf(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// outcome plans the spec with one alternative and reads the environment's
// figures from the new plan's estimates. A spec the planner refuses is an
// outcome too (its reason); a price the catalog lacks is an error, as it
// is for the plan itself.
func outcome(pl *plan.Plan, env string, prices *azure.Prices, alt Alternative) (Outcome, error) {
	o := Outcome{Alternative: alt}
	// Only the decided environment is planned again (and only it is
	// copied): environments are planned apart (only the messaging names
	// are shared, and they come from the system's declarations), so the
	// others would only cost time.
	varied, err := pl.VaryEnv(env, alt.Change)
	if err != nil {
		var errs spec.Errors
		if errors.As(err, &errs) && len(errs) > 0 {
			o.Refused = errs[0].Msg
			return o, nil
		}
		return o, err
	}
	var e *plan.Env
	for _, ve := range varied.Envs {
		if ve.Name == env {
			e = ve
		}
	}
	if e == nil {
		return o, fmt.Errorf("the re-planned spec has no environment %s", env)
	}
	costs, err := cost.Estimate(varied, prices)
	if err != nil {
		return o, err
	}
	o.Figures = figures(e, find(costs, env, func(c *cost.Report) string { return c.Env }), find(availability.Estimate(varied), env, func(a *availability.Report) string { return a.Env }))
	return o, nil
}

// FiguresOf are an environment's figures from its cost and availability
// reports, as the decisions compare them (physarch serve's what-if shows
// the same figures for a re-planned spec).
func FiguresOf(e *plan.Env, c *cost.Report, a *availability.Report) Figures { return figures(e, c, a) }

func figures(e *plan.Env, c *cost.Report, a *availability.Report) Figures {
	var f Figures
	if c != nil {
		f.CostMin, f.CostMax = c.TotalMin, c.TotalMax
	}
	if a != nil {
		f.Availability, f.UpperBound, f.NoSLA = a.Percent, a.UpperBound, a.NoSLA
		for _, n := range a.NoSLA {
			f.NoSLAKo = append(f.NoSLAKo, a.NameIn(true, n))
		}
	}
	f.NodesMin, f.NodesMax = e.TotalNodes()
	return f
}

func find[R any](reps []R, env string, name func(R) string) R {
	for _, r := range reps {
		if name(r) == env {
			return r
		}
	}
	var zero R
	return zero
}

// cents rounds a difference of two totals (each already in cents) so that
// float subtraction leaves no trailing digits.
func cents(v float64) float64 {
	if v < 0 {
		return -float64(int64(-v*100+0.5)) / 100
	}
	return float64(int64(v*100+0.5)) / 100
}
