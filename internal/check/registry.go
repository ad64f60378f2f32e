package check

import (
	"fmt"
	"sort"

	"github.com/physarch/physarch/internal/spec"
)

// Registry holds the rules by ID.
type Registry struct {
	rules []Rule
	byID  map[string]int
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{byID: map[string]int{}} }

// Add registers rules; an ID used twice is a programming error, reported
// by the registry test rather than at run time.
func (r *Registry) Add(rules ...Rule) {
	for _, rule := range rules {
		if _, dup := r.byID[rule.ID]; dup {
			rule.ID += "-duplicate"
		}
		r.byID[rule.ID] = len(r.rules)
		r.rules = append(r.rules, rule)
	}
}

// Rules returns every rule, by ID.
func (r *Registry) Rules() []Rule {
	out := append([]Rule(nil), r.rules...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Rule returns one rule.
func (r *Registry) Rule(id string) (Rule, bool) {
	i, ok := r.byID[id]
	if !ok {
		return Rule{}, false
	}
	return r.rules[i], true
}

// Default is every rule physarch ships, family by family.
func Default() *Registry {
	r := NewRegistry()
	for _, family := range []func(*Registry){
		availabilityRules, resilienceRules, drRules, capacityRules, daemonSetRules, networkRules,
		securityRules, costRules, operationsRules,
	} {
		family(r)
	}
	return r
}

// Run applies the enabled rules and returns their findings in file order,
// with positions and inline suppressions resolved.
func (r *Registry) Run(c *Context, cfg Config) []Finding {
	var out []Finding
	for _, rule := range r.Rules() {
		if !cfg.enabled(rule.ID) {
			continue
		}
		for _, f := range rule.Check(c) {
			f.Rule, f.Severity, f.Title, f.Fix = rule.ID, rule.Severity, rule.Title, rule.Fix
			if sev, ok := cfg.Severity[rule.ID]; ok {
				f.Severity = sev
			}
			f.Pos = c.position(f)
			if f.line == 0 && f.Path != "" && c.Doc.At(f.Path).File != c.Doc.File {
				f.Message += " (value from " + c.Doc.At(f.Path).File + ")"
			}
			out = append(out, f)
		}
	}
	applySuppressions(c.Doc, out)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a != b {
			return a.Before(b)
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// position points a finding at the spec. A value a profile supplied points
// at the environment's profile key in the user's file (where an override
// goes), and the message says so.
func (c *Context) position(f Finding) spec.Pos {
	if f.line > 0 {
		return spec.Pos{File: c.Doc.File, Line: f.line, Col: 1}
	}
	p := c.Doc.At(f.Path)
	if p.File == c.Doc.File || f.Env == "" {
		return p
	}
	for i, e := range c.Plan.Envs {
		if e.Name == f.Env {
			return c.Doc.At(fmt.Sprintf("environments[%d].profile", i))
		}
	}
	return p
}
