package azure

import "testing"

// TestPairsAreKnownRegions: every pair names two regions of the list, and
// koreacentral's pair is koreasouth (which has no zones: a DR design
// there pins none).
func TestPairsAreKnownRegions(t *testing.T) {
	for a, b := range pairs {
		for _, r := range []string{a, b} {
			if _, ok := LookupRegion(r); !ok {
				t.Errorf("pair %s→%s: %s is not in the region list", a, b, r)
			}
		}
	}
	if Pair("koreacentral") != "koreasouth" || Pair("italynorth") != "" {
		t.Errorf("koreacentral pairs with %q, italynorth with %q", Pair("koreacentral"), Pair("italynorth"))
	}
	if r, _ := LookupRegion(Pair("koreacentral")); r.Zones != 0 {
		t.Errorf("koreasouth has %d zones, want 0", r.Zones)
	}
}
