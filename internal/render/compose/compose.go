// Package compose renders the dev environment as a Docker Compose file so
// a developer can run the whole system on one machine: the services, the
// PostgreSQL and Redis the dev environment runs as pods, and the same
// database initialisation the Kubernetes Job runs.
package compose

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/appenv"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/yamlout"
)

// Dir is where the compose files go.
const Dir = "deploy/compose"

// File is the part of the Compose specification physarch writes.
type File struct {
	Name     string              `json:"name"`
	Services map[string]*Service `json:"services"`
	Volumes  map[string]struct{} `json:"volumes,omitempty"`
}

// Service is one compose service.
type Service struct {
	Image       string                `json:"image"`
	Command     []string              `json:"command,omitempty"`
	Environment map[string]string     `json:"environment,omitempty"`
	Ports       []string              `json:"ports,omitempty"`
	Volumes     []string              `json:"volumes,omitempty"`
	DependsOn   map[string]Dependency `json:"depends_on,omitempty"`
	Healthcheck *Healthcheck          `json:"healthcheck,omitempty"`
	Restart     string                `json:"restart,omitempty"`
}

// Dependency waits for another service.
type Dependency struct {
	Condition string `json:"condition"`
}

// Healthcheck tells compose when a service is ready.
type Healthcheck struct {
	Test     []string `json:"test"`
	Interval string   `json:"interval"`
	Retries  int      `json:"retries"`
}

// DevEnv picks the environment compose mirrors: the first with the dev
// profile, else the first.
func DevEnv(pl *plan.Plan) *plan.Env {
	for _, e := range pl.Envs {
		if e.Profile == "dev" {
			return e
		}
	}
	if len(pl.Envs) > 0 {
		return pl.Envs[0]
	}
	return nil
}

// required is a compose interpolation that stops with a message when the
// variable is not set: secrets come from .env, never from this file.
func required(key string) string {
	return fmt.Sprintf("${%s:?set %s in .env (see .env.example)}", appenv.EnvName(key), appenv.EnvName(key))
}

// Render writes compose.yaml, .env.example and the init script.
func Render(pl *plan.Plan) ([]render.File, error) {
	e := DevEnv(pl)
	if e == nil {
		return nil, nil
	}
	f := File{Name: e.Namespace, Services: map[string]*Service{}}
	hosts := appenv.Hosts{Postgres: "postgresql", Redis: "redis", Service: func(n string, p int) string { return fmt.Sprintf("http://%s:%d", n, p) }}
	if e.Postgres != nil {
		f.Services["postgresql"] = &Service{
			Image:       "postgres:" + pl.PGVersion,
			Environment: map[string]string{"POSTGRES_PASSWORD": required(plan.SecretPostgresAdmin)},
			Command:     []string{"postgres", "-c", "max_connections=" + strconv.Itoa(e.Postgres.MaxConnections)},
			Ports:       []string{"127.0.0.1:5432:5432"},
			Volumes:     []string{"pgdata:/var/lib/postgresql/data"},
			Healthcheck: &Healthcheck{Test: []string{"CMD", "pg_isready", "-U", "postgres"}, Interval: "5s", Retries: 20},
		}
		f.Volumes = map[string]struct{}{"pgdata": {}}
		if len(pl.Databases) > 0 {
			env := map[string]string{"PGHOST": "postgresql", "PGPASSWORD": required(plan.SecretPostgresAdmin)}
			for _, db := range pl.Databases {
				env[appenv.EnvName(db.Owner)+"_DB_PASSWORD"] = required(plan.DBPasswordSecret(db.Owner))
			}
			f.Services["postgresql-init"] = &Service{
				Image:       "postgres:" + pl.PGVersion,
				Command:     []string{"/bin/sh", "/scripts/init.sh"},
				Environment: env,
				Volumes:     []string{"./init.sh:/scripts/init.sh:ro"},
				DependsOn:   map[string]Dependency{"postgresql": {Condition: "service_healthy"}},
				Restart:     "on-failure",
			}
		}
	}
	if e.Redis != nil {
		cmd := []string{"redis-server", "--requirepass", required(plan.SecretRedis)}
		if e.Redis.MaxMemory != "" {
			cmd = append(cmd, "--maxmemory", e.Redis.MaxMemory)
		}
		if e.Redis.Eviction != "" {
			cmd = append(cmd, "--maxmemory-policy", e.Redis.Eviction)
		}
		f.Services["redis"] = &Service{
			Image: "redis:" + pl.RedisVer, Command: cmd, Ports: []string{"127.0.0.1:6379:6379"},
			Healthcheck: &Healthcheck{Test: []string{"CMD", "redis-cli", "--no-auth-warning", "-a", required(plan.SecretRedis), "ping"}, Interval: "5s", Retries: 20},
		}
	}
	settings := appenv.New(pl, e, hosts)
	for i, sv := range pl.Services {
		vars, secrets := settings.For(sv)
		env := map[string]string{}
		for _, v := range vars {
			env[v.Name] = v.Value
		}
		if sv.Database != "" && e.Postgres != nil {
			env["DB_SSLMODE"] = "disable"
		}
		for _, s := range secrets {
			env[s.Name] = required(s.Key)
		}
		deps := map[string]Dependency{}
		if sv.Database != "" && e.Postgres != nil {
			deps["postgresql"] = Dependency{Condition: "service_healthy"}
			if _, ok := f.Services["postgresql-init"]; ok {
				deps["postgresql-init"] = Dependency{Condition: "service_completed_successfully"}
			}
		}
		if sv.Cache && e.Redis != nil {
			deps["redis"] = Dependency{Condition: "service_healthy"}
		}
		for _, c := range sv.Calls {
			deps[c] = Dependency{Condition: "service_started"}
		}
		s := &Service{
			Image:       sv.Image + ":${IMAGE_TAG:-" + k8s.ImageTagPlaceholder + "}",
			Environment: env,
			Ports:       []string{fmt.Sprintf("127.0.0.1:%d:%d", 8081+i, sv.Port)},
			Restart:     "unless-stopped",
		}
		if len(deps) > 0 {
			s.DependsOn = deps
		}
		f.Services[sv.Name] = s
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# Generated by physarch from the plan (environment %s); edit physarch.yaml, not this file.\n", e.Name)
	buf.WriteString("# Run: cp .env.example .env, fill in the secrets, then `docker compose up`.\n")
	if e.Bus != nil {
		fmt.Fprintf(&buf, "# Not emulated here: the Service Bus queues and topics %s.\n# Point SERVICEBUS_CONNECTION at a Service Bus namespace or at the Service Bus emulator.\n", strings.Join(append(append([]string(nil), e.Bus.Queues...), e.Bus.Topics...), ", "))
	}
	doc, err := yamlout.Documents(f)
	if err != nil {
		return nil, fmt.Errorf("compose: %w", err)
	}
	buf.Write(doc)
	var env strings.Builder
	env.WriteString("# Secrets for docker compose; copy to .env and fill in. physarch never writes values.\nIMAGE_TAG=\n")
	for _, s := range e.Secrets {
		fmt.Fprintf(&env, "%s=\n", appenv.EnvName(s))
	}
	return []render.File{
		{Path: Dir + "/compose.yaml", Data: buf.Bytes()},
		{Path: Dir + "/.env.example", Data: []byte(env.String())},
		{Path: Dir + "/init.sh", Data: []byte(k8s.InitScript(pl))},
	}, nil
}
