package blobstorage_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// TestRules gives every rule of the block (and the core rules its facets
// feed: NW003 through check.Public, CO003 through check.ManagedInDev) a
// spec that triggers it and one that leaves it quiet. The trigger must
// name the storage account or container and point at the key to change.
func TestRules(t *testing.T) {
	cases := []struct {
		id             string
		trigger, quiet func(t testing.TB) string
		path, says     string // the trigger's spec path and a word of its message
	}{
		{"RS009",
			func(t testing.TB) string {
				return edit(t, prodBlob, "    blobStorage: {redundancy: LRS, lifecycle: {coolAfterDays: 30}}\n")
			},
			sample, "environments[1].blobStorage.redundancy", "blobmediaprod"},
		{"SC008",
			func(t testing.TB) string {
				return edit(t, "{name: thumbnails, publicAccess: none}", "{name: thumbnails, publicAccess: blob}")
			},
			sample, "backing.blobStorage.containers[1].publicAccess", "thumbnails"},
		{"CO006",
			func(t testing.TB) string {
				return edit(t, prodBlob, "    blobStorage: {redundancy: RA-GZRS, lifecycle: {coolAfterDays: 0}}\n")
			},
			func(t testing.TB) string {
				// The same account without a lifecycle, but with no stated
				// growth: nothing says the data grows.
				s := edit(t, prodBlob, "    blobStorage: {redundancy: RA-GZRS, lifecycle: {coolAfterDays: 0}}\n")
				return strings.Replace(s, "    growthGBPerMonth: 50\n", "", 1)
			}, "environments[1].blobStorage.lifecycle", "50 GB"},
		{"NW003",
			func(t testing.TB) string {
				return edit(t, "    profile: prod\n", "    profile: prod\n    network: {privateEndpoints: false}\n")
			},
			sample, "environments[1].network.privateEndpoints", "blobmediaprod"},
		{"CO003",
			func(t testing.TB) string {
				return edit(t, "    profile: dev\n", "    profile: dev\n    blobStorage: {mode: managed}\n")
			},
			sample, "environments[0].blobStorage.mode", "blobmediadev"},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			got := testplan.Findings(t, "media.yaml", []byte(c.trigger(t)), c.id)
			if len(got) != 1 {
				t.Fatalf("trigger spec: %s found %d times, want once: %v", c.id, len(got), got)
			}
			if got[0].Path != c.path || !strings.Contains(got[0].Message, c.says) {
				t.Errorf("trigger finding at %s (%q), want at %s saying %q", got[0].Path, got[0].Message, c.path, c.says)
			}
			if quiet := testplan.Findings(t, "media.yaml", []byte(c.quiet(t)), c.id); len(quiet) != 0 {
				t.Errorf("quiet spec triggers %s: %v", c.id, quiet)
			}
		})
	}
}
