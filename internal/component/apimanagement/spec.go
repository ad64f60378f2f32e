// Package apimanagement is the Azure API Management building block
// (environments[].apiManagement): an API gateway in front of the routed
// services. Developer and Premium run in internal VNet mode (injected
// into a /27 of their own, with the NSG rules API Management requires);
// Standard v2 keeps its public gateway and reaches the services through
// VNet integration (outbound only). Each routed service is one API with a
// backend: an internal load balancer Service in the cluster with a fixed
// address in a small subnet of the block's own, so the gateway reaches
// the pods without passing the public entry. It owns every facet of the
// block: names, subnets, NSG rules, cost lines, SLA link, the load
// balancer Services and the policy peer, Terraform, document sections,
// diagram nodes and check rules.
package apimanagement

import (
	"fmt"
	"reflect"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name and its ID.
const Name = "apimanagement"

// Subnet roles: the gateway's own (internal mode or VNet integration)
// and the one the backends' internal load balancers take their
// addresses from.
const (
	subnetRole   = "apim"
	backendsRole = "apibackends"
)

// Tiers.
const (
	Developer  = "Developer"
	StandardV2 = "StandardV2"
	Premium    = "Premium"
)

// Settings are environments[].apiManagement.
type Settings struct {
	Tier           string `yaml:"tier" jsonschema_description:"API Management tier on the request path (Developer, StandardV2, Premium), or none"`
	Units          int    `yaml:"units" jsonschema_description:"scale units: Developer 1, Standard v2 up to 10, Premium up to 12 per region"`
	PublisherEmail string `yaml:"publisherEmail" jsonschema_description:"the publisher address API Management sends its notifications to (required by Azure)"`
}

// maxUnits is each tier's most units in one region (Microsoft's "API
// Management limits": Developer 1, Standard v2 10, Premium 12 per region
// without a support request).
var maxUnits = map[string]int{Developer: 1, StandardV2: 10, Premium: 12}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"tier":           spec.OneOf("none", Developer, StandardV2, Premium),
		"units":          spec.Between(1, 12).WithHint("1 unit on Developer, up to 10 on Standard v2, up to 12 on Premium"),
		"publisherEmail": spec.Pattern(`^[^@\s]+@[^@\s]+\.[^@\s]+$`, 100, "an address such as api-team@example.com (at most 100 characters)"),
	}
}

// Profile defaults: off everywhere; an environment turns it on with a
// tier.
const profile = "tier: none\nunits: 1\n"

func section() spec.Section {
	return spec.Section{
		Kind:        Name,
		SettingsKey: "apiManagement", Settings: reflect.TypeFor[Settings](),
		Profiles:    map[string]string{"dev": profile, "prod": profile},
		SubnetRoles: []string{subnetRole, backendsRole},
		Validate:    validate,
	}
}

// Of is an environment's API Management settings.
func Of(e spec.Environment) Settings {
	if st, ok := spec.Block[Settings](e.Blocks, Name); ok {
		return *st
	}
	return Settings{}
}

// On reports whether the settings turn API Management on.
func (s Settings) On() bool { return s.Tier != "" && s.Tier != "none" }

// validate checks the settings against each other and the services: a
// tier's unit limit, the publisher address Azure requires, and at least
// one routed service to be an API.
func validate(v *spec.Validation) {
	routed, on := false, false
	for _, e := range v.Spec().Environments {
		on = on || e.Profile != "" && Of(e).On()
	}
	for j, sv := range v.Spec().Services {
		routed = routed || sv.Route != ""
		if on && sv.Route != "" && sv.Namespace != "" {
			// The backends' load balancer Services are written with the
			// environment's own objects, in its namespace.
			v.Fail(fmt.Sprintf("services[%d].namespace", j), "run routed services in the environment's namespace while API Management is on",
				"API Management reaches routed services only in the environment's own namespace, not in group %q", sv.Namespace)
		}
	}
	for i, e := range v.Spec().Environments {
		st := Of(e)
		if e.Profile == "" || !st.On() {
			continue
		}
		p := fmt.Sprintf("environments[%d].apiManagement", i)
		if max, known := maxUnits[st.Tier]; known && st.Units > max {
			v.Fail(p+".units", fmt.Sprintf("use at most %d, or tier Premium for more", max), "API Management %s has at most %d units, not %d", st.Tier, max, st.Units)
		}
		if st.PublisherEmail == "" {
			v.Fail(p+".tier", "add publisherEmail: <address> next to the tier", "API Management needs a publisher address (Azure sends its notifications there)")
		}
		if !routed {
			v.Fail(p+".tier", "give a service a route, or set tier: none", "API Management has no API: no service has a route")
		}
	}
}
