package audit

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/check"
)

func formatChecks(r *Registry) {
	r.Add(Check{
		ID: "AU040", Family: "format", Severity: check.Error,
		Title:     "Storage on hostPath",
		Rationale: "The format keeps all state on managed disks: a hostPath volume lives on one node and is lost when the node is replaced, which AKS does on every upgrade.",
		Fix:       "Use a PersistentVolumeClaim on a managed-disk storage class (managed-csi or managed-csi-premium).",
		Run: func(s *facts.Set) []Finding {
			var out []Finding
			for _, f := range s.Of(facts.HostPath) {
				out = append(out, Finding{Env: f.Env, Quotes: quotes(f), Message: at(f) + " puts storage on a hostPath volume"})
			}
			return out
		},
	}, Check{
		ID: "AU041", Family: "format", Severity: check.Error,
		Title:     "A Pod Disruption Budget allows no disruption",
		Rationale: "A PDB whose minAvailable is the service's replica count (or whose maxUnavailable is 0) lets no pod be evicted: node drains, and so AKS upgrades, stop on it.",
		Fix:       "Set minAvailable below the minimum replicas (physarch uses replicas − 1), or maxUnavailable to 1.",
		Run:       pdbs,
	}, Check{
		ID: "AU042", Family: "format", Severity: check.Warning,
		Title:     "A document lacks sections the format asks for",
		Rationale: "The package format numbers the sections of each document (master 1–9, development 1–12, production 1–14); a missing chapter is a part of the design nobody wrote down.",
		Fix:       "Add the missing chapters (see the package format), or generate the package with physarch.",
		Run:       sections,
	}, Check{
		ID: "AU043", Family: "format", Severity: check.Error,
		Title:     "Mermaid would refuse to render a diagram",
		Rationale: "A diagram Mermaid cannot parse shows as an error box wherever the package is read (GitHub, editors, docs sites). The reader's rules are confirmed against the real mermaid-cli.",
		Fix:       "Quote labels that contain parentheses or brackets (A[\"User (web)\"]), close every subgraph with end, and give every edge a target.",
		Run: func(s *facts.Set) []Finding {
			return refusals(s, func(f *facts.File) (out []refusal) {
				if f.MMD != nil {
					for _, p := range f.MMD.Problems {
						out = append(out, refusal{p.Line, p.Col, true, p.Text, p.Reason})
					}
				}
				return out
			})
		},
	}, Check{
		ID: "AU044", Family: "format", Severity: check.Error,
		Title:     "PlantUML would refuse to render a diagram",
		Rationale: "A diagram PlantUML cannot parse renders as an error image, or as none. The reader's rules are confirmed against the real PlantUML.",
		Fix:       "Close every multi-line note with end note, give every arrow a target, and wrap the diagram in @startuml … @enduml.",
		Run: func(s *facts.Set) []Finding {
			return refusals(s, func(f *facts.File) (out []refusal) {
				if f.PUML != nil {
					for _, p := range f.PUML.Problems {
						out = append(out, refusal{p.Line, 0, false, p.Text, p.Reason})
					}
				}
				return out
			})
		},
	}, Check{
		ID: "AU045", Family: "format", Severity: check.Info,
		Title:     "Lines the reader skipped",
		Rationale: "A file copied from a web page carries the page's header and the line gutter's pipes; the audit reads around them and says which lines it did not read, so that nothing is judged on a guess.",
		Fix:       "Remove the page's header lines and the stray | lines (copy the raw file instead of the web view).",
		Run:       skipped,
	})
}

func pdbs(s *facts.Set) []Finding {
	least := map[string]facts.Fact{}
	for _, k := range []facts.Kind{facts.Replicas, facts.HPAMin} {
		for _, f := range s.Of(k) {
			key := envKey(f)
			if key == "" {
				continue
			}
			if cur, ok := least[key]; !ok || f.Num < cur.Num {
				least[key] = f
			}
		}
	}
	var out []Finding
	for _, f := range s.Of(facts.PDBMaxUnav) {
		if f.Num == 0 {
			out = append(out, Finding{Env: f.Env, Quotes: quotes(f), Message: fmt.Sprintf("%s sets %s's PDB to maxUnavailable 0", at(f), f.Subject)})
		}
	}
	for _, f := range s.Of(facts.PDBMin) {
		r, ok := least[envKey(f)]
		if ok && f.Num >= r.Num {
			out = append(out, Finding{Env: f.Env, Quotes: quotes(f, r),
				Message: fmt.Sprintf("%s keeps %g of %s's pods available, but %s gives it %g replicas: no pod may be evicted", at(f), f.Num, f.Subject, at(r), r.Num)})
		}
	}
	return out
}

var chapterR = regexp.MustCompile(`^(\d+)\.(?:\s|$)`)

func sections(s *facts.Set) []Finding {
	var out []Finding
	for _, f := range s.Files {
		if f.MD == nil {
			continue
		}
		want := 0
		switch {
		case f.Role == facts.Master:
			want = 9
		case f.Env == "dev":
			want = 12
		case f.Env == "prod":
			want = 14
		}
		have := map[int]bool{}
		for _, h := range f.MD.Headings {
			if m := chapterR.FindStringSubmatch(h.Title); m != nil {
				n, _ := strconv.Atoi(m[1])
				have[n] = true
			}
		}
		if want == 0 || len(have) < 3 {
			continue // not a document of the format (or not numbered)
		}
		var missing []string
		for n := 1; n <= want; n++ {
			if !have[n] {
				missing = append(missing, strconv.Itoa(n))
			}
		}
		if len(missing) == 0 {
			continue
		}
		line := 1
		if len(f.MD.Headings) > 0 {
			line = f.MD.Headings[0].Line
		}
		out = append(out, Finding{Env: f.Env, Quotes: []Quote{{File: f.Name, Line: line, Text: strings.TrimSpace(f.MD.Lines[line-1])}},
			Message: fmt.Sprintf("%s (%s) has no chapter %s of the %d the format asks for", f.Name, role(f), strings.Join(missing, ", "), want)})
	}
	return out
}

func role(f *facts.File) string {
	if f.Role == facts.Master {
		return "master index"
	}
	return f.Env + " document"
}

func skipped(s *facts.Set) []Finding {
	var out []Finding
	for _, f := range s.Files {
		sk := f.Skipped()
		if len(sk) == 0 {
			continue
		}
		reasons := map[string]int{}
		var qs []Quote
		for i, x := range sk {
			reasons[x.Reason]++
			if i < 5 {
				qs = append(qs, Quote{File: f.Name, Line: x.Line, Text: x.Text})
			}
		}
		var rs []string
		for r, n := range reasons {
			rs = append(rs, fmt.Sprintf("%d × %s", n, r))
		}
		sort.Strings(rs)
		var lines []string
		for i, x := range sk {
			if i < 12 {
				lines = append(lines, strconv.Itoa(x.Line))
			}
		}
		if len(sk) > 12 {
			lines = append(lines, "…")
		}
		out = append(out, Finding{Env: f.Env, Quotes: qs,
			Message: fmt.Sprintf("%s: %d lines not read (lines %s): %s", f.Name, len(sk), strings.Join(lines, ", "), strings.Join(rs, "; "))})
	}
	return out
}

// refusal is one construct a diagram's own renderer refuses, as its
// reader records it; HasCol is whether the reader gives a column.
type refusal struct {
	Line, Col    int
	HasCol       bool
	Text, Reason string
}

// refusals are the findings of a notation's refusals, file by file.
func refusals(s *facts.Set, of func(*facts.File) []refusal) []Finding {
	var out []Finding
	for _, f := range s.Files {
		for _, p := range of(f) {
			at := fmt.Sprintf("%s:%d", f.Name, p.Line)
			if p.HasCol {
				at += fmt.Sprintf(":%d", p.Col)
			}
			out = append(out, Finding{Env: f.Env, Quotes: []Quote{{File: f.Name, Line: p.Line, Text: strings.TrimSpace(p.Text)}},
				Message: at + ": " + p.Reason})
		}
	}
	return out
}
