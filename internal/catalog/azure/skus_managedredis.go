package azure

import "fmt"

// Azure Managed Redis sizes. The size tables of Microsoft's overview and
// architecture pages list each tier's sizes in GB and vCPUs in ascending
// order without naming them; the provider's sku_name list names the same
// number of sizes per tier in the same order, and the AMR team's SKU
// mapping names each size with its GB (B10/M10/X10 = 12 GB, X20 = 24 GB is
// also in the first-party how-to-scale and migration pages). Where the
// mapping and the overview disagree (M150, M250, the Flash sizes) the
// catalog keeps the smaller figure, as it keeps the lower SLA.
var (
	srcAMRSizes = Source{Ref: "MicrosoftDocs/azure-docs articles/redis/overview.md and architecture.md (size and vCPU tables); AzureManagedRedis/amr-migration-skill references/sku-mapping.md (SKU names with GB)", Date: "2026-02-01"}
	// srcAMRReserved: the share of a size Azure Managed Redis keeps for
	// itself ("approximately 20% of memory for system operations and
	// overhead ... the B10/M10/X10 SKUs offer 12 GB of total memory but
	// approximately 9.6 GB of usable memory").
	srcAMRReserved = Source{Ref: "MicrosoftDocs/azure-docs articles/redis/migrate/migrate-basic-standard-premium-understand.md (Choose the right memory size); articles/redis/architecture.md (Reserved memory)", Date: "2026-03-16"}
)

// AMRUsablePercent is the part of an Azure Managed Redis size left for
// data: about 20% is reserved (AMRReservedSource).
const AMRUsablePercent = 80

// AMRReservedSource says where the 20% reservation comes from.
func AMRReservedSource() Source { return srcAMRReserved }

// managedRedisTiers are Azure Managed Redis's performance tiers as the
// provider's sku_name prefixes spell them.
var managedRedisTiers = []string{"MemoryOptimized", "Balanced", "ComputeOptimized", "FlashOptimized"}

// ManagedRedisSKU is an Azure Managed Redis size.
type ManagedRedisSKU struct {
	Tier      string // MemoryOptimized, Balanced, ComputeOptimized, FlashOptimized
	Name      string // B5
	MemoryMiB int    // the advertised size (Flash: RAM and NVMe together)
	VCPUs     int
	// Preview: Microsoft marks the size as in public preview (the
	// in-memory sizes from 180 GB and every Flash Optimized size).
	Preview bool
	// Disagreement records another source's size where they differ.
	Disagreement string
	Source       Source
}

// ARMName is the size as the provider's sku_name and ARM spell it.
func (s ManagedRedisSKU) ARMName() string { return s.Tier + "_" + s.Name }

// UsableMiB is what the size leaves for data after the reservation.
func (s ManagedRedisSKU) UsableMiB() int { return s.MemoryMiB * AMRUsablePercent / 100 }

// amr is one size; gb is the size in GB as the pages print it, memory is
// in MiB like the rest of the catalog (1 GB = 1,024 MiB, as for Azure
// Cache for Redis).
func amr(tier, name string, gb float64, vcpus int, preview bool, disagreement string) ManagedRedisSKU {
	return ManagedRedisSKU{Tier: tier, Name: name, MemoryMiB: int(gb * 1024), VCPUs: vcpus, Preview: preview, Disagreement: disagreement, Source: srcAMRSizes}
}

var managedRedisSKUs = []ManagedRedisSKU{
	amr("MemoryOptimized", "M10", 12, 2, false, ""),
	amr("MemoryOptimized", "M20", 24, 4, false, ""),
	amr("MemoryOptimized", "M50", 60, 8, false, ""),
	amr("MemoryOptimized", "M100", 120, 16, false, ""),
	amr("MemoryOptimized", "M150", 175, 24, true, "overview.md: 180 GB; sku-mapping.md: 175 GB"),
	amr("MemoryOptimized", "M250", 235, 32, true, "overview.md: 240 GB; sku-mapping.md: 235 GB"),
	amr("MemoryOptimized", "M350", 360, 48, true, ""),
	amr("MemoryOptimized", "M500", 480, 64, true, ""),
	amr("MemoryOptimized", "M700", 720, 96, true, ""),
	amr("MemoryOptimized", "M1000", 960, 128, true, ""),
	amr("MemoryOptimized", "M1500", 1440, 192, true, ""),
	amr("MemoryOptimized", "M2000", 1920, 256, true, ""),
	amr("Balanced", "B0", 0.5, 2, false, ""),
	amr("Balanced", "B1", 1, 2, false, ""),
	amr("Balanced", "B3", 3, 2, false, ""),
	amr("Balanced", "B5", 6, 2, false, ""),
	amr("Balanced", "B10", 12, 4, false, ""),
	amr("Balanced", "B20", 24, 8, false, ""),
	amr("Balanced", "B50", 60, 16, false, ""),
	amr("Balanced", "B100", 120, 32, false, ""),
	amr("Balanced", "B150", 180, 48, true, ""),
	amr("Balanced", "B250", 240, 64, true, ""),
	amr("Balanced", "B350", 360, 96, true, ""),
	amr("Balanced", "B500", 480, 128, true, ""),
	amr("Balanced", "B700", 720, 192, true, ""),
	amr("Balanced", "B1000", 960, 256, true, ""),
	amr("ComputeOptimized", "X3", 3, 4, false, ""),
	amr("ComputeOptimized", "X5", 6, 4, false, ""),
	amr("ComputeOptimized", "X10", 12, 8, false, ""),
	amr("ComputeOptimized", "X20", 24, 16, false, ""),
	amr("ComputeOptimized", "X50", 60, 32, false, ""),
	amr("ComputeOptimized", "X100", 120, 64, false, ""),
	amr("ComputeOptimized", "X150", 180, 96, true, ""),
	amr("ComputeOptimized", "X250", 240, 128, true, ""),
	amr("ComputeOptimized", "X350", 360, 192, true, ""),
	amr("ComputeOptimized", "X500", 480, 256, true, ""),
	amr("ComputeOptimized", "X700", 720, 384, true, ""),
	amr("FlashOptimized", "A250", 240, 8, true, "overview.md tables: 240 GB; sku-mapping.md: 250 GB"),
	amr("FlashOptimized", "A500", 480, 16, true, "overview.md tables: 480 GB; sku-mapping.md: 500 GB"),
	amr("FlashOptimized", "A700", 720, 24, true, "overview.md tables: 720 GB; sku-mapping.md: 750 GB"),
	amr("FlashOptimized", "A1000", 960, 32, true, "overview.md tables: 960 GB; sku-mapping.md: 1000 GB"),
	amr("FlashOptimized", "A1500", 1440, 48, true, "overview.md tables: 1440 GB; sku-mapping.md: 1500 GB"),
	amr("FlashOptimized", "A2000", 1920, 64, true, "overview.md tables: 1920 GB; sku-mapping.md: 2000 GB"),
	amr("FlashOptimized", "A4500", 4500, 144, true, ""),
}

// ManagedRedisTiers lists the performance tiers.
func ManagedRedisTiers() []string { return append([]string(nil), managedRedisTiers...) }

// IsManagedRedisTier reports whether a tier is one of Azure Managed Redis's.
func IsManagedRedisTier(tier string) bool {
	for _, t := range managedRedisTiers {
		if t == tier {
			return true
		}
	}
	return false
}

// LookupManagedRedis finds a size within a tier.
func LookupManagedRedis(tier, name string) (ManagedRedisSKU, bool) {
	for _, s := range managedRedisSKUs {
		if s.Tier == tier && s.Name == name {
			return s, true
		}
	}
	return ManagedRedisSKU{}, false
}

// ManagedRedisTierOf is the tier a size belongs to, for hints about a size
// written under another tier.
func ManagedRedisTierOf(name string) (string, bool) {
	for _, s := range managedRedisSKUs {
		if s.Name == name {
			return s.Tier, true
		}
	}
	return "", false
}

// ManagedRedisNames lists the sizes of a tier, smallest first.
func ManagedRedisNames(tier string) []string {
	var out []string
	for _, s := range managedRedisSKUs {
		if s.Tier == tier {
			out = append(out, s.Name)
		}
	}
	return out
}

// ManagedRedisSizes lists every size of every tier.
func ManagedRedisSizes() []string {
	out := make([]string, len(managedRedisSKUs))
	for i, s := range managedRedisSKUs {
		out[i] = s.Name
	}
	return out
}

// SmallestManagedRedis is the smallest size of a tier that leaves at
// least usableMiB for data and is at least minMiB large, or false when
// no size of the tier is large enough.
func SmallestManagedRedis(tier string, usableMiB, minMiB int) (ManagedRedisSKU, bool) {
	for _, s := range managedRedisSKUs {
		if s.Tier == tier && s.UsableMiB() >= usableMiB && s.MemoryMiB >= minMiB {
			return s, true
		}
	}
	return ManagedRedisSKU{}, false
}

// TierTitle spells a tier as Microsoft's pages do ("Memory Optimized").
func TierTitle(tier string) string {
	switch tier {
	case "MemoryOptimized":
		return "Memory Optimized"
	case "ComputeOptimized":
		return "Compute Optimized"
	case "FlashOptimized":
		return "Flash Optimized"
	}
	return tier
}

func (s ManagedRedisSKU) String() string {
	return fmt.Sprintf("%s %s", TierTitle(s.Tier), s.Name)
}
