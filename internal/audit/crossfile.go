package audit

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/check"
)

func crossFileChecks(r *Registry) {
	same := func(k facts.Kind, what string) func(*facts.Set) []Finding {
		return func(s *facts.Set) []Finding {
			return conflicts(s.Of(k), envKey, func(f facts.Fact) string { return trim(f.Num) },
				func(f facts.Fact) string { return fmt.Sprintf("%s's %s in %s", f.Subject, what, f.Env) })
		}
	}
	r.Add(Check{
		ID: "AU020", Family: "cross-file", Severity: check.Warning,
		Title:     "A service is in a diagram but in no document, or in the documents but in no diagram",
		Rationale: "Documents and diagrams describe one system. A service only one of them shows is a service that was added, renamed or removed in one place only, or a diagram copied from another system.",
		Fix:       "Draw every service the documents list, and list every service a diagram draws.",
		Run:       serviceSets,
	}, Check{
		ID: "AU021", Family: "cross-file", Severity: check.Error,
		Title:     "A stated number of services differs from the services the package shows",
		Rationale: "\"7개 마이크로서비스\" is a claim about the system; when the diagrams or tables show another number, one of them describes another version (or another system).",
		Fix:       "Make the count, the tables and the diagrams show the same services.",
		Run:       serviceCounts,
	}, Check{
		ID: "AU022", Family: "cross-file", Severity: check.Error,
		Title:     "A service's replicas or HPA bounds differ between places",
		Rationale: "Replica counts and autoscaling bounds decide capacity, cost and availability; two figures for one service mean one of them is stale.",
		Fix:       "State each service's replicas and HPA bounds once per environment, the same in documents and diagrams.",
		Run: func(s *facts.Set) []Finding {
			var out []Finding
			out = append(out, same(facts.Replicas, "replicas")(s)...)
			out = append(out, same(facts.HPAMin, "HPA minimum")(s)...)
			out = append(out, same(facts.HPAMax, "HPA maximum")(s)...)
			return out
		},
	}, Check{
		ID: "AU023", Family: "cross-file", Severity: check.Warning,
		Title:     "A service's port differs between places",
		Rationale: "Clients, network policies and NSG rules are written from the port the documents state; two ports for one service break one of them.",
		Fix:       "State one port per service (for a managed service, the one its clients use, e.g. 6380 for TLS to Azure Cache for Redis) everywhere.",
		Run:       same(facts.Port, "port"),
	}, Check{
		ID: "AU024", Family: "cross-file", Severity: check.Error,
		Title:     "A component's tier differs between places",
		Rationale: "The tier decides price, SLA and features (AKS Free/Standard/Premium, a cache's Basic/Standard/Premium); two tiers for one component mean the cost or the availability figures were computed for another design.",
		Fix:       "Choose one tier per component and environment and state it everywhere.",
		Run: func(s *facts.Set) []Finding {
			return conflicts(s.Of(facts.Tier), envKey, func(f facts.Fact) string { return f.Value },
				func(f facts.Fact) string { return fmt.Sprintf("the %s tier of %s", f.Env, f.Subject) })
		},
	}, Check{
		ID: "AU025", Family: "cross-file", Severity: check.Warning,
		Title:     "A queue is in a diagram but in no document (or the reverse)",
		Rationale: "Queues are created by name; a queue only a diagram or only a document names is one that will not be created, or one no service uses.",
		Fix:       "Name the same queues in the documents and the diagrams.",
		Run:       queueSets,
	}, Check{
		ID: "AU026", Family: "cross-file", Severity: check.Error,
		Title:     "RTO or RPO differs between places",
		Rationale: "Recovery objectives decide the backup and failover design; two objectives for one environment leave the design without a target.",
		Fix:       "State one RTO and one RPO per environment.",
		Run: func(s *facts.Set) []Finding {
			var out []Finding
			for _, k := range []facts.Kind{facts.RTO, facts.RPO} {
				out = append(out, conflicts(s.Of(k), func(f facts.Fact) string { return f.Env }, func(f facts.Fact) string { return dur(f.Num) },
					func(f facts.Fact) string { return fmt.Sprintf("the %s %s", f.Env, strings.ToUpper(string(f.Kind))) })...)
			}
			return out
		},
	}, Check{
		ID: "AU028", Family: "cross-file", Severity: check.Error,
		Title:     "The environment's region differs between places",
		Rationale: "Prices, zones, SLAs and data residency depend on the region; a package naming two primary regions for one environment was priced or drawn for another deployment.",
		Fix:       "Name one primary region per environment everywhere (a DR or replica region is stated as such).",
		Run:       regions,
	}, Check{
		ID: "AU027", Family: "cross-file", Severity: check.Error,
		Title:     "The files name different systems",
		Rationale: "A package describes one system. A diagram or document titled with another system's name was copied from another package and still shows that system.",
		Fix:       "Replace the file with one drawn for this system.",
		Run: func(s *facts.Set) []Finding {
			return conflicts(s.Of(facts.System), func(facts.Fact) string { return "system" }, func(f facts.Fact) string { return f.Value },
				func(facts.Fact) string { return "the system's name" })
		},
	})
}

// serviceKey matches the names one service goes by ("AI Service",
// "ai-service").
func serviceKey(s string) string { return strings.TrimSuffix(s, "-service") }

type svcSet struct {
	first map[string]facts.Fact
	order []string
}

func services(s *facts.Set, diagram bool) svcSet {
	set := svcSet{first: map[string]facts.Fact{}}
	for _, f := range s.Of(facts.Service) {
		if f.Src.Diagram != diagram {
			continue
		}
		k := serviceKey(f.Subject)
		if _, ok := set.first[k]; !ok {
			set.first[k] = f
			set.order = append(set.order, k)
		}
	}
	return set
}

func serviceSets(s *facts.Set) []Finding {
	docs, diagrams := services(s, false), services(s, true)
	if len(docs.order) == 0 || len(diagrams.order) == 0 {
		return nil
	}
	var out []Finding
	for _, k := range diagrams.order {
		if _, ok := docs.first[k]; !ok {
			f := diagrams.first[k]
			out = append(out, Finding{Env: f.Env, Quotes: quotes(f),
				Message: fmt.Sprintf("%s draws the service %s, which no document lists (the documents list %s)", at(f), f.Subject, names(docs))})
		}
	}
	for _, k := range docs.order {
		if _, ok := diagrams.first[k]; !ok {
			f := docs.first[k]
			out = append(out, Finding{Env: f.Env, Quotes: quotes(f),
				Message: fmt.Sprintf("%s lists the service %s, which no diagram draws (the diagrams draw %s)", at(f), f.Subject, names(diagrams))})
		}
	}
	return out
}

func names(set svcSet) string {
	var out []string
	for _, k := range set.order {
		out = append(out, set.first[k].Subject)
	}
	return strings.Join(out, ", ")
}

func serviceCounts(s *facts.Set) []Finding {
	var out []Finding
	docs, diagrams := services(s, false), services(s, true)
	for _, c := range s.Of(facts.ServiceCount) {
		n := int(c.Num)
		shows := []struct {
			set  svcSet
			what string
		}{{diagrams, "the diagrams draw"}, {docs, "the documents list"}}
		// Diagrams and documents that agree with each other make one
		// finding against the count, not two.
		if len(diagrams.order) != n && len(docs.order) != n && names(diagrams) == names(docs) {
			shows = shows[:1]
			shows[0].what = "the diagrams and the documents show"
		}
		for _, shown := range shows {
			if len(shown.set.order) == 0 || len(shown.set.order) == n {
				continue
			}
			qs := []facts.Fact{c}
			for _, k := range shown.set.order {
				qs = append(qs, shown.set.first[k])
			}
			out = append(out, Finding{Env: c.Env, Quotes: quotes(qs...),
				Message: fmt.Sprintf("%s states %d services, but %s %d: %s", at(c), n, shown.what, len(shown.set.order), names(shown.set))})
		}
	}
	return out
}

func queueSets(s *facts.Set) []Finding {
	docs, diagrams := map[string]facts.Fact{}, map[string]facts.Fact{}
	for _, f := range s.Of(facts.Queue) {
		m := docs
		if f.Src.Diagram {
			m = diagrams
		}
		if _, ok := m[f.Subject]; !ok {
			m[f.Subject] = f
		}
	}
	if len(docs) == 0 || len(diagrams) == 0 {
		return nil
	}
	var out []Finding
	for _, pair := range []struct {
		a, b map[string]facts.Fact
		how  string
	}{{diagrams, docs, "draws the queue %s, which no document names"}, {docs, diagrams, "names the queue %s, which no diagram draws"}} {
		var ks []string
		for k := range pair.a {
			if _, ok := pair.b[k]; !ok {
				ks = append(ks, k)
			}
		}
		sort.Strings(ks)
		for _, k := range ks {
			f := pair.a[k]
			out = append(out, Finding{Env: f.Env, Quotes: quotes(f), Message: at(f) + " " + fmt.Sprintf(pair.how, k)})
		}
	}
	return out
}

// regions compares the primary region each place names
// (facts.Set.PrimaryRegions).
func regions(s *facts.Set) []Finding {
	var primary, shared []facts.Fact
	envs := map[string]bool{}
	for _, f := range s.PrimaryRegions() {
		if f.Env == "" {
			shared = append(shared, f)
			continue
		}
		envs[f.Env] = true
		primary = append(primary, f)
	}
	// A primary stated for the whole system holds in each environment.
	for _, f := range shared {
		for _, e := range slices.Sorted(maps.Keys(envs)) {
			g := f
			g.Env = e
			primary = append(primary, g)
		}
	}
	return conflicts(primary, func(f facts.Fact) string { return f.Env }, func(f facts.Fact) string { return f.Value },
		func(f facts.Fact) string { return "the " + f.Env + " region" })
}
