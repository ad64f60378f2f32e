// Package azure is physarch's catalog of Azure SKUs: capacities now, prices
// and SLAs with their sources as the catalog grows. Every figure names
// where it came from, so output can say so.
package azure

import (
	"fmt"
	"strings"
)

// Source says where a figure came from and when.
type Source struct {
	Ref  string // document or dataset
	Date string // date of the source, YYYY-MM-DD
	// Ko is Ref in Korean, for the Korean documents, where Ref says more
	// than names ("" when the names read the same in both languages).
	Ko string
}

var (
	srcGPUSizes = Source{Ref: "learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ncast4v3-series (NCasT4_v3 size table)", Date: "2026-11-01"}
	srcVMSizes  = Source{Ref: "learn.microsoft.com/azure/virtual-machines/sizes (Bsv1, Dsv3, Dsv5, Ddsv5, Esv5 size tables)", Date: "2026-11-01"}
	srcAKSRes   = Source{Ref: "MicrosoftDocs/azure-aks-docs articles/aks/node-resource-reservations.md (AKS 1.29+ rules)", Date: "2025-06-01"}
	srcPGLimit  = Source{Ref: "learn.microsoft.com/azure/postgresql/flexible-server/concepts-limits (max_connections table)", Date: "2026-11-01"}
	srcRedis    = Source{Ref: "learn.microsoft.com/azure/azure-cache-for-redis/cache-overview (tier sizes)", Date: "2026-11-01"}
)

// VMSize is a VM size's capacity.
type VMSize struct {
	Name      string
	VCPU      int
	MemoryGiB int
	Source    Source
	// GPUs and GPU are the size's accelerators (0 and "" for none).
	GPUs int
	GPU  string
}

var vmSizes = []VMSize{
	{"Standard_B2s", 2, 4, srcVMSizes, 0, ""},
	{"Standard_B2ms", 2, 8, srcVMSizes, 0, ""},
	{"Standard_B4ms", 4, 16, srcVMSizes, 0, ""},
	{"Standard_D2s_v3", 2, 8, srcVMSizes, 0, ""},
	{"Standard_D4s_v3", 4, 16, srcVMSizes, 0, ""},
	{"Standard_D8s_v3", 8, 32, srcVMSizes, 0, ""},
	{"Standard_D2s_v5", 2, 8, srcVMSizes, 0, ""},
	{"Standard_D4s_v5", 4, 16, srcVMSizes, 0, ""},
	{"Standard_D8s_v5", 8, 32, srcVMSizes, 0, ""},
	{"Standard_D16s_v5", 16, 64, srcVMSizes, 0, ""},
	{"Standard_D2ds_v5", 2, 8, srcVMSizes, 0, ""},
	{"Standard_D4ds_v5", 4, 16, srcVMSizes, 0, ""},
	{"Standard_E4s_v5", 4, 32, srcVMSizes, 0, ""},
	{"Standard_E8s_v5", 8, 64, srcVMSizes, 0, ""},
	// GPU sizes: the NCasT4_v3 series, one NVIDIA T4 (16 GB) per 4 to 16
	// vCPUs, four on the 64-vCPU size.
	{"Standard_NC4as_T4_v3", 4, 28, srcGPUSizes, 1, "NVIDIA T4"},
	{"Standard_NC8as_T4_v3", 8, 56, srcGPUSizes, 1, "NVIDIA T4"},
	{"Standard_NC16as_T4_v3", 16, 110, srcGPUSizes, 1, "NVIDIA T4"},
	{"Standard_NC64as_T4_v3", 64, 440, srcGPUSizes, 4, "NVIDIA T4"},
}

// LookupVM finds a VM size by its ARM name.
func LookupVM(name string) (VMSize, bool) {
	for _, v := range vmSizes {
		if v.Name == name {
			return v, true
		}
	}
	return VMSize{}, false
}

// SpotOffered reports whether Azure sells a VM size as a Spot VM. The
// B-series (burstable) sizes are not: Microsoft's "Use Azure Spot Virtual
// Machines" lists them, with the promo sizes, among the sizes Spot does
// not support (learn.microsoft.com/azure/virtual-machines/spot-vms,
// "Limitations"), and the retail price list (data/prices.json) has no
// B-series Spot meter. The catalog has no promo sizes.
func SpotOffered(name string) bool { return !strings.HasPrefix(name, "Standard_B") }

// SpotAlike is the catalog's size Azure sells as Spot that comes nearest
// a size it does not (the same vCPUs, at least its memory, the least
// memory first), for hints: Standard_B2ms gives Standard_D2s_v3.
func SpotAlike(name string) (string, bool) {
	vm, ok := LookupVM(name)
	if !ok {
		return "", false
	}
	best := VMSize{}
	for _, v := range vmSizes {
		if !SpotOffered(v.Name) || v.GPUs > 0 || v.VCPU != vm.VCPU || v.MemoryGiB < vm.MemoryGiB {
			continue
		}
		if best.Name == "" || v.MemoryGiB < best.MemoryGiB {
			best = v
		}
	}
	return best.Name, best.Name != ""
}

// VMNames lists the sizes the catalog knows, for hints.
func VMNames() []string {
	out := make([]string, len(vmSizes))
	for i, v := range vmSizes {
		out[i] = v.Name
	}
	return out
}

// Allocatable is what Kubernetes may schedule on a node after AKS's
// reservations.
type Allocatable struct {
	CPUMilli  int64
	MemoryMiB int64
	Source    Source
}

// cpuReserved is AKS kube-reserved CPU by core count.
var cpuReserved = map[int]int64{1: 60, 2: 100, 4: 140, 8: 180, 16: 260, 32: 420, 64: 740}

// NodeAllocatable applies AKS 1.29+ reservations: CPU by core count;
// memory kube-reserved = min(20 MiB × maxPods + 50 MiB, 25% of memory),
// plus the 100 MiB hard eviction threshold.
func NodeAllocatable(vm VMSize, maxPods int) Allocatable {
	mem := int64(vm.MemoryGiB) * 1024
	reserved := min(20*int64(maxPods)+50, mem/4)
	cpuRes, ok := cpuReserved[vm.VCPU]
	if !ok {
		cpuRes = 740
	}
	return Allocatable{
		CPUMilli:  int64(vm.VCPU)*1000 - cpuRes,
		MemoryMiB: mem - reserved - 100,
		Source:    srcAKSRes,
	}
}

// PostgresSKU is a Flexible Server compute size.
type PostgresSKU struct {
	Name           string
	Tier           string
	VCores         int
	MemoryGiB      int
	MaxConnections int
	Source         Source
}

var postgresSKUs = []PostgresSKU{
	{"B_Standard_B1ms", "Burstable", 1, 2, 50, srcPGLimit},
	{"B_Standard_B2s", "Burstable", 2, 4, 429, srcPGLimit},
	{"GP_Standard_D2s_v3", "GeneralPurpose", 2, 8, 859, srcPGLimit},
	{"GP_Standard_D4s_v3", "GeneralPurpose", 4, 16, 1718, srcPGLimit},
	{"GP_Standard_D2ds_v5", "GeneralPurpose", 2, 8, 859, srcPGLimit},
	{"GP_Standard_D4ds_v5", "GeneralPurpose", 4, 16, 1718, srcPGLimit},
	{"GP_Standard_D8ds_v5", "GeneralPurpose", 8, 32, 3437, srcPGLimit},
	{"MO_Standard_E4ds_v5", "MemoryOptimized", 4, 32, 3437, srcPGLimit},
}

// LookupPostgres finds a Flexible Server SKU.
func LookupPostgres(name string) (PostgresSKU, bool) {
	for _, s := range postgresSKUs {
		if s.Name == name {
			return s, true
		}
	}
	return PostgresSKU{}, false
}

// PostgresNames lists known Flexible Server SKUs.
func PostgresNames() []string {
	out := make([]string, len(postgresSKUs))
	for i, s := range postgresSKUs {
		out[i] = s.Name
	}
	return out
}

// RedisSKU is an Azure Cache for Redis size.
type RedisSKU struct {
	Tier      string
	Name      string
	MemoryMiB int
	Source    Source
}

var redisSKUs = []RedisSKU{
	{"Basic", "C0", 250, srcRedis}, {"Basic", "C1", 1024, srcRedis}, {"Basic", "C2", 2560, srcRedis},
	{"Standard", "C0", 250, srcRedis}, {"Standard", "C1", 1024, srcRedis}, {"Standard", "C2", 2560, srcRedis},
	{"Standard", "C3", 6144, srcRedis}, {"Standard", "C4", 13312, srcRedis},
	{"Premium", "P1", 6144, srcRedis}, {"Premium", "P2", 13312, srcRedis}, {"Premium", "P3", 26624, srcRedis},
	{"Premium", "P4", 54272, srcRedis},
}

// LookupRedis finds a cache size within a tier.
func LookupRedis(tier, name string) (RedisSKU, bool) {
	for _, s := range redisSKUs {
		if s.Tier == tier && s.Name == name {
			return s, true
		}
	}
	return RedisSKU{}, false
}

// RedisNames lists the sizes of a tier.
func RedisNames(tier string) []string {
	var out []string
	for _, s := range redisSKUs {
		if s.Tier == tier {
			out = append(out, s.Name)
		}
	}
	return out
}

func (s Source) String() string { return fmt.Sprintf("%s, %s", s.Ref, s.Date) }

// StringKo is String in Korean: Ko where the source has it, else Ref.
func (s Source) StringKo() string {
	if s.Ko == "" {
		return s.String()
	}
	return fmt.Sprintf("%s, %s", s.Ko, s.Date)
}

// RedisSizes lists every cache size of every tier, once each.
func RedisSizes() []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range redisSKUs {
		if !seen[s.Name] {
			seen[s.Name] = true
			out = append(out, s.Name)
		}
	}
	return out
}
