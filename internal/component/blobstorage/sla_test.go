package blobstorage_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/availability"
)

// TestSLAByAccess: a service that writes waits on the write SLA, one that
// only reads on the read SLA, which read-access geo-redundancy raises
// (with reads retried on the secondary) and the Cool and Cold tiers lower.
func TestSLAByAccess(t *testing.T) {
	cases := []struct {
		name          string
		prod          string
		writes, reads float64
	}{
		{"RA-GZRS Hot", "    blobStorage: {redundancy: RA-GZRS}\n", 99.9, 99.99},
		{"ZRS Hot", "    blobStorage: {redundancy: ZRS}\n", 99.9, 99.9},
		{"RA-GRS Cool", "    blobStorage: {redundancy: RA-GRS, accessTier: Cool, lifecycle: {coolAfterDays: 0}}\n", 99, 99.9},
		{"LRS Cold", "    blobStorage: {redundancy: LRS, accessTier: Cold, lifecycle: {coolAfterDays: 0}}\n", 99, 99},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pl := planOf(t, edit(t, prodBlob, c.prod))
			r := availability.Estimate(pl)[len(pl.Envs)-1]
			got := map[string]float64{}
			for _, comp := range r.Components {
				if strings.HasPrefix(comp.Name, "Blob Storage") {
					got[comp.Name] = comp.Percent
				}
			}
			if got["Blob Storage writes"] != c.writes || got["Blob Storage reads"] != c.reads {
				t.Errorf("writes %v%%, reads %v%%; want %v%% and %v%%", got["Blob Storage writes"], got["Blob Storage reads"], c.writes, c.reads)
			}
			// The read-only route (gallery) waits on reads only.
			for _, route := range r.Routes {
				if route.Service == "gallery-service" && strings.Contains(strings.Join(route.Components, ","), "Blob Storage writes") {
					t.Errorf("the read-only route waits on the write SLA: %v", route.Components)
				}
			}
		})
	}
}
