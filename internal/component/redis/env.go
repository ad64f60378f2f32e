package redis

import (
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

// Vars implements appenv.Configured: where the cache is and whether it
// speaks TLS (the password is its own secret). Locally (compose) the
// cache is a plain container whatever the environment runs.
func (c *Component) Vars(_ *plan.Env, sv plan.Service, h appenv.Hosts) []appenv.Var {
	if !sv.Cache {
		return nil
	}
	port, tls := c.Port, c.TLS
	if h.Local != nil {
		port, tls = PortPlain, false
	}
	return []appenv.Var{{Name: "REDIS_HOST", Value: h.Of(Name, c.Host)}, {Name: "REDIS_PORT", Value: strconv.Itoa(port)},
		{Name: "REDIS_SSL", Value: strconv.FormatBool(tls)}}
}
