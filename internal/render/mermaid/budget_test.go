package mermaid_test

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/mermaid"
	"github.com/physarch/physarch/internal/testplan"
)

var (
	// edgeLine is an edge: from, arrow, optional label, to.
	edgeLine = regexp.MustCompile(`^\s*([A-Za-z0-9_]+) (-->|-\.->|-\.-)(?:\|"([^"]*)"\|)? ([A-Za-z0-9_]+)$`)
	// declared are the ids a diagram defines: nodes and subgraphs.
	declared = regexp.MustCompile(`(?m)^\s*(?:subgraph )?([A-Za-z0-9_]+)(?:\[\(?|\{\{)"`)
)

// edgeBudget is how many edges a diagram may have: two per workload (its
// route and one call, or its Service and its pods) and 20 for the rest
// (the way in, the bundled data paths, the platform's ties).
func edgeBudget(e *plan.Env) int { return 2*len(e.Workloads) + 20 }

// edgesOf checks a Mermaid diagram's edges and returns how many it has:
// every label sits on an edge line (no label can float free of its edge),
// and every edge joins two ids the diagram defines.
func edgesOf(src string) (int, error) {
	ids := map[string]bool{}
	for _, m := range declared.FindAllStringSubmatch(src, -1) {
		ids[m[1]] = true
	}
	n := 0
	for i, l := range strings.Split(src, "\n") {
		t := strings.TrimSpace(l)
		if strings.Contains(t, " ~~~ ") || strings.HasPrefix(t, "linkStyle ") {
			continue // invisible row links hold no label and are no edge
		}
		m := edgeLine.FindStringSubmatch(l)
		if m == nil {
			if strings.Contains(l, `|"`) || strings.Contains(l, "-->") || strings.Contains(l, "-.-") {
				return n, fmt.Errorf("line %d is not a well-formed edge: %q", i+1, l)
			}
			continue
		}
		if !ids[m[1]] || !ids[m[4]] {
			return n, fmt.Errorf("line %d: edge %s → %s joins an id the diagram does not define", i+1, m[1], m[4])
		}
		n++
	}
	return n, nil
}

// TestEdgeBudget: every diagram of every example and block sample, in
// both languages, stays within 2 × workloads + 20 edges, each label on an
// edge between defined nodes. Before the bundling the prod physical
// diagram of kt-event-marketing had 41 edges for 7 services.
func TestEdgeBudget(t *testing.T) {
	checked := 0
	for _, n := range testplan.Judged(t) {
		for _, lang := range []md.Lang{md.Ko, md.En} {
			byName := map[string]string{}
			for _, f := range mermaid.Render(n.Plan, lang) {
				byName[path.Base(f.Path)] = string(f.Data)
			}
			for _, e := range n.Plan.Envs {
				for _, name := range []string{"physical-architecture-" + e.Name + ".mmd", "network-" + e.Name + ".mmd"} {
					src, ok := byName[name]
					if !ok {
						t.Fatalf("%s: no %s", n.Name, name)
					}
					got, err := edgesOf(src)
					if err != nil {
						t.Errorf("%s %s %s: %v", n.Name, lang, name, err)
					}
					if budget := edgeBudget(e); got > budget {
						t.Errorf("%s %s %s: %d edges, budget %d (2 × %d workloads + 20)", n.Name, lang, name, got, budget, len(e.Workloads))
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no diagram checked")
	}
}

// TestEdgeCheckerFails proves the checker can fail: a label off any edge,
// and an edge to an undefined node.
func TestEdgeCheckerFails(t *testing.T) {
	for name, src := range map[string]string{
		"floating label": "graph TB\n    A[\"a\"]\n    B[\"b\"]\n    A --> B\n    |\"lost\"|\n",
		"dangling edge":  "graph TB\n    A[\"a\"]\n    A -->|\"x\"| Nowhere\n",
	} {
		if _, err := edgesOf(src); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if n, err := edgesOf("graph TB\n    A[\"a\"]\n    subgraph G[\"g\"]\n        B[(\"b\")]\n    end\n    A -->|\"x\"| G\n    G -.-> B\n    A ~~~ B\n"); err != nil || n != 2 {
		t.Errorf("a good diagram: %d edges, %v", n, err)
	}
}
