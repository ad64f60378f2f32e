package plantuml_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/physarch/physarch/internal/read/plantuml"
)

// TestRefusalsMatchPlantUML confirms each parse rule of the reader
// against the real PlantUML: what the reader records as a Problem
// (audit's AU044) PlantUML refuses (-failfast2 exits non-zero), and what
// it reads cleanly PlantUML renders.
func TestRefusalsMatchPlantUML(t *testing.T) {
	jar := os.Getenv("PHYSARCH_PLANTUML_JAR")
	if jar == "" {
		if os.Getenv("PHYSARCH_REQUIRE_TOOLS") != "" {
			t.Fatal("PHYSARCH_REQUIRE_TOOLS is set but PHYSARCH_PLANTUML_JAR is not")
		}
		t.Skip("real PlantUML not configured: run scripts/install-tools.sh plantuml, then eval \"$(scripts/install-tools.sh env)\"")
	}
	java := os.Getenv("PHYSARCH_JAVA")
	if java == "" {
		java = "java"
	}
	cases := []struct {
		name, src string
		refused   bool
	}{
		{"no @startuml", "[api] --> [db]\n", true},
		{"no @enduml", "@startuml\n[api] --> [db]\n", true},
		// PlantUML closes an open container at @enduml and ignores a
		// stray }: the reader must not call them refusals.
		{"container never closed", "@startuml\nnode \"AKS\" {\n  [api]\n@enduml\n", false},
		{"closing brace without a container", "@startuml\n[api]\n}\n@enduml\n", false},
		{"note never closed", "@startuml\n[api]\nnote right of api\n  text\n@enduml\n", true},
		{"floating note never closed", "@startuml\nnote as N1\n  text\n@enduml\n", true},
		{"valid: a floating note block", "@startuml\n[api]\nnote as N1\n  Redis는 Private Endpoint로만 접근\nend note\n@enduml\n", false},
		{"valid: nested containers, arrows with labels, notes, skinparam", "@startuml\nskinparam componentStyle rectangle\ncloud \"Azure\" {\n  node \"AKS\" {\n    [api] as API\n  }\n  database \"PostgreSQL\" as PG\n}\nAPI --> PG : TCP 5432\nnote right of PG\n  zone-redundant\nend note\n@enduml\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := plantuml.Parse("x.puml", []byte(c.src))
			if got := len(d.Problems) > 0; got != c.refused {
				t.Fatalf("reader: problems %+v, want refused=%v", d.Problems, c.refused)
			}
			dir := t.TempDir()
			in := filepath.Join(dir, "in.puml")
			if err := os.WriteFile(in, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
			defer cancel()
			out, err := exec.CommandContext(ctx, java, "-Djava.awt.headless=true", "-jar", jar, "-tsvg", "-failfast2", "-nometadata", in).CombinedOutput()
			if refused := err != nil; refused != c.refused {
				t.Errorf("PlantUML refused=%v, the reader says %v: %v\n%s", refused, c.refused, err, out)
			}
		})
	}
}
