package identityprovider

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

// Vars implements appenv.Configured: a service whose route requires a
// sign-in receives the issuer, its discovery document and the audience,
// so it validates the bearer token itself (where API Management is on it
// has validated it already; the service checks again, as a call may come
// from inside the cluster).
func (x *Component) Vars(_ *plan.Env, sv plan.Service, _ appenv.Hosts) []appenv.Var {
	if !x.Requires(sv.Name) {
		return nil
	}
	return []appenv.Var{{Name: "AUTH_ISSUER", Value: x.Issuer}, {Name: "AUTH_OPENID_CONFIG", Value: x.OpenIDConfig}, {Name: "AUTH_AUDIENCE", Value: x.Audience}}
}
