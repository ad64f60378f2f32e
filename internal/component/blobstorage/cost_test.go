package blobstorage_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/component/blobstorage"
)

// TestEveryTierAndRedundancyIsPriced: each of the 18 accounts the spec can
// ask for has a capacity, a write and a read price in the catalog, in the
// meter the Retail Prices API names for it; only the two write meters no
// source has are marked as estimates.
func TestEveryTierAndRedundancyIsPriced(t *testing.T) {
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tier := range []string{"Hot", "Cool", "Cold"} {
		for _, red := range blobstorage.Redundancies {
			t.Run(tier+" "+red, func(t *testing.T) {
				pl := planOf(t, edit(t, prodBlob, fmt.Sprintf("    blobStorage: {accessTier: %s, redundancy: %s, lifecycle: {coolAfterDays: 0, deleteAfterDays: 365}}\n", tier, red)))
				reports, err := cost.Estimate(pl, prices)
				if err != nil {
					t.Fatal(err)
				}
				rows := 0
				for _, c := range reports[len(reports)-1].Components {
					if !strings.HasPrefix(c.Name, "Blob Storage") {
						continue
					}
					rows++
					if c.UnitPrice <= 0 || c.Region != "eastus" {
						t.Errorf("%s: price %v in %s", c.Name, c.UnitPrice, c.Region)
					}
					estimated := strings.Contains(c.Estimate, "no write meter")
					if want := c.Name == "Blob Storage write operations" && tier != "Cold" && red == "RA-GZRS"; estimated != want {
						t.Errorf("%s: estimate %q", c.Name, c.Estimate)
					}
				}
				if rows != 3 {
					t.Errorf("%d Blob Storage cost rows, want capacity, writes and reads", rows)
				}
			})
		}
	}
}
