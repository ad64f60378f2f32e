package audit

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/check"
)

func arithmeticChecks(r *Registry) {
	r.Add(Check{
		ID: "AU001", Family: "arithmetic", Severity: check.Error,
		Title:     "A cost table's total is not the sum of its rows",
		Rationale: "A reader takes the total for the budget. When the rows do not add up to it, either a row was changed and the total was not, or the total was copied from another version; either way one of the figures is wrong.",
		Fix:       "Recompute the total from the rows (or generate the package with physarch, which computes every figure once).",
		Run:       totals,
	}, Check{
		ID: "AU002", Family: "arithmetic", Severity: check.Error,
		Title:     "One environment's monthly cost is stated differently in different places",
		Rationale: "A package repeats the monthly cost of each environment in several tables and summaries. When they differ, nobody can tell which figure the budget was approved on.",
		Fix:       "State one figure per environment, the total of its cost table, everywhere it appears.",
		Run:       envCosts,
	}, Check{
		ID: "AU003", Family: "arithmetic", Severity: check.Warning,
		Title:     "A downtime claim does not follow from its availability percentage",
		Rationale: "Allowed downtime per month is (100% − availability) × a month (43,200 to 43,830 minutes). A figure that does not follow misleads whoever plans maintenance and incident budgets.",
		Fix:       "Compute the downtime from the percentage: 99.9% allows 43.2–43.8 minutes a month, 99.5% 216–219 minutes, 95% 36–36.5 hours.",
		Run:       downtimes,
	}, Check{
		ID: "AU004", Family: "arithmetic", Severity: check.Warning,
		Title:     "A ratio claim (\"N배\") does not follow from the figures beside it",
		Rationale: "\"N배\" claims summarise two figures on the same line; when the figures give another ratio, the claim is wrong or the figures are.",
		Fix:       "Recompute the ratio from the two figures (larger over smaller; for availability, the ratio of the downtimes).",
		Run:       ratios,
	})
}

func totals(s *facts.Set) []Finding {
	rows := map[string][]facts.Fact{}
	var tots []facts.Fact
	for _, f := range s.Facts {
		switch f.Kind {
		case facts.Cost:
			k := f.Table + "\x1f" + f.Env
			rows[k] = append(rows[k], f)
		case facts.Total:
			tots = append(tots, f)
		}
	}
	var out []Finding
	for _, t := range tots {
		var lo, hi float64
		var used []facts.Fact
		for _, r := range rows[t.Table+"\x1f"+t.Env] {
			if r.Src.Line < t.Src.Line {
				lo, hi = lo+r.Num, hi+r.Max
				used = append(used, r)
			}
		}
		if len(used) < 2 {
			continue
		}
		tol := math.Max(0.5, 0.01*float64(len(used)))
		if math.Abs(lo-t.Num) <= tol && math.Abs(hi-t.Max) <= tol {
			continue
		}
		env := ""
		if t.Env != "" {
			env = t.Env + " "
		}
		qs := append([]facts.Fact{t}, used...)
		out = append(out, Finding{Env: t.Env, Quotes: quotes(qs...),
			Message: fmt.Sprintf("the %stotal at %s is %s, but its %d rows (lines %d–%d) add up to %s", env, at(t), money(t.Num, t.Max), len(used), used[0].Src.Line, used[len(used)-1].Src.Line, money(lo, hi))})
	}
	return out
}

func envCosts(s *facts.Set) []Finding {
	var exact, bounds []facts.Fact
	for _, f := range s.Of(facts.EnvCost) {
		if f.Bound {
			bounds = append(bounds, f)
		} else {
			exact = append(exact, f)
		}
	}
	out := conflicts(exact, func(f facts.Fact) string { return f.Env },
		func(f facts.Fact) string { return money(math.Round(f.Num), math.Round(f.Max)) },
		func(f facts.Fact) string { return "the " + f.Env + " environment's monthly cost" })
	_, exactBy := byEnv(exact)
	for _, b := range bounds {
		var over []facts.Fact
		for _, f := range exactBy[b.Env] {
			if f.Max > b.Num+0.5 {
				over = append(over, f)
			}
		}
		if len(over) > 0 {
			out = append(out, Finding{Env: b.Env, Quotes: quotes(append([]facts.Fact{b}, over...)...),
				Message: fmt.Sprintf("%s states the %s environment's monthly cost as at most %s, but %s states %s", at(b), b.Env, money(b.Num, b.Num), at(over[0]), money(over[0].Num, over[0].Max))})
		}
	}
	return out
}

func downtimes(s *facts.Set) []Finding {
	var out []Finding
	for _, f := range s.Of(facts.Downtime) {
		p, claimed := f.Max, f.Num
		lo, hi := (100-p)/100*43200, (100-p)/100*43830
		if claimed >= lo*0.97-1 && claimed <= hi*1.03+1 {
			continue
		}
		out = append(out, Finding{Env: f.Env, Quotes: quotes(f),
			Message: fmt.Sprintf("%s allows %s of downtime a month at %g%% availability, but %g%% allows %s–%s", at(f), f.Value, p, p, dur(lo), dur(hi))})
	}
	return out
}

// dur prints minutes as minutes or hours.
func dur(m float64) string {
	if m >= 120 {
		return strings.TrimSuffix(fmt.Sprintf("%.1f", m/60), ".0") + " h"
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", m), ".0") + " min"
}

func ratios(s *facts.Set) []Finding {
	var out []Finding
	for _, f := range s.Of(facts.Ratio) {
		r := f.Max
		if math.Abs(f.Num-r) <= math.Max(1, 0.15*r) {
			continue
		}
		out = append(out, Finding{Env: f.Env, Quotes: quotes(f),
			Message: fmt.Sprintf("%s claims %g배, but the figures on the line give %s배", at(f), f.Num, strings.TrimSuffix(fmt.Sprintf("%.1f", r), ".0"))})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Quotes[0].Line < out[j].Quotes[0].Line })
	return out
}
