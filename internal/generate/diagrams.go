package generate

import (
	"fmt"
	"path"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/mermaid"
	"github.com/physarch/physarch/internal/render/plantuml"
)

// The diagram notations (Options.Diagrams).
const (
	DiagramsMermaid  = "mermaid"
	DiagramsPlantUML = "plantuml"
	DiagramsBoth     = "both"
)

// CheckDiagrams refuses a notation build does not know.
func CheckDiagrams(d string) error {
	switch d {
	case "", DiagramsMermaid, DiagramsPlantUML, DiagramsBoth:
		return nil
	}
	return fmt.Errorf("--diagrams must be mermaid, plantuml or both, not %q", d)
}

// diagrams renders the diagrams in the notations asked for, from one
// graph model: Mermaid (.mmd) by default, PlantUML (.puml) next to them,
// or PlantUML alone.
func diagrams(pl *plan.Plan, lang md.Lang, notation string) []render.File {
	var files []render.File
	if notation != DiagramsPlantUML {
		files = append(files, mermaid.Render(pl, lang)...)
	}
	if notation == DiagramsPlantUML || notation == DiagramsBoth {
		files = append(files, plantuml.Render(pl, lang)...)
	}
	return files
}

// linkPlantUML points the documents' diagram links at the .puml files
// where no .mmd is written (--diagrams plantuml), so no link dangles. The
// documents name the diagrams by docs.DiagramName and docs.NetworkName
// only; exactly those names are replaced.
func linkPlantUML(pl *plan.Plan, files []render.File) {
	var pairs []string
	for _, e := range pl.Envs {
		for _, n := range []string{docs.DiagramName(e), docs.NetworkName(e)} {
			pairs = append(pairs, n, strings.TrimSuffix(n, path.Ext(n))+".puml")
		}
	}
	r := strings.NewReplacer(pairs...)
	for i, f := range files {
		if path.Dir(f.Path) == render.PackageDir && path.Ext(f.Path) == ".md" {
			files[i].Data = []byte(r.Replace(string(f.Data)))
		}
	}
}
