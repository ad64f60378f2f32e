package facts

import (
	"fmt"
	"path/filepath"
	"regexp"
)

var (
	regionWord = regexp.MustCompile(`(?i)리전|region|azure \(`)
	otherRole  = regexp.MustCompile(`(?i)다른|other|\bdr\b|dr_|재해|복제|replica|target|secondary|paired|geo|backup|백업|가격|price|fallback|대체`)
)

// PrimaryRegions are the region facts that state where an environment
// runs: a diagram's "Azure (koreacentral)", a document's region row or
// "primary_region". Lines about DR, replicas, backups or prices name other
// regions by design, and a line naming two regions states a multi-region
// setup, not a primary; the audit compares only these, and import drafts
// the spec's region from them.
func (s *Set) PrimaryRegions() []Fact {
	perLine := map[string]map[string]bool{}
	key := func(f Fact) string { return fmt.Sprintf("%s:%d", filepath.Base(f.Src.File), f.Src.Line) }
	all := s.Of(Region)
	for _, f := range all {
		k := key(f)
		if perLine[k] == nil {
			perLine[k] = map[string]bool{}
		}
		perLine[k][f.Value] = true
	}
	var primary []Fact
	for _, f := range all {
		if f.Env != "" && len(perLine[key(f)]) == 1 && regionWord.MatchString(f.Src.Text) && !otherRole.MatchString(f.Src.Text) {
			primary = append(primary, f)
		}
	}
	return primary
}
