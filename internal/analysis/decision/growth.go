package decision

import (
	"errors"
	"fmt"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// GrowthFactors are the user counts the roadmap plans each environment
// for, as multiples of its target (the what-ifs of cost --users).
var GrowthFactors = []int{2, 5}

// Step is an environment planned for a multiple of its users.
type Step struct {
	Factor  int
	Users   int
	PeakRPS float64
	Figures
	// Pools are the node pools as this step plans them.
	Pools []PoolSize
	// Refused is the planner's reason the spec cannot carry the users
	// (a pinned maximum below the load); the figures are then zero.
	Refused string
	// Changes are the priced components whose SKU differs from the
	// design's, or that only one of the two has (cost rows by name);
	// usage quantities, which grow with every step, are not changes.
	Changes []Change
}

// PoolSize is one node pool's size in a step.
type PoolSize struct {
	Name, VMSize string
	Min, Max     int
}

// Change is one priced component that differs from the design's.
type Change struct {
	Component string
	From, To  string // the SKU, as the cost rows give it; "" where absent
	// ComponentKo, FromKo and ToKo are the same in Korean, for the Korean
	// documents (the cost rows' NameKo and SKUKo; "" where they have none).
	ComponentKo, FromKo, ToKo string
}

// growthJobs plan the environment at each growth factor, each step its
// own job writing its own slot of r.Steps (the design's own figures are
// the first step, factor 1); the failure of a step is the growth's.
func growthJobs(pl *plan.Plan, e *plan.Env, prices *azure.Prices, base *cost.Report, r *Report) []func() error {
	r.Steps = []Step{step(1, e, r.Figures, nil, nil)}
	var factors []int
	for _, f := range GrowthFactors {
		if e.Settings.Targets.Users*f > spec.MaxUsers {
			break
		}
		factors = append(factors, f)
	}
	r.Steps = append(r.Steps, make([]Step, len(factors))...)
	var jobs []func() error
	for i, f := range factors {
		slot := &r.Steps[i+1]
		jobs = append(jobs, func() error {
			s, err := growthStep(pl, e, prices, base, f)
			if err != nil {
				return fmt.Errorf("growth of %s: %w", e.Name, err)
			}
			*slot = s
			return nil
		})
	}
	return jobs
}

// growthStep plans the environment for f times its users.
func growthStep(pl *plan.Plan, e *plan.Env, prices *azure.Prices, base *cost.Report, f int) (Step, error) {
	users := e.Settings.Targets.Users * f
	varied, err := pl.VaryEnv(e.Name, func(_ *spec.Spec, env *spec.Environment) { env.Targets.Users = users })
	var errs spec.Errors
	if errors.As(err, &errs) && len(errs) > 0 {
		return Step{Factor: f, Users: users, Refused: errs[0].Msg}, nil
	}
	if err != nil {
		return Step{}, err
	}
	var ve *plan.Env
	for _, v := range varied.Envs {
		if v.Name == e.Name {
			ve = v
		}
	}
	if ve == nil {
		return Step{}, fmt.Errorf("the re-planned spec has no environment %s", e.Name)
	}
	costs, err := cost.Estimate(varied, prices)
	if err != nil {
		return Step{}, err
	}
	c := find(costs, e.Name, func(r *cost.Report) string { return r.Env })
	fig := figures(ve, c, find(availability.Estimate(varied), e.Name, func(a *availability.Report) string { return a.Env }))
	return step(f, ve, fig, base, c), nil
}

func step(f int, e *plan.Env, fig Figures, base, c *cost.Report) Step {
	s := Step{Factor: f, Users: e.Settings.Targets.Users, PeakRPS: e.PeakRPS, Figures: fig}
	for _, p := range e.Pools {
		s.Pools = append(s.Pools, PoolSize{Name: p.Name, VMSize: p.VMSize, Min: p.Min, Max: p.Max})
	}
	if base == nil || c == nil {
		return s
	}
	was, now := map[string]cost.Component{}, map[string]bool{}
	for _, r := range base.Components {
		was[r.Name] = r
	}
	for _, r := range c.Components {
		now[r.Name] = true
		if from, ok := was[r.Name]; !ok || from.SKU != r.SKU {
			s.Changes = append(s.Changes, Change{Component: r.Name, From: from.SKU, To: r.SKU, ComponentKo: r.NameKo, FromKo: from.SKUKo, ToKo: r.SKUKo})
		}
	}
	for _, r := range base.Components {
		if !now[r.Name] {
			s.Changes = append(s.Changes, Change{Component: r.Name, From: r.SKU, ComponentKo: r.NameKo, FromKo: r.SKUKo})
		}
	}
	return s
}
