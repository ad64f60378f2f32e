// Package keyvault is the Key Vault building block: where the services'
// secrets live outside the cluster (security.keyVault). It owns every
// facet of the block: its spec key, the vault's name, its private
// endpoint, the per-service SecretProviderClasses and CSI volumes the
// Secrets Store CSI driver syncs the secrets through, the cluster's
// secrets provider add-on, the vault and its per-secret role assignments
// in Terraform, its cost line, document sections, diagram nodes and check
// rules. Without it the secrets live in a Kubernetes Secret the user
// creates.
package keyvault

import (
	"reflect"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name and its ID.
const Name = "keyvault"

// Settings are environments[].security: the block owns its keyVault key.
type Settings struct {
	KeyVault bool `yaml:"keyVault" jsonschema_description:"keep the services' secrets in Azure Key Vault (Secrets Store CSI driver)"`
}

// Profile defaults: dev keeps secrets in a Kubernetes Secret, prod in Key
// Vault.
const (
	devProfile  = "keyVault: false\n"
	prodProfile = "keyVault: true\n"
)

func section() spec.Section {
	return spec.Section{
		Kind:        Name,
		SettingsKey: "security", Settings: reflect.TypeFor[Settings](),
		Profiles: map[string]string{"dev": devProfile, "prod": prodProfile},
	}
}
