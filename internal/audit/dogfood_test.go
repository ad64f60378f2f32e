package audit_test

import (
	"path"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/audit"
	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
)

// packageOf is the design package among generated files.
func packageOf(files []render.File) []facts.Input {
	var out []facts.Input
	for _, f := range files {
		if strings.HasPrefix(f.Path, "design/backend/physical/") && (path.Ext(f.Path) == ".md" || path.Ext(f.Path) == ".mmd") {
			out = append(out, facts.Input{Name: f.Path, Data: f.Data})
		}
	}
	return out
}

// TestAuditOfGeneratedPackagesIsClean: physarch computes every figure
// once, so audit must find nothing in what it generates, for every
// example and every block's sample, in both languages. A finding here is
// either a false positive of a check or a real inconsistency in a
// renderer.
func TestAuditOfGeneratedPackagesIsClean(t *testing.T) {
	reg := audit.Default()
	for _, s := range testplan.Judged(t) {
		counts := map[md.Lang]map[facts.Kind]int{}
		for _, lang := range []md.Lang{md.Ko, md.En} {
			files, err := generate.Files(s.Plan, generate.Options{Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			ins := packageOf(files)
			if len(ins) < 7 {
				t.Fatalf("%s/%s: %d package files", s.Name, lang, len(ins))
			}
			set := facts.Extract(ins)
			if n := len(set.Of(facts.Service)); n == 0 {
				t.Errorf("%s/%s: no service read; the audit would be clean for nothing", s.Name, lang)
			}
			for _, f := range reg.Run(set) {
				t.Errorf("%s/%s: %s %s", s.Name, lang, f.ID, f.Message)
			}
			counts[lang] = map[facts.Kind]int{}
			for _, k := range sameInBothLanguages {
				counts[lang][k] = len(set.Of(k))
			}
		}
		// Fewer facts read means fewer conflicts found: a row the reader
		// no longer recognises in one language would pass the check above.
		for _, k := range sameInBothLanguages {
			if counts[md.Ko][k] != counts[md.En][k] {
				t.Errorf("%s: %d %s facts read from the Korean package, %d from the English one", s.Name, counts[md.Ko][k], k, counts[md.En][k])
			}
		}
	}
}

// sameInBothLanguages are the facts a package states the same in Korean
// and in English (service names also appear in prose, which differs).
var sameInBothLanguages = []facts.Kind{facts.Tier, facts.SKU, facts.NodePool, facts.Subnet, facts.Queue, facts.Port, facts.VNet, facts.Region}
