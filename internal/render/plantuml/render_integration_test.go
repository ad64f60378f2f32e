package plantuml_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/physarch/physarch/internal/realtools"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/plantuml"
	"github.com/physarch/physarch/internal/testplan"
)

// jar is the real PlantUML (scripts/install-tools.sh plantuml), with java.
func jar(t *testing.T) (java, jar string) {
	jar = realtools.Lookup(t, "plantuml", []string{"PHYSARCH_PLANTUML_JAR"}, "")
	java = realtools.Lookup(t, "plantuml", []string{"PHYSARCH_JAVA"}, "java")
	return java, jar
}

// renderDir renders every .puml file in dir to SVG in one JVM (about 1.5 s
// a JVM start, far more than a diagram), failing on the first diagram with
// an error (-failfast2: exit status 200).
func renderDir(t *testing.T, java, jar, dir string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, java, "-Djava.awt.headless=true", "-jar", jar, "-tsvg", "-failfast2", "-nometadata", dir)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestRealPlantUMLRender renders the PlantUML diagrams of every example and
// block sample, in both languages, with the real PlantUML; one error fails
// the test. The SVGs are kept with the other diagram artifacts.
func TestRealPlantUMLRender(t *testing.T) {
	java, jar := jar(t)
	dir := filepath.Join(realtools.Artifacts(t, "diagrams"), "plantuml")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range testplan.Judged(t) {
		for _, lang := range []md.Lang{md.Ko, md.En} {
			for _, f := range plantuml.Render(s.Plan, lang) {
				name := s.Name + "-" + string(lang) + "-" + filepath.Base(f.Path)
				if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				n++
			}
		}
	}
	if out, err := renderDir(t, java, jar, dir); err != nil {
		t.Fatalf("PlantUML rejected a diagram: %v\n%s", err, out)
	}
	svgs, _ := filepath.Glob(filepath.Join(dir, "*.svg"))
	if len(svgs) != n {
		t.Errorf("PlantUML wrote %d SVGs for %d diagrams", len(svgs), n)
	}
}

// TestRealPlantUMLRejectsBroken proves the judge is awake: a diagram with
// an edge to an element PlantUML cannot parse must fail to render, next
// to a good one.
func TestRealPlantUMLRejectsBroken(t *testing.T) {
	java, jar := jar(t)
	dir := t.TempDir()
	good := "@startuml\nrectangle \"a\" as A\nrectangle \"b\" as B\nA --> B : ok\n@enduml\n"
	broken := "@startuml\nrectangle \"a\" as A {\nA -->> : \n@enduml\n"
	for name, src := range map[string]string{"good.puml": good, "broken.puml": broken} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := renderDir(t, java, jar, dir)
	if err == nil {
		t.Fatal("PlantUML accepted a broken diagram; the render test would prove nothing")
	}
	if !strings.Contains(out, "error") {
		t.Errorf("expected PlantUML's error report, got: %s", out)
	}
}
