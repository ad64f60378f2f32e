// Package bastion is the operator-access building block: the way into a
// private cluster, registry and vault from outside the VNet. Azure Bastion
// (Basic or Standard) in AzureBastionSubnet with its public IP and the NSG
// rules Bastion requires, a management subnet with a small Linux jump host
// (no public IP, Entra ID login) from which kubectl, az aks command invoke,
// az keyvault and docker reach the private endpoints, and optionally an
// empty subnet for self-hosted CI runners. environments[].operatorAccess turns it
// on; by default production gets Bastion Standard and a jump host wherever
// the cluster is private. It owns every facet of the block: its spec key,
// names, subnets, NSG rules, cost lines, Terraform, the documents' operator
// access section with its exact commands, diagram nodes and check rules.
package bastion

import (
	"reflect"

	"github.com/physarch/physarch/internal/spec"
)

// Name is the block's name and its ID.
const Name = "bastion"

// The subnets' roles.
const (
	bastionRole    = "bastion"
	managementRole = "management"
	runnerRole     = "runner"
)

// Tiers of environments[].operatorAccess.bastion. Auto is Standard where the
// cluster is private and none where it is public: a public API server is
// reachable without one.
const (
	Auto     = "auto"
	None     = "none"
	Basic    = "Basic"
	Standard = "Standard"
)

// Settings are environments[].operatorAccess.
type Settings struct {
	Bastion      string `yaml:"bastion" jsonschema_description:"Azure Bastion tier: auto (Standard where the cluster is private, none where it is public), none, Basic (portal only) or Standard (native client: az network bastion ssh and tunnel)"`
	JumpHost     bool   `yaml:"jumpHost" jsonschema_description:"a Linux jump host (Standard_B2s, no public IP) in a management subnet behind the Bastion, with the Azure CLI, kubectl and docker"`
	RunnerSubnet bool   `yaml:"runnerSubnet" jsonschema_description:"an empty /28 subnet for self-hosted CI runners (you install the runners)"`
}

// FieldRules constrains the settings.
func (Settings) FieldRules() spec.Rules {
	return spec.Rules{
		"bastion": spec.OneOf(Auto, None, Basic, Standard).WithHint("auto, none, Basic or Standard (Standard for az network bastion ssh and tunnel)"),
	}
}

// Profile defaults: dev's cluster is public (kubectl reaches it), prod's
// private one gets Bastion Standard and a jump host.
const (
	devProfile = `bastion: none
jumpHost: false
runnerSubnet: false
`
	prodProfile = `bastion: auto
jumpHost: true
runnerSubnet: false
`
)

func section() spec.Section {
	return spec.Section{
		Kind:        Name,
		SettingsKey: "operatorAccess", Settings: reflect.TypeFor[Settings](),
		Profiles:    map[string]string{"dev": devProfile, "prod": prodProfile},
		SubnetRoles: []string{bastionRole, managementRole, runnerRole},
	}
}

// Of is an environment's access settings.
func Of(e spec.Environment) Settings {
	if st, ok := spec.Block[Settings](e.Blocks, Name); ok {
		return *st
	}
	return Settings{}
}

// Tier is the Bastion tier an environment runs: auto resolved against the
// cluster's privacy; "" for none.
func Tier(e spec.Environment) string {
	switch t := Of(e).Bastion; t {
	case Auto:
		if e.AKS.PrivateCluster {
			return Standard
		}
		return ""
	case None:
		return ""
	default:
		return t
	}
}
