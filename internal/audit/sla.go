package audit

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/check"
)

func init() {
	extraCatalog = append(extraCatalog, Check{
		ID: "AU033", Family: "catalog", Severity: check.Warning,
		Title:     "A component is stated with an SLA above the one Azure commits to",
		Rationale: "An SLA is Microsoft's commitment for a service in a configuration; a line that credits a component with more (Front Door at 99.999%, Redis Premium at 99.99%) raises every composite figure computed from it, and the credits it promises do not exist.",
		Fix:       "Use the SLA of the service's tier and configuration (physarch sla lists them with their sources), or say what makes the higher figure hold (a second region is not an SLA).",
		Run:       statedSLAs,
	})
}

var (
	slaWord = regexp.MustCompile(`(?i)\bSLA\b`)
	pctR    = regexp.MustCompile(`(\d{2}(?:\.\d+)?)\s*%`)
)

// statedSLAs compares each line that states one SLA for one request-path
// component with the catalog's figure for that component at its best
// (the tier the environment's files name): only a figure above it is
// flagged, since a lower one may be a composite or a margin.
// sectionWord names a component in a heading, looser than on a line: a
// section "5.2 Redis 구성" is about Azure Cache for Redis.
var sectionWord = map[string]*regexp.Regexp{
	"Azure Cache for Redis":      regexp.MustCompile(`(?i)redis|캐시|\bcache\b`),
	"PostgreSQL Flexible Server": regexp.MustCompile(`(?i)postgres`),
	"Application Gateway":        regexp.MustCompile(`(?i)application gateway|app gateway|애플리케이션 게이트웨이`),
}

func statedSLAs(s *facts.Set) []Finding {
	tiers := map[string]map[string]string{}
	for _, t := range s.Of(facts.Tier) {
		if tiers[t.Env] == nil {
			tiers[t.Env] = map[string]string{}
		}
		if tiers[t.Env][t.Subject] == "" {
			tiers[t.Env][t.Subject] = t.Value
		}
	}
	var out []Finding
	for _, f := range s.Files {
		for i, l := range f.Lines() {
			if !slaWord.MatchString(l) || estimate.MatchString(l) {
				continue
			}
			pcts := pctR.FindAllStringSubmatch(l, -1)
			if len(pcts) != 1 {
				continue // none, or several figures: which is whose is a guess
			}
			stated, err := strconv.ParseFloat(pcts[0][1], 64)
			if err != nil || stated < 90 || stated >= 100 {
				continue
			}
			var hit []component
			for _, c := range pathComponents {
				if c.word.MatchString(l) {
					hit = append(hit, c)
				}
			}
			// "Premium P2, zone redundant with a 99.99% SLA" under a Redis
			// heading: the section names the component.
			if len(hit) == 0 && f.MD != nil {
				sec := f.MD.Section(i + 1)
				for _, c := range pathComponents {
					if c.word.MatchString(sec) || sectionWord[c.name] != nil && sectionWord[c.name].MatchString(sec) {
						hit = append(hit, c)
					}
				}
			}
			if len(hit) != 1 {
				continue
			}
			sla, ok := azure.LookupSLA(hit[0].sla(tiers[f.Env]))
			if !ok || sla.Percent == 0 || stated <= sla.Percent+1e-9 {
				continue
			}
			src := facts.Fact{Env: f.Env, Src: facts.Src{File: f.Name, Line: i + 1, Text: l}}
			out = append(out, Finding{Env: f.Env, Quotes: quotes(src),
				Message: fmt.Sprintf("%s states the %s SLA as %g%%, but Azure commits to %g%% at best (%s)", at(src), hit[0].name, stated, sla.Percent, sla.Source)})
		}
	}
	return out
}
