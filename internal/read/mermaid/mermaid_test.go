package mermaid_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/read/mermaid"
)

func TestReadsAFlowchart(t *testing.T) {
	src := `graph TB
    %% 운영환경
    subgraph VNet["VNet<br/>10.0.0.0/16"]
        subgraph App["App Subnet<br/>10.0.1.0/24"]
            U["👤 User Service<br/>(3 replicas, HPA)"]
            T[("Trip DB")]
        end
    end
    Users -->|"HTTPS 요청"| U
    U -- TCP:5432 --> T & Q{{queue}}
    U -.-> T --> Users
    classDef app fill:#28A745
    class U,T app
`
	d := mermaid.Parse("n.mmd", []byte(src))
	if d.Header != "graph TB" || len(d.Subgraphs) != 2 || d.Subgraph("App").Label != "App Subnet\n10.0.1.0/24" || d.Subgraph("App").Parent != "VNet" {
		t.Fatalf("subgraphs: %+v", d.Subgraphs)
	}
	u := d.Node("U")
	if u == nil || u.Label != "👤 User Service\n(3 replicas, HPA)" || u.Line != 5 || u.Parent != "App" {
		t.Fatalf("node U: %+v", u)
	}
	if d.Node("T").Shape != "cylinder" || d.Node("Q").Shape != "hexagon" {
		t.Errorf("shapes: %+v %+v", d.Node("T"), d.Node("Q"))
	}
	var edges []string
	for _, e := range d.Edges {
		edges = append(edges, e.From+">"+e.To+":"+e.Label)
	}
	if strings.Join(edges, " ") != "Users>U:HTTPS 요청 U>T:TCP:5432 U>Q:TCP:5432 U>T: T>Users:" {
		t.Errorf("edges: %q", edges)
	}
	if d.Edges[0].Line != 9 || len(d.Comments) != 1 || d.ClassDefs["app"] == "" || d.Classes["T"][0] != "app" {
		t.Errorf("lines/classes: %+v %+v %+v", d.Edges[0], d.Comments, d.Classes)
	}
	if len(d.Problems) != 0 || len(d.Skipped) != 0 {
		t.Errorf("problems %+v skipped %+v", d.Problems, d.Skipped)
	}
}

// TestNoiseAndRefusals: the web page's header and gutter pipes are skipped
// with their lines; what Mermaid refuses is a problem with its column.
func TestNoiseAndRefusals(t *testing.T) {
	src := "mirror of\n190 lines\ngraph TB\n|\n    A[User (web)] --> B\n    subgraph S\n    what is this ->\n"
	d := mermaid.Parse("n.mmd", []byte(src))
	if len(d.Skipped) != 3 || d.Skipped[2].Line != 4 {
		t.Errorf("skipped: %+v", d.Skipped)
	}
	var reasons []string
	for _, p := range d.Problems {
		reasons = append(reasons, p.Reason)
	}
	if len(d.Problems) != 3 || d.Problems[0].Line != 5 || d.Problems[0].Col != 6 || !strings.Contains(reasons[0], "parentheses") || !strings.Contains(reasons[2], "never closed") {
		t.Errorf("problems: %+v", d.Problems)
	}
}

func TestSeedDiagram(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "seeds", "001_b8d437a6ff2039d6.txt"))
	if err != nil {
		t.Skipf("seeds not present: %v", err)
	}
	d := mermaid.Parse("001", src)
	if len(d.Problems) != 0 {
		t.Errorf("problems: %+v", d.Problems)
	}
	for _, s := range d.Skipped {
		if !strings.Contains(s.Reason, "page header") && !strings.Contains(s.Reason, "gutter") && !strings.Contains(s.Reason, "before the graph") {
			t.Errorf("skipped %d %q: %s", s.Line, s.Text, s.Reason)
		}
	}
	if n := d.Node("UserServiceHA"); n == nil || n.Label != "👤 User Service\n(3 replicas, HPA)" {
		t.Errorf("UserServiceHA: %+v", n)
	}
	if len(d.Edges) != 41 {
		t.Errorf("%d edges", len(d.Edges))
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("graph TB\n  A[\"x<br/>y\"] -->|\"l\"| B((c))\n  subgraph S[\"s\"]\n  C -- t --> D & E\n  end\n"))
	f.Add([]byte("|\nflowchart LR\nA[(\"x\")]:::c -.-> B{{\"q\"}}\nclass A c\nend\n"))
	f.Add([]byte("graph\nA[\"unterminated\nB(x(y)) --> \n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d := mermaid.Parse("f.mmd", src)
		for _, e := range d.Edges {
			if e.Line < 1 || e.Line > len(d.Lines) {
				t.Fatalf("edge line %d of %d", e.Line, len(d.Lines))
			}
		}
		for _, p := range d.Problems {
			if p.Line < 1 || p.Col < 1 {
				t.Fatalf("problem at %d:%d", p.Line, p.Col)
			}
		}
	})
}
