// Package frontdoor is the Azure Front Door building block
// (ingress.frontDoor: Standard or Premium): the global edge in front of the
// Application Gateway, serving the public host name and forwarding to the
// gateway's public address (HTTPS with the certificate's name checked
// where the gateway has end-to-end TLS), with a WAF policy of its own that
// limits each client's rate (only Front Door sees the client's address).
// It owns every facet of the block: names, its NSG service tag and profile
// id for the gateway, cost line, SLA link, Terraform, document lines,
// diagram node and check rule.
package frontdoor

import (
	"reflect"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name and its ID.
const Name = "frontdoor"

// Settings are Front Door's key of environments[].ingress.
type Settings struct {
	FrontDoor string `yaml:"frontDoor" jsonschema_description:"Front Door tier in front of the gateway, or none"`
}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{"frontDoor": spec.OneOf("none", "Standard", "Premium")}
}

// Profile defaults: none in dev, Standard in prod.
const (
	devProfile  = "frontDoor: none\n"
	prodProfile = "frontDoor: Standard\n"
)

func section() spec.Section {
	return spec.Section{
		Kind:        Name,
		SettingsKey: "ingress", Settings: reflect.TypeFor[Settings](),
		Profiles: map[string]string{"dev": devProfile, "prod": prodProfile},
	}
}
