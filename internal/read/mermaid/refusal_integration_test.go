package mermaid_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/physarch/physarch/internal/read/mermaid"
)

// TestRefusalsMatchMermaidCLI confirms each parse rule of the reader
// against the real mermaid-cli: what the reader records as a Problem
// (audit's AU043) Mermaid refuses, and what it reads cleanly Mermaid
// renders.
func TestRefusalsMatchMermaidCLI(t *testing.T) {
	bin, cfg := os.Getenv("PHYSARCH_MMDC"), os.Getenv("PHYSARCH_PUPPETEER_CONFIG")
	if bin == "" || cfg == "" {
		if os.Getenv("PHYSARCH_REQUIRE_TOOLS") != "" {
			t.Fatal("PHYSARCH_REQUIRE_TOOLS is set but PHYSARCH_MMDC/PHYSARCH_PUPPETEER_CONFIG are not")
		}
		t.Skip("real mermaid-cli not configured: run `eval \"$(scripts/install-tools.sh env)\"` after scripts/install-tools.sh mermaid")
	}
	cases := []struct {
		name, src string
		refused   bool
	}{
		{"unquoted label with parentheses", "graph TB\n    A[User (web)] --> B\n", true},
		{"quoted label with parentheses", "graph TB\n    A[\"User (web)\"] --> B\n", false},
		{"unquoted label with brackets", "graph TB\n    A[list [1]] --> B\n", true},
		{"round node with parentheses inside", "graph TB\n    A(call (x)) --> B\n", true},
		{"subgraph never closed", "graph TB\n    subgraph S[\"s\"]\n    A --> B\n", true},
		{"end without subgraph", "graph TB\n    A --> B\n    end\n", true},
		{"edge without target", "graph TB\n    A -->\n", true},
		{"edge label without closing pipe", "graph TB\n    A -->|\"x\" B\n", true},
		{"quote never closed", "graph TB\n    A[\"open] --> B\n", true},
		{"no header", "A --> B\n", true},
		{"valid: a byte order mark and CR-only line ends", "\ufeffgraph TB\r    A[\"a\"] --> B\r", false},
		{"labels with br, edges with labels, classes, comments", "graph TB\n    %% c\n    subgraph S[\"VNet<br/>10.0.0.0/16\"]\n        A[\"a<br/>(3 replicas)\"]\n    end\n    A -->|\"TCP:5432\"| B[(\"db\")]\n    A -- text --> C{{\"q\"}}\n    classDef x fill:#fff\n    class A,B x\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := mermaid.Parse("x.mmd", []byte(c.src))
			if got := len(d.Problems) > 0; got != c.refused {
				t.Fatalf("reader: problems %+v, want refused=%v", d.Problems, c.refused)
			}
			dir := t.TempDir()
			in := filepath.Join(dir, "in.mmd")
			if err := os.WriteFile(in, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			defer cancel()
			out, err := exec.CommandContext(ctx, bin, "-q", "-p", cfg, "-i", in, "-o", filepath.Join(dir, "out.svg")).CombinedOutput()
			if refused := err != nil; refused != c.refused {
				t.Errorf("mermaid-cli refused=%v, the reader says %v: %v\n%s", refused, c.refused, err, out)
			}
		})
	}
}
