package identityprovider

import (
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/plan"
)

// RouteLinks implements availability.RouteLinked: a route that requires
// a sign-in waits on the provider (a user without a token gets none, and
// the gateway reads the provider's signing keys), but only that route: a
// service called by another is reached with the caller's token, not a new
// sign-in.
func (x *Component) RouteLinks(_ *plan.Env, sv plan.Service) []availability.PathLink {
	if !x.Requires(sv.Name) {
		return nil
	}
	if x.Provider == ExternalID {
		return []availability.PathLink{{Name: "Entra External ID", Config: x.Tenant + ".ciamlogin.com", Key: "identity/entraExternalId"}}
	}
	l := availability.PathLink{Name: "Identity provider", Config: x.Issuer, Key: "identity/oidc"}
	if x.Availability > 0 {
		l.Stated, l.StatedSource = x.Availability, "physarch.yaml backing.identityProvider.availability"
	}
	return []availability.PathLink{l}
}
