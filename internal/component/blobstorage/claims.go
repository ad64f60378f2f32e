package blobstorage

import (
	"strconv"

	"github.com/physarch/physarch/internal/render/claim"
)

// tfAccount is the storage account's Terraform address.
const tfAccount = "azurerm_storage_account.blob"

// networkAt locates the closed public access, or the account's public
// default.
func (c *Component) networkAt() claim.Locator {
	if c.endpoint {
		return claim.TF(tfAccount, "public_network_access_enabled").Is("false")
	}
	return claim.TF(tfAccount, "")
}

// softDeleteAt locates the blobs' retention policy, or its absence.
func (c *Component) softDeleteAt() claim.Locator {
	if c.SoftDeleteDays > 0 {
		return claim.TF(tfAccount, "blob_properties.delete_retention_policy.days").Is(strconv.Itoa(c.SoftDeleteDays))
	}
	return claim.TF(tfAccount, "blob_properties")
}
