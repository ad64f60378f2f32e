package azure

import "sort"

// Region is an Azure public-cloud region and how many availability zones
// it offers (0: none). Access-restricted regions are listed too: a design
// may target them, and the zone count still decides what it can hold.
type Region struct {
	Name  string // programmatic name, as armRegionName spells it
	Zones int
}

// srcRegions is the region list physarch checks region names and zone
// support against.
var srcRegions = Source{Ref: "learn.microsoft.com/azure/reliability/regions-list (Azure regions list: availability zone support, programmatic names)", Date: "2026-11-01"}

// RegionsSource says where the region list comes from.
func RegionsSource() Source { return srcRegions }

var regions = []Region{
	{"australiacentral", 0}, {"australiacentral2", 0}, {"australiaeast", 3}, {"australiasoutheast", 0},
	{"austriaeast", 3}, {"belgiumcentral", 3}, {"brazilsouth", 3}, {"brazilsoutheast", 0},
	{"canadacentral", 3}, {"canadaeast", 0}, {"centralindia", 3}, {"centralus", 3},
	{"chilecentral", 3}, {"denmarkeast", 3}, {"eastasia", 3}, {"eastus", 3}, {"eastus2", 3},
	{"francecentral", 3}, {"francesouth", 0}, {"germanynorth", 0}, {"germanywestcentral", 3},
	{"indonesiacentral", 3}, {"israelcentral", 3}, {"italynorth", 3}, {"japaneast", 3},
	{"japanwest", 3}, {"jioindiacentral", 0}, {"jioindiawest", 0}, {"koreacentral", 3},
	{"koreasouth", 0}, {"malaysiawest", 3}, {"mexicocentral", 3}, {"newzealandnorth", 3},
	{"northcentralus", 0}, {"northeurope", 3}, {"norwayeast", 3}, {"norwaywest", 0},
	{"polandcentral", 3}, {"qatarcentral", 3}, {"southafricanorth", 3}, {"southafricawest", 0},
	{"southcentralus", 3}, {"southeastasia", 3}, {"southindia", 0}, {"spaincentral", 3},
	{"swedencentral", 3}, {"swedensouth", 0}, {"switzerlandnorth", 3}, {"switzerlandwest", 0},
	{"uaecentral", 0}, {"uaenorth", 3}, {"uksouth", 3}, {"ukwest", 0}, {"westcentralus", 0},
	{"westeurope", 3}, {"westindia", 0}, {"westus", 0}, {"westus2", 3}, {"westus3", 3},
}

// LookupRegion finds a region by its programmatic name.
func LookupRegion(name string) (Region, bool) {
	i := sort.Search(len(regions), func(i int) bool { return regions[i].Name >= name })
	if i < len(regions) && regions[i].Name == name {
		return regions[i], true
	}
	return Region{}, false
}

// RegionNames lists every region the catalog knows, sorted, for hints.
func RegionNames() []string {
	out := make([]string, len(regions))
	for i, r := range regions {
		out[i] = r.Name
	}
	return out
}

// Holds reports whether the region can place a design across zones
// availability zones: a region without zones still holds a one-zone
// design (its one datacenter), never two or three.
func (r Region) Holds(zones int) bool { return zones <= max(r.Zones, 1) }
