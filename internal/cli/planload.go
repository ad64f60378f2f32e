package cli

import (
	"fmt"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// loadPlan loads a spec and plans it; tweak, when set, changes the loaded
// spec first (for what-if runs).
func loadPlan(src *source, tweak func(*spec.Spec)) (*plan.Plan, error) {
	doc, err := src.load()
	if err != nil {
		return nil, err
	}
	if tweak != nil {
		tweak(&doc.Spec)
	}
	return components.Plan(doc)
}

// envIndex finds an environment by name, or all when name is empty.
func envIndex(s *spec.Spec, name string) ([]int, error) {
	var out []int
	for i, e := range s.Environments {
		if name == "" || e.Name == name {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		return nil, usageError{fmt.Errorf("no environment %q in the spec", name)}
	}
	return out, nil
}

// forEnv keeps the reports of one environment (all when env is empty).
func forEnv[R any](reps []R, env string, name func(R) string) ([]R, error) {
	var out []R
	for _, r := range reps {
		if env == "" || name(r) == env {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, usageError{fmt.Errorf("no environment %q in the spec", env)}
	}
	return out, nil
}
