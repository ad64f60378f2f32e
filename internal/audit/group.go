package audit

import (
	"fmt"
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/audit/facts"
)

// conflicts groups facts by key and reports each group whose facts state
// more than one value: one finding quoting the first fact of each value.
func conflicts(fs []facts.Fact, keyOf func(facts.Fact) string, valueOf func(facts.Fact) string, what func(facts.Fact) string) []Finding {
	groups := map[string][]facts.Fact{}
	var order []string
	for _, f := range fs {
		k := keyOf(f)
		if k == "" {
			continue
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], f)
	}
	var out []Finding
	for _, k := range order {
		g := groups[k]
		var values []string
		firstOf := map[string][]facts.Fact{}
		for _, f := range g {
			v := valueOf(f)
			if _, ok := firstOf[v]; !ok {
				values = append(values, v)
			}
			firstOf[v] = append(firstOf[v], f)
		}
		if len(values) < 2 {
			continue
		}
		var parts []string
		var qs []facts.Fact
		for _, v := range values {
			var ats []string
			for i, f := range firstOf[v] {
				if i < 3 {
					ats = append(ats, at(f))
					qs = append(qs, f)
				}
			}
			if n := len(firstOf[v]); n > 3 {
				ats = append(ats, fmt.Sprintf("%d more", n-3))
			}
			parts = append(parts, fmt.Sprintf("%s (%s)", v, strings.Join(ats, ", ")))
		}
		out = append(out, Finding{Env: g[0].Env, Message: fmt.Sprintf("%s is stated as %s", what(g[0]), strings.Join(parts, " but as ")), Quotes: quotes(qs...)})
	}
	return out
}

// byEnv groups facts by environment, in a stable order.
func byEnv(fs []facts.Fact) ([]string, map[string][]facts.Fact) {
	m := map[string][]facts.Fact{}
	for _, f := range fs {
		if f.Env != "" {
			m[f.Env] = append(m[f.Env], f)
		}
	}
	var envs []string
	for e := range m {
		envs = append(envs, e)
	}
	sort.Strings(envs)
	return envs, m
}

// envKey keys a fact by environment and subject ("" when either is
// missing: a figure whose environment is unknown compares with nothing).
func envKey(f facts.Fact) string {
	if f.Env == "" || f.Subject == "" {
		return ""
	}
	return f.Env + "\x1f" + f.Subject
}
