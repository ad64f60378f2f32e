package audit

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/check"
)

func init() {
	extraCatalog = append(extraCatalog, Check{
		ID: "AU032", Family: "catalog", Severity: check.Warning,
		Title:     "An availability target the listed components cannot reach",
		Rationale: "Components on the request path fail independently, so the system is at most as available as the product of their SLAs. A target above that product is a promise no configuration of the listed components keeps.",
		Fix:       "Lower the target to what the components give (physarch sla computes it), or add redundancy (zones, a second region) that raises the product.",
		Run:       reach,
	})
}

// extraCatalog holds catalog checks defined in their own files.
var extraCatalog []Check

// targetLine is a stated availability target, not an estimate.
var (
	targetLine = regexp.MustCompile(`(?i)가용성|availability`)
	estimate   = regexp.MustCompile(`(?i)추정|estimate|composite|구성 요소 기준|상한|upper bound`)
)

// component is one on the request path, by the words documents use for it.
type component struct {
	name string
	hint string // a lower-case word every match contains, checked first
	word *regexp.Regexp
	sla  func(tiers map[string]string) string // the catalog key at best
}

var pathComponents = []component{
	{"AKS", "aks", regexp.MustCompile(`(?i)\bAKS\b`), func(t map[string]string) string {
		if t["aks"] == "Free" {
			return "aks/Free"
		}
		return "aks/Standard/zones"
	}},
	{"Application Gateway", "gateway", regexp.MustCompile(`(?i)application gateway|app gateway`), func(map[string]string) string { return "appgw/v2" }},
	{"Front Door", "door", regexp.MustCompile(`(?i)front ?door`), func(map[string]string) string { return "frontdoor" }},
	{"PostgreSQL Flexible Server", "", regexp.MustCompile(`(?i)postgresql flexible|flexible server|database for postgresql`), func(map[string]string) string { return "postgresql/zoneredundant" }},
	{"Azure Cache for Redis", "redis", regexp.MustCompile(`(?i)azure cache for redis|redis premium|azure redis`), func(t map[string]string) string {
		if t["redis"] == "Basic" {
			return "redis/Basic"
		}
		return "redis/Premium"
	}},
}

// reach compares each production target with the product of the best
// SLAs of the managed components the environment's files name.
func reach(s *facts.Set) []Finding {
	var out []Finding
	seen := map[string]bool{}
	byEnv := map[string]map[string]facts.Fact{}
	for _, target := range targets(s) {
		if target.Env == "" || target.Env == "dev" || !targetLine.MatchString(target.Src.Text) || estimate.MatchString(target.Src.Text) || seen[at(target)+target.Env] {
			continue
		}
		seen[at(target)+target.Env] = true
		tiers := map[string]string{}
		for _, t := range s.Of(facts.Tier) {
			if t.Env == target.Env && tiers[t.Subject] == "" {
				tiers[t.Subject] = t.Value
			}
		}
		named, ok := byEnv[target.Env]
		if !ok {
			named = namedComponents(s, target.Env)
			byEnv[target.Env] = named
		}
		product, parts := 1.0, []string{}
		var qs []facts.Fact
		var names []string
		for n := range named {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			for _, c := range pathComponents {
				if c.name != n {
					continue
				}
				sla, ok := azure.LookupSLA(c.sla(tiers))
				if !ok || sla.Percent == 0 {
					continue
				}
				product *= sla.Percent / 100
				parts = append(parts, fmt.Sprintf("%s %g%% (%s)", n, sla.Percent, at(named[n])))
				qs = append(qs, named[n])
			}
		}
		if len(parts) < 2 || target.Num <= product*100+1e-9 {
			continue
		}
		out = append(out, Finding{Env: target.Env, Quotes: quotes(append([]facts.Fact{target}, qs...)...),
			Message: fmt.Sprintf("%s targets %g%%, but the components it lists give at most %.2f%%: %s", at(target), target.Num, product*100, strings.Join(parts, " × "))})
	}
	return out
}

// targets are the availability targets stated: with a downtime claim
// (its percent) or alone; Num is the percent.
func targets(s *facts.Set) []facts.Fact {
	var out []facts.Fact
	for _, f := range s.Of(facts.Downtime) {
		f.Num = f.Max
		out = append(out, f)
	}
	return append(out, s.Of(facts.Availability)...)
}

// namedComponents finds the first line naming each request-path
// component among the environment's files and the facts stated about the
// environment elsewhere (a master index's section or column).
func namedComponents(s *facts.Set, env string) map[string]facts.Fact {
	named := map[string]facts.Fact{}
	note := func(f facts.Fact) {
		if len(named) == len(pathComponents) {
			return
		}
		lower := strings.ToLower(f.Src.Text)
		for _, c := range pathComponents {
			if _, ok := named[c.name]; !ok && strings.Contains(lower, c.hint) && c.word.MatchString(f.Src.Text) {
				named[c.name] = f
			}
		}
	}
	for _, file := range s.Files {
		if file.Env != env {
			continue
		}
		for i, l := range file.Lines() {
			note(facts.Fact{Env: env, Src: facts.Src{File: file.Name, Line: i + 1, Text: strings.TrimSpace(l), Diagram: file.Role == facts.Diagram}})
		}
	}
	for _, f := range s.Facts {
		if f.Env == env {
			note(f)
		}
	}
	return named
}
