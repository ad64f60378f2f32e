package diagram

import (
	"sort"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
)

// namespacesOf are the namespaces the environment's workloads run in, in
// first-seen order (the spec's).
func namespacesOf(e *plan.Env) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range e.Workloads {
		if !seen[w.Namespace] {
			seen[w.Namespace] = true
			out = append(out, w.Namespace)
		}
	}
	return out
}

// serviceGroups maps each workload's node to the group its bundled edges
// start from: its namespace's group where the environment has several,
// else the application services.
func serviceGroups(e *plan.Env) map[string]string {
	several := len(namespacesOf(e)) > 1
	out := map[string]string{}
	for _, w := range e.Workloads {
		out[id("svc", w.Name)] = NodeServices
		if several {
			out[id("svc", w.Name)] = id("ns", w.Namespace)
		}
	}
	return out
}

// componentEdges are the components' own edges with those between one
// service and something else (a queue, an event hub) moved onto the
// service's group and turned to run from it, the way the connection is
// opened, with the labels of one pair merged ("발행 · 수신"). Where the
// component has a private endpoint they start from the endpoint, the path
// they take. carried says which components' paths they draw, so no
// second edge to the component's namespace (or from its endpoint) is
// drawn besides.
func componentEdges(v View, comps map[string]Drawing, groupOf map[string]string) (out []Edge, carried map[string]bool) {
	carried = map[string]bool{}
	for _, c := range v.Env.Components {
		d, ok := comps[c.ID()]
		if !ok {
			continue
		}
		pe, hasPE := firstEndpoint(v, c.ID(), comps)
		index := map[[2]string]int{}
		for _, l := range d.Edges {
			gf, fromSvc := groupOf[l.From]
			gt, toSvc := groupOf[l.To]
			switch {
			case fromSvc && !toSvc:
				l.From = gf
			case toSvc && !fromSvc:
				l.From, l.To = gt, l.From
			default:
				out = append(out, l)
				continue
			}
			if hasPE {
				l.From = pe
			}
			carried[c.ID()] = true
			k := [2]string{l.From, l.To}
			if i, ok := index[k]; ok {
				if !hasLabel(out[i].Label, l.Label) {
					out[i].Label += " · " + l.Label
				}
				continue
			}
			index[k] = len(out)
			out = append(out, l)
		}
	}
	return out, carried
}

func hasLabel(labels, l string) bool {
	for _, x := range strings.Split(labels, " · ") {
		if x == l {
			return true
		}
	}
	return false
}

// firstEndpoint is the node of a component's first private endpoint, as
// the endpoints subnet draws it, where the environment plans one.
func firstEndpoint(v View, component string, comps map[string]Drawing) (string, bool) {
	for _, pe := range v.Env.PrivateEndpoints {
		if pe.Service == component && pe.First() {
			return endpointNode(v, pe, comps[component]).ID, true
		}
	}
	return "", false
}

func sortedZones(z []int) []int {
	out := append([]int(nil), z...)
	sort.Ints(out)
	return out
}

// thousands writes n with thousands separators (10,000), as both
// languages' documents do.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var b []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}
