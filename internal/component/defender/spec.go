// Package defender is the Microsoft Defender for Containers building
// block (security.defender): the Defender plan on the subscription
// (azurerm_security_center_subscription_pricing, resource type
// Containers) and, where the environment has a Log Analytics workspace,
// the Defender sensor on the cluster (its microsoft_defender profile). It
// owns every facet of the block: its spec key, Terraform, the cost line
// (per vCore of the cluster's nodes), the documents' lines and its rule.
package defender

import (
	"reflect"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name and its ID.
const Name = "defender"

// Settings are the block's key of environments[].security.
type Settings struct {
	Defender bool `yaml:"defender" jsonschema_description:"Microsoft Defender for Containers: the subscription's plan and the cluster's sensor"`
}

// Profile defaults: prod is protected, dev is not (the plan bills every
// vCore of every cluster in the subscription).
const (
	devProfile  = "defender: false\n"
	prodProfile = "defender: true\n"
)

func section() spec.Section {
	return spec.Section{
		Kind:        Name,
		SettingsKey: "security", Settings: reflect.TypeFor[Settings](),
		Profiles: map[string]string{"dev": devProfile, "prod": prodProfile},
	}
}
