package azure

import (
	"sort"
	"strings"
	"testing"
)

// providerSKUs is azurerm_managed_redis's sku_name list in the pinned
// provider (~> 5.2.0), as `terraform providers schema` validates it and
// website/docs/r/managed_redis.html.markdown lists it.
const providerSKUs = `Balanced_B0 Balanced_B1 Balanced_B10 Balanced_B100 Balanced_B1000 Balanced_B150 Balanced_B20 Balanced_B250 Balanced_B3 Balanced_B350 Balanced_B5 Balanced_B50 Balanced_B500 Balanced_B700
ComputeOptimized_X10 ComputeOptimized_X100 ComputeOptimized_X150 ComputeOptimized_X20 ComputeOptimized_X250 ComputeOptimized_X3 ComputeOptimized_X350 ComputeOptimized_X5 ComputeOptimized_X50 ComputeOptimized_X500 ComputeOptimized_X700
FlashOptimized_A1000 FlashOptimized_A1500 FlashOptimized_A2000 FlashOptimized_A250 FlashOptimized_A4500 FlashOptimized_A500 FlashOptimized_A700
MemoryOptimized_M10 MemoryOptimized_M100 MemoryOptimized_M1000 MemoryOptimized_M150 MemoryOptimized_M1500 MemoryOptimized_M20 MemoryOptimized_M2000 MemoryOptimized_M250 MemoryOptimized_M350 MemoryOptimized_M50 MemoryOptimized_M500 MemoryOptimized_M700`

// TestManagedRedisSizesMatchProvider: the catalog has exactly the sizes
// the provider accepts, each tier's sizes grow, and B10/M10/X10 are 12 GB
// with 9.6 GB usable as Microsoft's migration page says.
func TestManagedRedisSizesMatchProvider(t *testing.T) {
	var got []string
	for _, s := range managedRedisSKUs {
		got = append(got, s.ARMName())
	}
	sort.Strings(got)
	want := strings.Fields(providerSKUs)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("catalog sizes\n%v\nprovider sizes\n%v", got, want)
	}
	for _, tier := range ManagedRedisTiers() {
		prev := 0
		for _, name := range ManagedRedisNames(tier) {
			s, _ := LookupManagedRedis(tier, name)
			if s.MemoryMiB <= prev || s.VCPUs <= 0 {
				t.Errorf("%s: %d MiB after %d MiB, %d vCPUs", s.ARMName(), s.MemoryMiB, prev, s.VCPUs)
			}
			prev = s.MemoryMiB
		}
	}
	for _, name := range []string{"B10", "M10", "X10"} {
		tier, _ := ManagedRedisTierOf(name)
		s, _ := LookupManagedRedis(tier, name)
		if s.MemoryMiB != 12*1024 || s.UsableMiB() != 9830 {
			t.Errorf("%s: %d MiB, %d usable", name, s.MemoryMiB, s.UsableMiB())
		}
	}
}

// TestManagedRedisSizesArePriced: every size has a node-hour price whose
// row says where it comes from, and every price the sources give
// directly is not marked as an estimate.
func TestManagedRedisSizesArePriced(t *testing.T) {
	p, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	sourced := map[string]bool{"B0": true, "B1": true, "B3": true, "B5": true, "M10": true, "X3": true, "A250": true}
	for _, s := range managedRedisSKUs {
		pr, err := p.Lookup(Meter{Service: "Redis Cache", Product: "Azure Managed Redis - " + TierTitle(s.Tier), Meter: s.Name + " Cache Instance"}, "koreacentral", now)
		if err != nil {
			t.Errorf("%s: %v", s.ARMName(), err)
			continue
		}
		if !pr.Fallback || pr.RetailPrice <= 0 || pr.UnitOfMeasure != "1 Hour" {
			t.Errorf("%s: %+v", s.ARMName(), pr)
		}
		if est := pr.Provenance.Estimate != ""; est == sourced[s.Name] {
			t.Errorf("%s: estimate %q, sourced %v", s.ARMName(), pr.Provenance.Estimate, sourced[s.Name])
		}
	}
}
