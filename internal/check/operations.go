package check

import (
	"fmt"
	"regexp"
	"strings"
	"time"
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
		Rule{ID: "OP007", Family: "operations", Severity: Warning,
			Title:     "Price data older than 180 days",
			Rationale: "Azure changes list prices, adds sizes and introduces meters (the AKS Free tier's of 2026-10-01, for one); cost tables priced from an old embedded snapshot or cache misstate the bill, and nothing else says so.",
			Fix:       "Run `physarch prices refresh` where prices.azure.com is reachable (build and cost then use the refreshed cache), or update physarch for a newer embedded snapshot.",
			Check: func(c *Context) []Finding {
				age, ok := pricesAge(c)
				if !ok || age <= PriceAgeLimitDays {
					return nil
				}
				return []Finding{{Path: "region", Message: fmt.Sprintf("prices come from the %s dated %s, %d days ago (more than %d)", c.Prices.Origin, c.Prices.Date, age, PriceAgeLimitDays)}}
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

// PriceAgeLimitDays is how old price data may be before OP007 says so:
// about two quarters, the pace at which Azure's list prices and meters
// (new sizes, new tiers, the AKS Free-tier meter of 2026-10-01) change
// enough to move a cost table.
const PriceAgeLimitDays = 180

// pricesAge is how many whole days old the price data is at now, and
// whether its date is known.
func pricesAge(c *Context) (int, bool) {
	if c.Now.IsZero() || c.Prices == nil {
		return 0, false
	}
	d, err := time.Parse("2006-01-02", c.Prices.Date)
	if err != nil {
		return 0, false
	}
	return int(c.Now.Sub(d).Hours() / 24), true
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
