package docs_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
)

// TestBackupRowsAreSourced: in every judged spec's environments, each
// backup row names a known tier and a target, names the artifact that
// realises it (the table leaves a row without one out, so a component
// returning one would lose it silently), and a row that gives a
// frequency or a recovery with a figure in it says where it comes from.
func TestBackupRowsAreSourced(t *testing.T) {
	known := map[string]bool{docs.TierData: true, docs.TierCache: true, docs.TierMessaging: true, docs.TierSecrets: true, docs.TierConfiguration: true}
	rows := 0
	for _, n := range testplan.Judged(t) {
		for _, e := range n.Plan.Envs {
			d := md.New(md.En)
			for _, c := range plan.Facets[docs.BackedUp](e) {
				for _, b := range c.Backups(d, e) {
					rows++
					if !known[b.Tier] || b.Target == "" {
						t.Errorf("%s %s: row %+v: unknown tier or no target", n.Name, e.Name, b)
					}
					if len(b.At) == 0 {
						t.Errorf("%s %s: %s: no artifact realises the row", n.Name, e.Name, b.Target)
					}
					for _, cell := range []string{b.Method, b.Frequency, b.Retention, b.Geo, b.Recover, b.Source} {
						if cell == "" {
							t.Errorf("%s %s: %s: an empty cell (\"-\" where the plan knows nothing): %+v", n.Name, e.Name, b.Target, b)
						}
					}
					figure := b.Frequency != "-" || strings.ContainsAny(b.Recover, "0123456789")
					if figure && (b.Source == "" || b.Source == "-") {
						t.Errorf("%s %s: %s: frequency %q, recovery %q without a source", n.Name, e.Name, b.Target, b.Frequency, b.Recover)
					}
				}
			}
		}
	}
	if rows == 0 {
		t.Fatal("no backup rows: the test checks nothing")
	}
}
