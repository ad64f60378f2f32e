package azure

// srcPairs is Microsoft's list of region pairs: the region a paired
// region's geo-redundant data (PostgreSQL geo-redundant backups, a Key
// Vault's replica) lives in, and the DR region physarch proposes by
// default. Regions without a pair (italynorth, polandcentral, ...) rely on
// zones; a DR mode there needs dr.region.
var srcPairs = Source{Ref: "learn.microsoft.com/azure/reliability/cross-region-replication-azure (Azure region pairs and nonpaired regions, list of region pairs)", Date: "2026-11-01"}

// PairsSource says where the region pairs come from.
func PairsSource() Source { return srcPairs }

// pairs maps a region to its pair. Most pairs are mutual; a few are one
// way (brazilsoutheast → brazilsouth, westus3 → eastus, westindia →
// southindia), as Microsoft's table marks them.
var pairs = map[string]string{
	"australiacentral": "australiacentral2", "australiacentral2": "australiacentral",
	"australiaeast": "australiasoutheast", "australiasoutheast": "australiaeast",
	"brazilsouth": "southcentralus", "brazilsoutheast": "brazilsouth",
	"canadacentral": "canadaeast", "canadaeast": "canadacentral",
	"centralindia": "southindia", "southindia": "centralindia", "westindia": "southindia",
	"eastasia": "southeastasia", "southeastasia": "eastasia",
	"northeurope": "westeurope", "westeurope": "northeurope",
	"francecentral": "francesouth", "francesouth": "francecentral",
	"germanywestcentral": "germanynorth", "germanynorth": "germanywestcentral",
	"japaneast": "japanwest", "japanwest": "japaneast",
	"jioindiawest": "jioindiacentral", "jioindiacentral": "jioindiawest",
	"koreacentral": "koreasouth", "koreasouth": "koreacentral",
	"norwayeast": "norwaywest", "norwaywest": "norwayeast",
	"southafricanorth": "southafricawest", "southafricawest": "southafricanorth",
	"swedencentral": "swedensouth", "swedensouth": "swedencentral",
	"switzerlandnorth": "switzerlandwest", "switzerlandwest": "switzerlandnorth",
	"uaenorth": "uaecentral", "uaecentral": "uaenorth",
	"uksouth": "ukwest", "ukwest": "uksouth",
	"eastus": "westus", "westus": "eastus",
	"eastus2": "centralus", "centralus": "eastus2",
	"northcentralus": "southcentralus", "southcentralus": "northcentralus",
	"westus2": "westcentralus", "westcentralus": "westus2",
	"westus3": "eastus",
}

// Pair is the region's pair, or "" for a region without one.
func Pair(region string) string { return pairs[region] }
