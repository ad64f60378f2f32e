package cosmosdb

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

// Vars implements appenv.Configured: where the account is, which API it
// speaks, and the database and containers the service uses (the key is
// its own secret). The API for NoSQL is reached in gateway mode, over
// HTTPS on 443 only: direct mode would need ports the network policies
// and NSG rules do not open. Locally (compose) a mongo pod becomes a
// container; a managed account stays where it is.
func (c *Component) Vars(_ *plan.Env, sv plan.Service, h appenv.Hosts) []appenv.Var {
	u, ok := c.users[sv.Name]
	if !ok {
		return nil
	}
	host := c.Host
	if c.Pod != nil {
		host = h.Of(Name, c.Host)
	}
	vars := []appenv.Var{{Name: "COSMOS_API", Value: c.API}}
	if c.API == "NoSQL" {
		vars = append(vars, appenv.Var{Name: "COSMOS_ENDPOINT", Value: fmt.Sprintf("https://%s:%d/", host, c.Port)}, appenv.Var{Name: "COSMOS_CONNECTION_MODE", Value: "Gateway"})
	} else {
		user := c.Account
		if c.Pod != nil {
			user = "root"
		}
		vars = append(vars, appenv.Var{Name: "COSMOS_HOST", Value: host}, appenv.Var{Name: "COSMOS_PORT", Value: strconv.Itoa(c.Port)},
			appenv.Var{Name: "COSMOS_USERNAME", Value: user}, appenv.Var{Name: "COSMOS_TLS", Value: strconv.FormatBool(c.Pod == nil)})
	}
	return append(vars, appenv.Var{Name: "COSMOS_DATABASE", Value: strings.Join(c.databasesOf(u), ",")},
		appenv.Var{Name: "COSMOS_CONTAINERS", Value: strings.Join(u.Containers, ",")})
}

// databasesOf lists the databases of a service's containers, in the
// order the spec declares them.
func (c *Component) databasesOf(u *User) []string {
	var out []string
	for _, db := range c.Databases {
		for _, ct := range db.Containers {
			if contains(u.Containers, ct.Name) {
				out = append(out, db.Name)
				break
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
