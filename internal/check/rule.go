// Package check judges a design against rules: availability against its
// target, cost against its budget, capacity against its load, the security
// layers, and what the physical architecture format asks for. Each family
// of rules lives in its own file and adds itself to one Registry; a rule
// reads the spec, the plan and the analyses, never the rendered files.
package check

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Severity orders findings; --fail-on compares against it.
type Severity int

// Severities, lowest first.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// MarshalJSON writes the severity by name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "info":
		return Info, nil
	case "warning":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q (info, warning, error)", s)
}

// Rule is one check with everything a user needs to act on it; the docs
// page docs/rules/<ID>.md is generated from these fields.
type Rule struct {
	ID        string
	Family    string
	Severity  Severity
	Title     string // one line
	Rationale string // why it matters
	Fix       string // what to change in the spec
	// Check reports the rule's findings; each names the spec path behind
	// it and, when it is about one environment, that environment.
	Check func(c *Context) []Finding
}

// Finding is one place where a rule is not met.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Title    string   `json:"title"`
	Message  string   `json:"message"`
	Fix      string   `json:"fix"`
	Env      string   `json:"environment,omitempty"`
	Path     string   `json:"path"`
	Pos      spec.Pos `json:"position"`
	// Suppressed holds the reason of an inline physarch:ignore.
	Suppressed string `json:"suppressed,omitempty"`
	// Related are further places the finding is about (physarch audit
	// quotes every conflicting line); SARIF lists them as locations after
	// Pos.
	Related []spec.Pos `json:"related,omitempty"`

	line int // a source line, for findings about the text itself
}

// Context is what rules read: the spec with positions, the plan, and the
// cost and availability analyses, per environment.
type Context struct {
	Doc   *spec.Document
	Plan  *plan.Plan
	Cost  map[string]*cost.Report
	Avail map[string]*availability.Report
	// Prices is the price data the cost reports come from.
	Prices *azure.Prices
	// Now is the clock for rules about age (OP007). Zero leaves them
	// quiet: only `physarch check` sets it, so builds, diffs and tests
	// stay the same from day to day.
	Now time.Time
}

// env returns the index of an environment in the spec (the plan keeps the
// spec's order).
func (c *Context) envPath(e *plan.Env) string {
	for i, x := range c.Plan.Envs {
		if x == e {
			return fmt.Sprintf("environments[%d]", i)
		}
	}
	return "environments"
}

// serviceIndex returns a service's path.
func (c *Context) servicePath(name string) string {
	for i, s := range c.Plan.Services {
		if s.Name == name {
			return fmt.Sprintf("services[%d]", i)
		}
	}
	return "services"
}

// Ruled is a building block with check rules of its own; the registry of
// every block (internal/components) adds them to the core's.
type Ruled interface {
	Rules() []Rule
}

// ManagedInDev is a component that can run managed in development where
// the format runs it as a pod (rule CO003): the spec key to change and
// what it costs, or "" when it runs as the format says.
type ManagedInDev interface {
	ManagedInDev() (sub, message string)
}

// At makes a finding for one environment at a spec path below it.
func At(e *plan.Env, c *Context, sub, format string, args ...any) Finding {
	return at(e, c, sub, format, args...)
}

// ProdEnvs are the environments held to production standards.
func ProdEnvs(c *Context) []*plan.Env { return prodEnvs(c) }

// at makes a finding for one environment at a path below it.
func at(e *plan.Env, c *Context, sub, format string, args ...any) Finding {
	p := c.envPath(e)
	if sub != "" {
		p += "." + sub
	}
	return Finding{Env: e.Name, Path: p, Message: fmt.Sprintf(format, args...)}
}

// eachWorkload makes one finding per environment and service for which msg
// returns a message, pointing at the service's key sub (such as
// "replicas").
func eachWorkload(c *Context, envs []*plan.Env, sub string, msg func(e *plan.Env, w *plan.Workload) string) []Finding {
	var out []Finding
	for _, e := range envs {
		for i := range e.Workloads {
			w := &e.Workloads[i]
			if m := msg(e, w); m != "" {
				out = append(out, Finding{Env: e.Name, Path: c.servicePath(w.Name) + "." + sub, Message: m})
			}
		}
	}
	return out
}

// Public is a managed data service that keeps a public endpoint in the
// environment (rule NW003): the spec key that closes it and what is
// exposed, or "" when it is reached privately only.
type Public interface {
	PublicEndpoint(e *plan.Env) (sub, message string)
}
