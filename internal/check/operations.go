package check

import (
	"fmt"
	"regexp"
	"strings"
)

func operationsRules(r *Registry) {
	r.Add(
		Rule{ID: "OP003", Family: "operations", Severity: Warning,
			Title:     "Production without recovery objectives or availability target",
			Rationale: "The format's production document states RTO, RPO and an availability target; without them nothing can be checked against them.",
			Fix:       "Set targets.availability, targets.rto and targets.rpo.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, e := range prodEnvs(c) {
					t := e.Settings.Targets
					var missing []string
					if t.Availability == 0 {
						missing = append(missing, "availability")
					}
					if t.RTO == "" {
						missing = append(missing, "rto")
					}
					if t.RPO == "" {
						missing = append(missing, "rpo")
					}
					if len(missing) > 0 {
						out = append(out, at(e, c, "targets", "no %s target", strings.Join(missing, ", ")))
					}
				}
				return out
			}},
		Rule{ID: "OP004", Family: "operations", Severity: Error,
			Title:     "physarch:ignore without a reason",
			Rationale: "A suppression must say why, so a reviewer can judge it and the next reader knows when it stops applying.",
			Fix:       "Write `# physarch:ignore RULE why it does not apply`.",
			Check: func(c *Context) []Finding {
				var out []Finding
				for _, s := range suppressions(c.Doc) {
					if s.reason == "" {
						out = append(out, Finding{Path: "", Message: fmt.Sprintf("physarch:ignore %s on line %d gives no reason; it suppresses nothing", s.rule, s.line), line: s.line})
					}
				}
				return out
			}},
		Rule{ID: "OP005", Family: "operations", Severity: Warning,
			Title:     "Production without an environment of the dev profile",
			Rationale: "The format pairs every production design with a development one that mirrors its services; without it changes reach production untested.",
			Fix:       "Add an environment with profile: dev.",
			Check: func(c *Context) []Finding {
				hasDev, hasProd := false, false
				for _, e := range c.Plan.Envs {
					hasDev = hasDev || !e.IsProdLike()
					hasProd = hasProd || e.IsProdLike()
				}
				if hasProd && !hasDev {
					return []Finding{{Path: "environments", Message: "every environment uses the prod profile"}}
				}
				return nil
			}},
	)
}

var ignoreRe = regexp.MustCompile(`#\s*physarch:ignore\s+([A-Za-z0-9-]+)\s*(.*)$`)

type suppression struct {
	rule, reason string
	line         int
}

// suppressions reads `# physarch:ignore RULE reason` comments from the
// spec's source: on a key's line, or on the line above it.
func suppressions(doc interface{ SourceLines() []string }) []suppression {
	var out []suppression
	for i, l := range doc.SourceLines() {
		if m := ignoreRe.FindStringSubmatch(l); m != nil {
			out = append(out, suppression{rule: m[1], reason: strings.TrimSpace(m[2]), line: i + 1})
		}
	}
	return out
}
