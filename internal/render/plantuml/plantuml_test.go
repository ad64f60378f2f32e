package plantuml

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render/diagram"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
)

var update = flag.Bool("update", false, "rewrite testdata/*.puml")

// TestGolden: kt-event-marketing's production diagrams as PlantUML, as
// reviewed (go test ./internal/render/plantuml -update rewrites them).
func TestGolden(t *testing.T) {
	pl := testplan.Example(t, "kt-event-marketing")
	for _, f := range Render(pl, md.Ko) {
		name := filepath.Base(f.Path)
		if !strings.Contains(name, "prod") {
			continue
		}
		golden := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(golden, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if string(want) != string(f.Data) {
			t.Errorf("%s differs from %s (go test ./internal/render/plantuml -update, then review the diff)", name, golden)
		}
	}
}

// TestEscape: a label stays literal: Creole's doubled markup characters,
// double quotes and line breaks cannot end or restyle it.
func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"/api/users/**": "/api/users/~*~*",
		`say "hi"`:      "say 'hi'",
		"a\nb":          `a\nb`,
		"x--y__z//w":    "x~-~-y~_~_z~/~/w",
	} {
		if got := esc(in); got != want {
			t.Errorf("esc(%q) = %q, want %q", in, got, want)
		}
	}
}

// element is a PlantUML element line: its keyword, label and alias.
var element = regexp.MustCompile(`^\s*(rectangle|database|hexagon|actor|component|queue) "[^"]*" as ([A-Za-z0-9_]+) <<`)

// TestSameModelAsMermaid: every example's PlantUML diagrams define the
// model's every node and group and draw its every edge, so the two
// notations show one architecture.
func TestSameModelAsMermaid(t *testing.T) {
	for _, n := range testplan.Judged(t) {
		graphs := diagram.Graphs(n.Plan, md.En)
		files := Render(n.Plan, md.En)
		if len(files) != len(graphs) {
			t.Fatalf("%s: %d files for %d graphs", n.Name, len(files), len(graphs))
		}
		for i, g := range graphs {
			src := string(files[i].Data)
			defined := map[string]bool{}
			for _, l := range strings.Split(src, "\n") {
				if m := element.FindStringSubmatch(l); m != nil {
					defined[m[2]] = true
				}
			}
			for id := range g.IDs() {
				if !defined[id] {
					t.Errorf("%s %s: %s not defined", n.Name, g.Name, id)
				}
			}
			for _, l := range g.Links {
				if !defined[l.From] || !defined[l.To] {
					t.Errorf("%s %s: edge %s → %s ends on an undefined element", n.Name, g.Name, l.From, l.To)
				}
				if !strings.Contains(src, "\n"+link(l)+"\n") {
					t.Errorf("%s %s: edge %s → %s not drawn", n.Name, g.Name, l.From, l.To)
				}
			}
		}
	}
}
