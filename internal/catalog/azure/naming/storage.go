package naming

// Blob Storage's own names, besides the storage account (azure.go).

// Microsoft.Storage/storageAccounts/blobServices/containers: 3–63;
// lowercase letters, digits and hyphens; start with a letter or digit;
// every hyphen preceded and followed by a letter or digit, so no
// consecutive hyphens and none at the end (Microsoft's "Naming and
// referencing containers, blobs, and metadata", the REST API's pattern
// ^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$, and azurerm storage/validate
// StorageContainerName). The name is part of every blob's URL.
var storageContainer = Rule{Kind: "storage container", Min: 3, Max: 63, chars: lower | digit | hyphen, first: lower | digit, last: lower | digit, noDoubleHyphen: true,
	Source: "learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata; " + msRules + " (Microsoft.Storage/storageAccounts/blobServices/containers); azurerm StorageContainerName"}

// StorageContainer derives a blob container name.
func StorageContainer(wanted string) Name { return storageContainer.Derive(wanted) }

// StorageContainerRule is the blob container rule, for the spec's check of
// a name the user writes (a container is named in code, so physarch
// refuses a name the platform would reject rather than deriving one).
func StorageContainerRule() Rule { return storageContainer }
