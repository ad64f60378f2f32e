package compose_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render/compose"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/render/appenv"
	"github.com/physarch/physarch/internal/testplan"
)

// load reads a compose file with compose-go, the loader Docker Compose
// itself uses: the Compose specification's JSON schema, interpolation of
// ${VAR:?message}, and its model's normalisation.
func load(t *testing.T, dir string, env map[string]string) (*types.Project, error) {
	t.Helper()
	return loader.LoadWithContext(context.Background(), types.ConfigDetails{
		WorkingDir:  dir,
		ConfigFiles: []types.ConfigFile{{Filename: filepath.Join(dir, "compose.yaml")}},
		Environment: env,
	}, func(o *loader.Options) { o.SetProjectName("physarch-test", true) })
}

// TestComposeLoads: every example's compose file is accepted by the real
// Compose loader once the secrets are set, refused while one is missing,
// and a broken file is refused too (the judge is awake).
func TestComposeLoads(t *testing.T) {
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			pl := testplan.Example(t, name)
			files, err := compose.Render(pl)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			for _, f := range files {
				if err := os.WriteFile(filepath.Join(dir, filepath.Base(f.Path)), f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			env := map[string]string{"IMAGE_TAG": "1.0.0"}
			for _, s := range compose.DevEnv(pl).Secrets {
				env[appenv.EnvName(s)] = "secret-" + s
			}
			// The other variables .env.example lists (an emulator's licence
			// acceptance) are what the developer sets to Y.
			example, _ := os.ReadFile(filepath.Join(dir, ".env.example"))
			for _, l := range strings.Split(string(example), "\n") {
				if name, ok := strings.CutSuffix(l, "="); ok && !strings.HasPrefix(l, "#") && env[name] == "" {
					env[name] = "Y"
				}
			}
			p, err := load(t, dir, env)
			if err != nil {
				t.Fatalf("compose-go rejected the file: %v", err)
			}
			if len(p.Services) < len(pl.Services) {
				t.Errorf("%d services loaded, the plan has %d", len(p.Services), len(pl.Services))
			}
			missing := compose.DevEnv(pl).Secrets[0]
			delete(env, appenv.EnvName(missing))
			if _, err := load(t, dir, env); err == nil || !strings.Contains(err.Error(), appenv.EnvName(missing)) {
				t.Errorf("a missing secret %s was not reported: %v", appenv.EnvName(missing), err)
			}
			env[appenv.EnvName(missing)] = "x"
			b, _ := os.ReadFile(filepath.Join(dir, "compose.yaml"))
			broken := strings.Replace(string(b), "    restart: unless-stopped\n", "    restart: unless-stopped\n    bogus_key: true\n", 1)
			os.WriteFile(filepath.Join(dir, "compose.yaml"), []byte(broken), 0o644)
			if _, err := load(t, dir, env); err == nil {
				t.Error("compose-go accepted an unknown key; the test would prove nothing")
			}
		})
	}
}

// TestComposeLoadsWorkloads: the workload-kinds sample's compose file
// loads with compose-go; the cronjob sits in the "jobs" profile (so
// `docker compose up` leaves it out and `docker compose run` starts one
// run) and restarts never; the workers publish no port.
func TestComposeLoadsWorkloads(t *testing.T) {
	pl := testplan.Workloads(t)
	files, err := compose.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f.Path)), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"IMAGE_TAG": "1.0.0"}
	for _, s := range compose.DevEnv(pl).Secrets {
		env[appenv.EnvName(s)] = "secret-" + s
	}
	p, err := load(t, dir, env)
	if err != nil {
		t.Fatalf("compose-go rejected the file: %v", err)
	}
	if _, active := p.Services["nightly-report"]; active {
		t.Error("the cronjob is among the services `docker compose up` starts")
	}
	job, ok := p.DisabledServices["nightly-report"]
	if !ok || len(job.Profiles) != 1 || job.Profiles[0] != "jobs" || job.Restart != "no" {
		t.Errorf("cronjob: %+v", job)
	}
	for _, w := range []string{"mailer", "indexer"} {
		if s, ok := p.Services[w]; !ok || len(s.Ports) != 0 {
			t.Errorf("worker %s: loaded %v, ports %v", w, ok, s.Ports)
		}
	}
}
