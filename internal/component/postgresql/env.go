package postgresql

import (
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

// Vars implements appenv.Configured: where a service's database is and
// who it logs in as (the password is its own secret).
func (c *Component) Vars(_ *plan.Env, sv plan.Service, h appenv.Hosts) []appenv.Var {
	if sv.Database == "" {
		return nil
	}
	// TLS to the managed server; the pod (and compose's container, which
	// stands in for it on a developer's machine) speaks plain TCP.
	ssl := "disable"
	if c.Flexible() && h.Local == nil {
		ssl = "require"
	}
	vars := []appenv.Var{
		{Name: "DB_HOST", Value: h.Of(Name, c.FQDN)}, {Name: "DB_PORT", Value: strconv.Itoa(Port)},
		{Name: "DB_NAME", Value: c.database(sv.Name)}, {Name: "DB_USERNAME", Value: appenv.DBUser(sv.Name)}, {Name: "DB_SSLMODE", Value: ssl},
		// The pool size CP003 counts against max_connections: it reaches
		// the container, or the count would be a guess.
		{Name: "DB_POOL_SIZE", Value: strconv.Itoa(sv.DBPool)},
	}
	if strings.HasPrefix(sv.Runtime, "java") {
		// Spring Boot binds it to spring.datasource.hikari.maximum-pool-size
		// (relaxed binding), so a Spring service needs no mapping of its own.
		vars = append(vars, appenv.Var{Name: "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", Value: strconv.Itoa(sv.DBPool)})
	}
	return vars
}
