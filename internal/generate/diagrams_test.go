package generate

import (
	"path"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
)

// TestDiagramNotations: the default writes the same files as --diagrams
// mermaid (the file set of before); both adds one .puml per .mmd, with
// the same name; plantuml writes no .mmd, and the documents link to the
// .puml files instead.
func TestDiagramNotations(t *testing.T) {
	pl := testplan.Example(t, "phonebill")
	byNotation := map[string]map[string]string{}
	for _, n := range []string{"", DiagramsMermaid, DiagramsPlantUML, DiagramsBoth} {
		files, err := Files(pl, Options{Lang: md.Ko, Diagrams: n})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, f := range files {
			m[f.Path] = string(f.Data)
		}
		byNotation[n] = m
	}
	def, mer, puml, both := byNotation[""], byNotation[DiagramsMermaid], byNotation[DiagramsPlantUML], byNotation[DiagramsBoth]
	if len(def) != len(mer) {
		t.Errorf("default writes %d files, mermaid %d", len(def), len(mer))
	}
	for p, data := range def {
		if mer[p] != data {
			t.Errorf("%s differs between the default and --diagrams mermaid", p)
		}
	}
	mmd := 0
	for p := range def {
		if path.Ext(p) != ".mmd" {
			continue
		}
		mmd++
		twin := strings.TrimSuffix(p, ".mmd") + ".puml"
		if _, ok := both[twin]; !ok {
			t.Errorf("both: no %s next to %s", twin, p)
		}
		if _, ok := both[p]; !ok {
			t.Errorf("both: no %s", p)
		}
		if _, ok := puml[p]; ok {
			t.Errorf("plantuml: writes %s", p)
		}
		if _, ok := puml[twin]; !ok {
			t.Errorf("plantuml: no %s", twin)
		}
	}
	if mmd != 4 || len(both) != len(def)+mmd || len(puml) != len(def) {
		t.Errorf("file counts: %d diagrams, default %d, both %d, plantuml %d", mmd, len(def), len(both), len(puml))
	}
	for p, data := range puml {
		if path.Dir(p) == render.PackageDir && strings.Contains(data, ".mmd") {
			t.Errorf("plantuml: %s still names a .mmd file", p)
		}
	}
	if !strings.Contains(puml[render.PackageDir+"/physical-architecture.md"], "(./physical-architecture-prod.puml)") {
		t.Error("plantuml: the master index does not link the .puml diagram")
	}
}

// TestCheckDiagrams: only the three notations (and the default) pass.
func TestCheckDiagrams(t *testing.T) {
	for _, ok := range []string{"", "mermaid", "plantuml", "both"} {
		if err := CheckDiagrams(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"svg", "Mermaid", "mermaid,plantuml"} {
		if err := CheckDiagrams(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
