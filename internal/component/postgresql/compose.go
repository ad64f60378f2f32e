package postgresql

import (
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/appenv"
	"github.com/physarch/physarch/internal/render/compose"
)

// Compose implements compose.Composed: PostgreSQL in a container with a
// named volume, and the same init script the Kubernetes Job runs.
func (c *Component) Compose(x compose.Context) compose.Part {
	image := "postgres:" + c.Version
	part := compose.Part{
		Services: map[string]*compose.Service{Name: {
			Image:       image,
			Environment: map[string]string{"POSTGRES_PASSWORD": x.Required(AdminSecret)},
			Command:     []string{"postgres", "-c", "max_connections=" + strconv.Itoa(c.MaxConnections)},
			Ports:       []string{"127.0.0.1:5432:5432"},
			Volumes:     []string{"pgdata:/var/lib/postgresql/data"},
			Healthcheck: &compose.Healthcheck{Test: []string{"CMD", "pg_isready", "-U", "postgres"}, Interval: "5s", Retries: 20},
		}},
		Volumes: []string{"pgdata"},
		Files:   []render.File{{Path: "init.sh", Data: []byte(InitScript(c.Databases))}},
	}
	if len(c.Databases) > 0 {
		env := map[string]string{"PGHOST": Name, "PGPASSWORD": x.Required(AdminSecret)}
		for _, db := range c.Databases {
			env[appenv.EnvName(db.Owner)+"_DB_PASSWORD"] = x.Required(c.passwords[db.Owner])
		}
		part.Services[initJob] = &compose.Service{
			Image:       image,
			Command:     []string{"/bin/sh", "/scripts/init.sh"},
			Environment: env,
			Volumes:     []string{"./init.sh:/scripts/init.sh:ro"},
			DependsOn:   map[string]compose.Dependency{Name: {Condition: "service_healthy"}},
			Restart:     "on-failure",
		}
	}
	return part
}

// DependsOn implements compose.Composed: a service that owns a database
// waits for the server and for its database to exist.
func (c *Component) DependsOn(sv plan.Service) map[string]compose.Dependency {
	if sv.Database == "" {
		return nil
	}
	deps := map[string]compose.Dependency{Name: {Condition: "service_healthy"}}
	if len(c.Databases) > 0 {
		deps[initJob] = compose.Dependency{Condition: "service_completed_successfully"}
	}
	return deps
}
