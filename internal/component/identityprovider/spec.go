// Package identityprovider is the end-user identity provider building block
// (backing.identityProvider): Microsoft Entra External ID (the successor
// of Azure AD B2C) or an external OpenID Connect provider that signs in
// the system's users. It owns the spec section, the plan (issuer, the
// routes that require a sign-in, monthly active users), the MAU cost line,
// the SLA on the authenticated routes, the API Management validate-jwt
// policy, the manual steps azurerm cannot take (an external tenant and
// its app registration), the document rows, the diagram's external actor
// and the rules.
package identityprovider

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's ID; Key its backing and settings key.
const (
	Name = "identityprovider"
	Key  = "identityProvider"
)

// Providers.
const (
	ExternalID = "entraExternalId"
	OIDC       = "oidc"
)

// Backing is backing.identityProvider: who signs the users in, and which
// routes need it.
type Backing struct {
	Provider string `yaml:"provider" jsonschema:"required" jsonschema_description:"entraExternalId (Microsoft Entra External ID, an external tenant) or oidc (an external OpenID Connect provider)"`
	Tenant   string `yaml:"tenant" jsonschema_description:"entraExternalId: the external tenant's subdomain (<tenant>.ciamlogin.com)"`
	Issuer   string `yaml:"issuer" jsonschema_description:"oidc: the provider's issuer URL (https), whose /.well-known/openid-configuration the gateway reads"`
	Audience string `yaml:"audience" jsonschema_description:"the audience the tokens carry (default api://<metadata.name>)"`
	// Anonymous are the routed services whose routes need no sign-in;
	// every other routed service requires one.
	Anonymous    []string `yaml:"anonymous" jsonschema_description:"routed services whose routes need no sign-in (default: every routed service requires one)"`
	Availability float64  `yaml:"availability" jsonschema_description:"oidc: the provider's stated availability in percent (none: no SLA on the authenticated routes)"`
}

// tenantName is an external tenant's subdomain: Microsoft's rule for the
// initial domain (letters and digits, up to 26 characters).
var tenantName = spec.Pattern(`^[a-z0-9]{1,26}$`, 26, "1 to 26 lowercase letters and digits, the subdomain of <tenant>.ciamlogin.com")

// FieldRules constrains the backing section.
func (Backing) FieldRules() spec.Rules {
	svc := spec.Pattern(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`, 63, "a service name")
	return spec.Rules{
		"provider":     spec.OneOf(ExternalID, OIDC),
		"tenant":       tenantName,
		"issuer":       spec.Pattern(`^https://[^\s"'<>]+$`, 500, "an https URL such as https://login.example.com/realms/shop"),
		"audience":     spec.Pattern(`^[^\s"'<>]+$`, 200, "a token audience such as api://shop (no spaces or quotes)"),
		"anonymous":    {MaxItems: 100, Items: &svc, Hint: "names of routed services"},
		"availability": spec.Percent().WithHint("percent, such as 99.95 (the provider's SLA)"),
	}
}

// Settings are environments[].identityProvider.
type Settings struct {
	MonthlyActiveUsers int `yaml:"monthlyActiveUsers" jsonschema_description:"users who sign in at least once a month (default: the environment's targets.users, a lower bound)"`
}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{"monthlyActiveUsers": spec.Between(0, spec.MaxUsers).WithHint("users, from 0 to 100,000,000")}
}

func section() spec.Section {
	return spec.Section{
		Kind:       Name,
		BackingKey: Key, Backing: reflect.TypeFor[Backing](),
		SettingsKey: Key, Settings: reflect.TypeFor[Settings](),
		Validate: validate,
	}
}

// validate checks the provider's own keys and the anonymous services.
func validate(v *spec.Validation) {
	s := v.Spec()
	b, ok := spec.Block[Backing](s.Backing.Blocks, Name)
	if !ok || v.Failed("backing."+Key+".provider") {
		return
	}
	p := "backing." + Key
	switch b.Provider {
	case ExternalID:
		if b.Tenant == "" && !v.Failed(p+".tenant") {
			v.Fail(p, "add tenant: <subdomain> (the external tenant's <tenant>.ciamlogin.com)", "Entra External ID needs its external tenant")
		}
		if b.Issuer != "" {
			v.Fail(p+".issuer", "remove issuer: Entra External ID's issuer follows from tenant", "issuer is for provider oidc")
		}
		if b.Availability != 0 {
			v.Fail(p+".availability", "remove availability: Entra External ID's SLA is in the catalog", "availability is for provider oidc")
		}
	case OIDC:
		if b.Issuer == "" && !v.Failed(p+".issuer") {
			v.Fail(p, "add issuer: https://... (the provider's issuer URL)", "an OpenID Connect provider needs its issuer")
		}
		if b.Tenant != "" {
			v.Fail(p+".tenant", "remove tenant, or set provider: entraExternalId", "tenant is for provider entraExternalId")
		}
	}
	var routed []string
	for _, sv := range s.Services {
		if sv.Route != "" {
			routed = append(routed, sv.Name)
		}
	}
	for i, a := range b.Anonymous {
		ap := fmt.Sprintf("%s.anonymous[%d]", p, i)
		if !v.Failed(ap) && !slices.Contains(routed, a) {
			v.Fail(ap, v.DidYouMean("routed services", a, routed, "routed: "+fmt.Sprint(routed)), "anonymous names %q, which is no routed service", a)
		}
	}
}
