package servicebus

import (
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

// Vars implements appenv.Configured: the namespace and the destinations
// the service sends to and receives from (the connection string is its
// own secret).
func (c *Component) Vars(_ *plan.Env, sv plan.Service, _ appenv.Hosts) []appenv.Var {
	if !c.messaging(sv) {
		return nil
	}
	vars := []appenv.Var{{Name: "SERVICEBUS_NAMESPACE", Value: c.FQDN()}}
	if p := c.own(sv.Produces); len(p) > 0 {
		vars = append(vars, appenv.Var{Name: "SERVICEBUS_PRODUCES", Value: strings.Join(p, ",")})
	}
	if r := c.own(sv.Consumes); len(r) > 0 {
		vars = append(vars, appenv.Var{Name: "SERVICEBUS_CONSUMES", Value: strings.Join(r, ",")})
	}
	if sub, ok := c.Subscriptions[sv.Name]; ok {
		// The subscription Terraform creates on each topic it consumes.
		vars = append(vars, appenv.Var{Name: "SERVICEBUS_SUBSCRIPTION", Value: sub})
	}
	return vars
}
