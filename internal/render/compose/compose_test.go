package compose_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render/compose"

	"sigs.k8s.io/yaml"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/render/appenv"
	"github.com/physarch/physarch/internal/testplan"
)

func TestComposeMirrorsDev(t *testing.T) {
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			pl := testplan.Example(t, name)
			files, err := compose.Render(pl)
			if err != nil {
				t.Fatal(err)
			}
			byName := map[string]string{}
			for _, f := range files {
				byName[f.Path] = string(f.Data)
			}
			var cf compose.File
			if err := yaml.Unmarshal([]byte(byName[compose.Dir+"/compose.yaml"]), &cf); err != nil {
				t.Fatal(err)
			}
			e := compose.DevEnv(pl)
			for _, sv := range pl.Services {
				s, ok := cf.Services[sv.Name]
				if !ok {
					t.Fatalf("service %s missing", sv.Name)
				}
				if sv.Database != "" && s.DependsOn["postgresql-init"].Condition != "service_completed_successfully" {
					t.Errorf("%s does not wait for its database to be created", sv.Name)
				}
			}
			_, hasPG := e.Component("postgresql")
			_, hasRedis := e.Component("redis")
			if hasPG != (cf.Services["postgresql"] != nil) || hasRedis != (cf.Services["redis"] != nil) {
				t.Errorf("backing services do not match the dev environment")
			}
			// Every secret is required from .env, and .env.example lists
			// each one without a value.
			ref := regexp.MustCompile(`\$\{([A-Z0-9_]+):\?`)
			used := map[string]bool{}
			for _, m := range ref.FindAllStringSubmatch(byName[compose.Dir+"/compose.yaml"], -1) {
				used[m[1]] = true
			}
			example := byName[compose.Dir+"/.env.example"]
			for v := range used {
				if !strings.Contains(example, "\n"+v+"=\n") {
					t.Errorf("%s is required but not listed empty in .env.example", v)
				}
			}
			for _, s := range e.Secrets {
				if !used[appenv.EnvName(s)] {
					t.Errorf("secret %s is never used", s)
				}
			}
		})
	}
}
