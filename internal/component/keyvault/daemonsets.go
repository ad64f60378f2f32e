package keyvault

import "github.com/physarch/physarch/internal/catalog/azure"

// DaemonSetGroups implements plan.NodeAgented: the cluster's
// key_vault_secrets_provider runs the Secrets Store CSI driver and its
// Azure provider on every node.
func (*Component) DaemonSetGroups() []string { return []string{azure.DSKeyVaultCSI} }
