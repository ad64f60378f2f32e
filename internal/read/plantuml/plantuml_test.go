package plantuml_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/read/plantuml"
)

func TestReadsADeploymentDiagram(t *testing.T) {
	src := `mirror of
@startuml prod
!theme cerulean
skinparam componentStyle rectangle
skinparam node {
  BackgroundColor #EEE
}
' a comment
/' a block
comment '/
cloud "Azure (koreacentral)" as Azure {
  node "AKS Standard" as AKS {
    component [user-service\nreplicas 3] as User
    [trip-service] as Trip
  }
  database "PostgreSQL Flexible" as PG
  queue "ai-jobs" as Q
}
User --> PG : TCP:5432
Trip -[#red]-> Q : AMQP
[Trip] ..> User
note right of PG : zone-redundant
note left of AKS
  three zones
  HPA 3-10
end note
@enduml
`
	d := plantuml.Parse("p.puml", []byte(src))
	if d.Start != 2 || len(d.Problems) != 0 || len(d.Skipped) != 1 {
		t.Fatalf("start %d problems %+v skipped %+v", d.Start, d.Problems, d.Skipped)
	}
	if u := d.Element("User"); u == nil || u.Label != "user-service\nreplicas 3" || u.Parent != "AKS" || u.Line != 13 {
		t.Errorf("User: %+v", u)
	}
	if a := d.Element("AKS"); a == nil || !a.Container || a.Parent != "Azure" {
		t.Errorf("AKS: %+v", a)
	}
	var arrows []string
	for _, a := range d.Arrows {
		arrows = append(arrows, a.From+">"+a.To+":"+a.Label)
	}
	if strings.Join(arrows, " ") != "User>PG:TCP:5432 Trip>Q:AMQP Trip>User:" {
		t.Errorf("arrows: %q", arrows)
	}
	if len(d.Notes) != 2 || d.Notes[1].Text != "three zones\nHPA 3-10" || d.Notes[1].Of != "AKS" {
		t.Errorf("notes: %+v", d.Notes)
	}
	if d.Skinparams["node.BackgroundColor"] != "#EEE" || d.Skinparams["componentStyle"] != "rectangle" || d.Directives[0] != "!theme cerulean" {
		t.Errorf("skin %+v directives %+v", d.Skinparams, d.Directives)
	}
}

func TestUnbalanced(t *testing.T) {
	d := plantuml.Parse("p.puml", []byte("@startuml\nnode \"x\" as X {\n}\n}\nnote left of X\nwhat\n"))
	// The stray } is skipped, not refused (PlantUML ignores it, see
	// TestRefusalsMatchPlantUML); no @enduml and the open note are.
	if len(d.Problems) != 2 || len(d.Skipped) == 0 {
		t.Errorf("problems: %+v, skipped %+v", d.Problems, d.Skipped)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("@startuml\nnode A {\n[B] --> [C] : x\n}\n@enduml\n"))
	f.Add([]byte("@startuml\nskinparam x {\nnote left of A\n/' x\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d := plantuml.Parse("f.puml", src)
		for _, a := range d.Arrows {
			if d.Element(a.From) == nil || d.Element(a.To) == nil {
				t.Fatalf("arrow to an unknown element: %+v", a)
			}
		}
	})
}
