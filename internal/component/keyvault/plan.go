package keyvault

import (
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the Key Vault block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the environment's vault.
type Component struct {
	// Vault is the vault's name (globally unique, 3–24 characters).
	Vault string
	// Private is whether the vault is reached through a private endpoint
	// only (network.privateEndpoints).
	Private bool
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Plan implements plan.Kind: a vault where the environment keeps its
// secrets in Key Vault.
func (Kind) Plan(c *plan.Context) plan.Component {
	if !plan.Settings[Settings](c, Name).KeyVault {
		return nil
	}
	e := c.Env
	return &Component{
		Vault:   c.Name("Key Vault", naming.KeyVault("kv-"+c.Plan.Name+"-"+e.Name)),
		Private: e.Settings.Network.PrivateEndpoints,
	}
}

// HoldsServiceSecrets implements plan.SecretStore: every service reads its
// secrets from the vault, through a SecretProviderClass of its own.
func (*Component) HoldsServiceSecrets() bool { return true }

// PrivateEndpoints implements plan.Endpointed: one address, for the one
// name the vault subresource publishes (<vault>.privatelink.vaultcore.azure.net;
// Microsoft, "Azure Private Endpoint private DNS zone values",
// learn.microsoft.com/azure/private-link/private-endpoint-dns).
func (*Component) PrivateEndpoints() []plan.PrivateEndpoint {
	return []plan.PrivateEndpoint{{Service: Name, Title: "Key Vault", Subresource: "vault", DNSZone: "privatelink.vaultcore.azure.net", IPs: 1, Ports: []int{plan.PortHTTPS}}}
}
