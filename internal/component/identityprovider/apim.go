package identityprovider

import "fmt"

// InboundPolicy implements apimanagement.Inbound: API Management rejects a
// call without a valid bearer token of the provider (signature by the keys
// of its discovery document, issuer, audience, lifetime) with 401 before
// it reaches the service.
func (x *Component) InboundPolicy(service string) string {
	if !x.Requires(service) {
		return ""
	}
	return fmt.Sprintf(`<validate-jwt header-name="Authorization" require-scheme="Bearer" failed-validation-httpcode="401" failed-validation-error-message="Unauthorized"><openid-config url="%s" /><audiences><audience>%s</audience></audiences><issuers><issuer>%s</issuer></issuers></validate-jwt>`,
		x.OpenIDConfig, x.Audience, x.Issuer)
}
