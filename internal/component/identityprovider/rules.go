package identityprovider

import (
	"fmt"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/component/apimanagement"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "AV018", Family: "availability", Severity: check.Warning,
			Title:     "Authenticated routes on an identity provider without an SLA",
			Rationale: "Every route that requires a sign-in is down when the identity provider is: users get no token and the gateway no signing keys. Without a stated availability the composite leaves the provider out, so the estimate is only an upper bound.",
			Fix:       "State the provider's SLA in backing.identityProvider.availability, or use provider: entraExternalId (99.9%).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if x, ok := plan.Find[*Component](e); ok && x.Provider == OIDC && x.Availability == 0 && len(x.Authenticated) > 0 {
						out = append(out, check.Finding{Env: e.Name, Path: "backing." + Key + ".provider",
							Message: fmt.Sprintf("%d routes require a sign-in at %s, which has no stated availability", len(x.Authenticated), x.Issuer)})
					}
				}
				return out
			}},
		{ID: "SC018", Family: "security", Severity: check.Info,
			Title:     "Tokens validated only in the services",
			Rationale: "Without API Management no gateway checks the bearer token: an unauthenticated request reaches the service's pods, and each service must validate the token itself (signature, issuer, audience, lifetime) without a mistake.",
			Fix:       "Add apiManagement (its validate-jwt policy rejects a call without a valid token before it reaches the cluster), or accept and review each service's validation.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					x, ok := plan.Find[*Component](e)
					if !ok || len(x.Authenticated) == 0 {
						continue
					}
					if _, apim := plan.Find[*apimanagement.Component](e); !apim {
						out = append(out, check.At(e, c, "", "%d routes require a sign-in, and no gateway validates their tokens (no API Management)", len(x.Authenticated)))
					}
				}
				return out
			}},
	}
}
