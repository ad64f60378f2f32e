package azure

import (
	"sort"
	"testing"
)

func TestRegionsSortedAndUnique(t *testing.T) {
	names := RegionNames()
	if !sort.StringsAreSorted(names) {
		t.Fatal("regions must be sorted: LookupRegion searches them")
	}
	for i := 1; i < len(names); i++ {
		if names[i] == names[i-1] {
			t.Fatalf("region %s listed twice", names[i])
		}
	}
}

func TestLookupRegion(t *testing.T) {
	for _, tc := range []struct {
		name  string
		ok    bool
		zones int
	}{
		{"koreacentral", true, 3},
		{"koreasouth", true, 0},
		{"eastus", true, 3},
		{"marsnorth", false, 0},
		{"/../../escaped", false, 0},
		{"", false, 0},
	} {
		r, ok := LookupRegion(tc.name)
		if ok != tc.ok || r.Zones != tc.zones {
			t.Errorf("LookupRegion(%q) = %+v, %v; want zones %d, %v", tc.name, r, ok, tc.zones, tc.ok)
		}
	}
}
