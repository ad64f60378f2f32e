package azuresql

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/compose"
)

// composeInit is the file compose mounts into its init container.
const composeInit = "azuresql-init.sh"

// Compose implements compose.Composed: SQL Server (Developer edition) in a
// container with a named volume, and the same init script the Kubernetes
// Job runs, whatever the environment runs (Azure SQL Database has no
// local emulator).
func (c *Component) Compose(x compose.Context) compose.Part {
	ready := `SQLCMDPASSWORD="$$MSSQL_SA_PASSWORD" ` + sqlcmd + ` -S 127.0.0.1 -U sa -C -b -Q "SELECT 1" -o /dev/null`
	part := compose.Part{
		Services: map[string]*compose.Service{Name: {
			Image: c.Image,
			Environment: map[string]string{"ACCEPT_EULA": "Y", "MSSQL_PID": "Developer", "MSSQL_COLLATION": c.Collation,
				"MSSQL_SA_PASSWORD": x.Required(AdminSecret)},
			Ports:       []string{"127.0.0.1:1433:1433"},
			Volumes:     []string{"mssqldata:" + dataDir},
			Healthcheck: &compose.Healthcheck{Test: []string{"CMD-SHELL", ready}, Interval: "10s", Retries: 30},
		}},
		Volumes: []string{"mssqldata"},
		Files:   []render.File{{Path: composeInit, Data: []byte(InitScript(c))}},
	}
	env := map[string]string{"SQLHOST": Name, "SQLCMDPASSWORD": x.Required(AdminSecret)}
	for _, db := range c.Databases {
		env[passwordEnv(db.Owner)] = x.Required(db.Password)
	}
	part.Services[initJob] = &compose.Service{
		Image:       c.Image,
		Command:     []string{"/bin/sh", "/scripts/init.sh"},
		Environment: env,
		Volumes:     []string{"./" + composeInit + ":/scripts/init.sh:ro"},
		DependsOn:   map[string]compose.Dependency{Name: {Condition: "service_healthy"}},
		Restart:     "on-failure",
	}
	return part
}

// DependsOn implements compose.Composed: a service that owns a database
// waits for the server and for its database to exist.
func (c *Component) DependsOn(sv plan.Service) map[string]compose.Dependency {
	if _, ok := c.database(sv.Name); !ok {
		return nil
	}
	return map[string]compose.Dependency{Name: {Condition: "service_healthy"}, initJob: {Condition: "service_completed_successfully"}}
}
