package spec

import (
	"strings"
	"testing"
)

// TestProfileZonesFollowTheRegion: in a region without zones the prod
// profile's three zones become one (the spec loads), while three zones the
// user writes are refused at the key that says them, with the hint.
func TestProfileZonesFollowTheRegion(t *testing.T) {
	south := strings.Replace(base, "region: koreacentral\n", "region: koreasouth\n", 1)
	doc, err := testLoad("shop.yaml", []byte(south))
	if err != nil {
		t.Fatalf("koreasouth with the profile's zones: %v", err)
	}
	for _, e := range doc.Spec.Environments {
		if e.Targets.Zones != 1 {
			t.Errorf("%s: %d zones in koreasouth, want 1", e.Name, e.Targets.Zones)
		}
	}
	stated := strings.Replace(south, "    profile: prod\n", "    profile: prod\n    targets: {zones: 3}\n", 1)
	_, err = testLoad("shop.yaml", []byte(stated))
	if err == nil || !strings.Contains(err.Error(), "region koreasouth has no availability zones, but prod asks for 3") || !strings.Contains(err.Error(), "shop.yaml:28:22") {
		t.Errorf("stated zones in koreasouth: %v", err)
	}
	if strings.Contains(base, "koreasouth") {
		t.Fatal("the base spec already names koreasouth")
	}
}
