package azure

// StorageClass is one of the storage classes AKS creates in every
// cluster, as AKS defines it: the pods' volumes get exactly this, so the
// documents print it rather than what physarch would like it to be.
type StorageClass struct {
	Name, Provisioner, SKU, ReclaimPolicy string
	Source                                Source
}

// srcAKSDisks is AKS's table of built-in Azure Disk storage classes:
// managed-csi (StandardSSD_LRS) and managed-csi-premium (Premium_LRS),
// both with "a reclaim policy that deletes the underlying Azure Disk when
// the persistent volume that used it is deleted".
var srcAKSDisks = Source{Ref: "learn.microsoft.com/azure/aks/azure-csi-disk-storage-provision (built-in storage classes)", Date: "2026-12-01"}

var aksStorageClasses = []StorageClass{
	{Name: "managed-csi", Provisioner: "disk.csi.azure.com", SKU: "StandardSSD_LRS", ReclaimPolicy: "Delete", Source: srcAKSDisks},
	{Name: "managed-csi-premium", Provisioner: "disk.csi.azure.com", SKU: "Premium_LRS", ReclaimPolicy: "Delete", Source: srcAKSDisks},
}

// LookupAKSStorageClass returns a built-in AKS storage class by name;
// false for a class the cluster does not create by itself.
func LookupAKSStorageClass(name string) (StorageClass, bool) {
	for _, c := range aksStorageClasses {
		if c.Name == name {
			return c, true
		}
	}
	return StorageClass{}, false
}
