// Package agc is the Application Gateway for Containers building block:
// the traffic controller (azurerm_application_load_balancer), its
// frontend and its association with a delegated /24 of its own
// (Microsoft.ServiceNetworking/trafficControllers), the ALB controller's
// identity with its federated credential and roles, and the Gateway API
// objects it routes by (a Gateway bound to the frontend, one HTTPRoute
// per namespace with routes). ingress.controller: agc selects it (the
// ingress block owns that key and the domain); it reads the gateway
// block's endToEndTLS and rateLimitPerMinute, which mean the same here,
// and owns agcCapacityUnits. Behind Front Door it is Front Door's origin,
// and its routes match only requests carrying this profile's
// X-Azure-FDID.
package agc

import (
	"fmt"
	"reflect"

	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/frontdoor"
	"github.com/physarch/physarch/internal/component/ingress"
	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name.
const Name = "agc"

// subnetRole is the association subnet.
const subnetRole = "agc"

// Settings are the block's keys of environments[].ingress.
type Settings struct {
	// CapacityUnits is what the traffic controller is expected to use an
	// hour (a capacity unit is 2,500 persistent connections or 2.22 Mbps,
	// whichever is higher): a statement of the load, priced as given,
	// since the plan knows requests but not connections or bytes.
	CapacityUnits int `yaml:"agcCapacityUnits" jsonschema_description:"capacity units Application Gateway for Containers is expected to use an hour (one is 2,500 persistent connections or 2.22 Mbps); priced as stated"`
}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"agcCapacityUnits": spec.Between(1, 10000).WithHint("capacity units an hour, at least 1 (Microsoft's pricing examples use 2 to 46)"),
	}
}

// Profile defaults: one capacity unit in dev, five in prod (Microsoft's
// first pricing example).
const (
	devProfile  = "agcCapacityUnits: 1\n"
	prodProfile = "agcCapacityUnits: 5\n"
)

func section() spec.Section {
	return spec.Section{
		Kind:        Name,
		SettingsKey: "ingress", Settings: reflect.TypeFor[Settings](),
		Profiles:    map[string]string{"dev": devProfile, "prod": prodProfile},
		SubnetRoles: []string{subnetRole},
		Validate:    validate,
	}
}

// Of is an environment's settings.
func Of(e spec.Environment) Settings {
	if st, ok := spec.Block[Settings](e.Blocks, Name); ok {
		return *st
	}
	return Settings{}
}

// fronted reports whether the environment puts Front Door in front.
func fronted(e spec.Environment) bool {
	st, ok := spec.Block[frontdoor.Settings](e.Blocks, frontdoor.Name)
	return ok && st.FrontDoor != "" && st.FrontDoor != "none"
}

// validate refuses the gateway settings AGC cannot realise: its WAF is a
// WebApplicationFirewallPolicy of the ALB controller, which physarch does
// not write, and a per-client rate limit only Front Door enforces in
// front of it.
func validate(v *spec.Validation) {
	for i, e := range v.Spec().Environments {
		if e.Profile == "" || ingress.Of(e).Controller != ingress.AGC {
			continue
		}
		p := fmt.Sprintf("environments[%d].ingress", i)
		gw := appgateway.Of(e)
		if gw.WAF {
			v.Fail(p+".waf", "set waf: false; with frontDoor: Premium Front Door's WAF runs Microsoft's managed rule sets in front of it",
				"controller agc has no WAF physarch can write (Application Gateway for Containers' WAF is a policy of the ALB controller)")
		}
		if gw.RateLimitPerMinute > 0 && !fronted(e) {
			v.Fail(p+".rateLimitPerMinute", "put Front Door in front (ingress.frontDoor: Standard), which limits each client, or set rateLimitPerMinute: 0",
				"controller agc cannot limit a client's rate without Front Door in front")
		}
	}
}
