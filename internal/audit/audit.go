// Package audit finds what is wrong in a physical architecture package
// written by hand: figures that do not add up, networks that do not fit,
// documents and diagrams that disagree, SKUs stated with the wrong size,
// and what the format or Mermaid itself refuses. Each check is data in a
// registry, like check's rules, with a stable ID (AU...) and a docs page
// (docs/audit/<ID>.md); each finding quotes and locates the lines that
// conflict. The checks read facts (internal/audit/facts), never a spec.
package audit

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/render/msg"
)

// Check is one audit check.
type Check struct {
	ID        string
	Family    string
	Severity  check.Severity
	Title     string
	Rationale string
	Fix       string
	Run       func(s *facts.Set) []Finding
}

// Quote is one line a finding is about.
type Quote struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Text string `json:"text"`
}

// Finding is one inconsistency.
type Finding struct {
	ID       string         `json:"id"`
	Severity check.Severity `json:"severity"`
	Title    string         `json:"title"`
	Message  string         `json:"message"`
	Fix      string         `json:"fix"`
	Env      string         `json:"environment,omitempty"`
	Quotes   []Quote        `json:"quotes"`
	// Key identifies the finding across runs for --baseline: the check,
	// the environment and the quoted text, not line numbers (which move
	// when lines are added above).
	Key string `json:"key"`
}

// Registry holds the checks by ID.
type Registry struct{ checks []Check }

// Add registers checks.
func (r *Registry) Add(cs ...Check) { r.checks = append(r.checks, cs...) }

// Checks returns every check, by ID.
func (r *Registry) Checks() []Check {
	out := append([]Check(nil), r.checks...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Default is every check physarch ships.
func Default() *Registry {
	r := &Registry{}
	for _, family := range []func(*Registry){arithmeticChecks, networkChecks, crossFileChecks, catalogChecks, formatChecks} {
		family(r)
	}
	return r
}

// Run applies every check and returns the findings in file and line order.
func (r *Registry) Run(s *facts.Set) []Finding {
	var out []Finding
	for _, c := range r.Checks() {
		for _, f := range c.Run(s) {
			f.ID, f.Severity, f.Title, f.Fix = c.ID, c.Severity, c.Title, c.Fix
			f.Key = key(f)
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Quotes, out[j].Quotes
		if len(a) == 0 || len(b) == 0 {
			return len(a) > len(b)
		}
		if a[0].File != b[0].File {
			return a[0].File < b[0].File
		}
		if a[0].Line != b[0].Line {
			return a[0].Line < b[0].Line
		}
		return out[i].ID < out[j].ID
	})
	return dedupe(out)
}

// maxPerCheck bounds the findings of one check that are shown.
const maxPerCheck = 200

// Cap keeps the first maxPerCheck findings of each check and puts a count
// in place of the rest: a file of thousands of defects of one kind (an
// attack, or a generator gone wrong) gets the first ones, not megabytes of
// text. Apply it last, after a baseline has dropped what is old, so that
// nothing new hides behind old findings; the count is in the summary's
// key, so a saved run's summary matches only the same count.
func Cap(fs []Finding) []Finding {
	seen := map[string]int{}
	var out []Finding
	for _, f := range fs {
		if seen[f.ID]++; seen[f.ID] <= maxPerCheck {
			out = append(out, f)
		}
	}
	var ids []string
	for id, n := range seen {
		if n > maxPerCheck {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		var first Finding
		for _, f := range fs {
			if f.ID == id {
				first = f
				break
			}
		}
		rest := seen[id] - maxPerCheck
		sum := Finding{ID: id, Severity: first.Severity, Title: first.Title, Fix: first.Fix, Env: first.Env,
			Message: fmt.Sprintf("%d more findings of this check not shown (at most %d are shown per check)", rest, maxPerCheck)}
		if len(first.Quotes) > 0 {
			sum.Quotes = first.Quotes[:1]
		}
		sum.Key = key(sum) + fmt.Sprintf("\x1f%d more", rest)
		out = append(out, sum)
	}
	return out
}

// dedupe drops a finding reported twice with the same key.
func dedupe(fs []Finding) []Finding {
	seen := map[string]bool{}
	var out []Finding
	for _, f := range fs {
		if !seen[f.Key] {
			seen[f.Key] = true
			out = append(out, f)
		}
	}
	return out
}

func key(f Finding) string {
	parts := []string{f.ID, f.Env}
	for _, q := range f.Quotes {
		// As JSON stores it (invalid UTF-8 becomes U+FFFD), so that a saved
		// run's keys match the next run's.
		parts = append(parts, strings.ToValidUTF8(filepath.Base(q.File)+"|"+q.Text, "\uFFFD"))
	}
	return strings.Join(parts, "\x1f")
}

// quote makes a Quote of a fact's source.
func quote(f facts.Fact) Quote { return Quote{File: f.Src.File, Line: f.Src.Line, Text: f.Src.Text} }

// quotes quotes facts once per line.
func quotes(fs ...facts.Fact) []Quote {
	var out []Quote
	seen := map[string]bool{}
	for _, f := range fs {
		k := fmt.Sprintf("%s:%d", f.Src.File, f.Src.Line)
		if !seen[k] {
			seen[k] = true
			out = append(out, quote(f))
		}
	}
	return out
}

// at is "file:line", the file by its base name (the quotes carry the path).
func at(f facts.Fact) string { return fmt.Sprintf("%s:%d", filepath.Base(f.Src.File), f.Src.Line) }

// money prints a dollar figure or range as packages write them ($2,860,
// $1,233.50): whole dollars without cents, thousands grouped.
func money(lo, hi float64) string {
	usd := func(v float64) string { return strings.TrimSuffix(msg.USD(v), ".00") }
	if hi != lo && hi != 0 {
		return usd(lo) + "–" + usd(hi)
	}
	return usd(lo)
}

// trim prints a figure that is no amount of money (GB, a port, replicas)
// without trailing zeros.
func trim(v float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.2f", v), ".00")
}
