package redis_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestSizing: without a stated size Azure Managed Redis gets the smallest
// size of its tier whose usable 80% holds the working set, and 6 GB (the
// former default Premium P1's size) when the spec states no working set.
func TestSizing(t *testing.T) {
	cases := []struct {
		workingSet int
		tier       string
		sku        string
		usable     int
	}{
		{0, "", "B5", 4915},
		{409, "", "B0", 409},
		{410, "", "B1", 819},
		{1024, "", "B3", 2457},
		{2457, "", "B3", 2457},
		{2458, "", "B5", 4915},
		{12288, "", "B20", 19660},
		{0, "MemoryOptimized", "M10", 9830},
		{0, "ComputeOptimized", "X5", 4915},
		{0, "FlashOptimized", "A250", 196608},
		{190000, "MemoryOptimized", "M250", 192512},
		{192513, "MemoryOptimized", "M350", 294912},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d MiB %s", c.workingSet, c.tier), func(t *testing.T) {
			src := edit(t, "phonebill", "workingSetMiB: 1024}", fmt.Sprintf("workingSetMiB: %d}", c.workingSet))
			if c.tier != "" {
				src = strings.Replace(src, "    profile: prod\n", "    profile: prod\n    redis: {tier: "+c.tier+"}\n", 1)
			}
			r := prodCache(t, src)
			if r.SKU != c.sku || r.UsableMiB != c.usable || r.SKUStated {
				t.Errorf("got %s (%d MiB usable, stated %v), want %s (%d MiB)", r.SKU, r.UsableMiB, r.SKUStated, c.sku, c.usable)
			}
			if r.UsableMiB < c.workingSet {
				t.Errorf("%s leaves %d MiB for a %d MiB working set", r.SKU, r.UsableMiB, c.workingSet)
			}
		})
	}
}
