package identityprovider

import (
	"slices"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// FreeMAU is Entra External ID's free tier: the first 50,000 monthly
// active users of a month cost nothing (Microsoft Learn, "Microsoft Entra
// External ID pricing and billing overview"; the price catalog's tier
// boundary says the same).
const FreeMAU = 50_000

// Kind is the identity provider block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the identity provider as one environment uses it.
type Component struct {
	Provider string // ExternalID or OIDC
	// Tenant is the external tenant's subdomain (ExternalID).
	Tenant string
	// Issuer is the tokens' issuer, OpenIDConfig its discovery document
	// (which API Management's validate-jwt reads), Audience the audience
	// the services' tokens must carry.
	Issuer, OpenIDConfig, Audience string
	// Authenticated are the routed services whose routes require a
	// sign-in, in spec order; Anonymous those that do not.
	Authenticated, Anonymous []string
	// MAU is the month's active users; MAUStated says the spec gives it
	// (else it is the environment's peak concurrent users, a lower bound).
	MAU       int
	MAUStated bool
	// Availability is an external provider's stated SLA (0: none).
	Availability float64
	// App is the app registration's display name; Region the system's
	// (where the external tenant's data is kept).
	App, Region string
	route       map[string]string
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Plan implements plan.Kind.
func (Kind) Plan(c *plan.Context) plan.Component {
	b, ok := plan.Backing[Backing](c, Name)
	if !ok {
		return nil
	}
	st := plan.Settings[Settings](c, Name)
	x := &Component{Provider: b.Provider, Tenant: b.Tenant, Audience: b.Audience, Availability: b.Availability, App: c.Plan.Name + "-api", Region: c.Plan.Region, route: map[string]string{}}
	if x.Audience == "" {
		x.Audience = "api://" + c.Plan.Name
	}
	switch b.Provider {
	case ExternalID:
		// External tenants issue from <tenant>.ciamlogin.com with the
		// tenant's initial domain in the path (Microsoft Learn, "Token
		// validation in external tenants").
		x.Issuer = "https://" + b.Tenant + ".ciamlogin.com/" + b.Tenant + ".onmicrosoft.com/v2.0"
	default:
		x.Issuer = strings.TrimRight(b.Issuer, "/")
	}
	x.OpenIDConfig = x.Issuer + "/.well-known/openid-configuration"
	for _, sv := range c.Plan.Services {
		if sv.Route == "" {
			continue
		}
		x.route[sv.Name] = sv.Route
		if slices.Contains(b.Anonymous, sv.Name) {
			x.Anonymous = append(x.Anonymous, sv.Name)
		} else {
			x.Authenticated = append(x.Authenticated, sv.Name)
		}
	}
	x.MAU, x.MAUStated = c.Env.Settings.Targets.Users, st.MonthlyActiveUsers > 0
	if x.MAUStated {
		x.MAU = st.MonthlyActiveUsers
	}
	return x
}

// Requires reports whether a service's route requires a sign-in.
func (x *Component) Requires(service string) bool { return slices.Contains(x.Authenticated, service) }

// Title names the provider.
func (x *Component) Title() string {
	if x.Provider == ExternalID {
		return "Microsoft Entra External ID"
	}
	return "OpenID Connect " + x.Issuer
}

// OverFree reports the monthly active users beyond the free tier.
func (x *Component) OverFree() int {
	if x.Provider != ExternalID || x.MAU <= FreeMAU {
		return 0
	}
	return x.MAU - FreeMAU
}
