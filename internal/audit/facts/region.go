package facts

import "regexp"

var (
	regionWord = regexp.MustCompile(`(?i)리전|region|azure \(|azure\s+(?:korea|japan|east|west|north|south)`)
	otherRole  = regexp.MustCompile(`(?i)다른|other|추정|estimate|비율|ratio|출처|source|다중|multi|액티브|active|standby|스탠바이|\bdr\b|dr_|재해|복제|replica|target|secondary|paired|geo|backup|백업|가격|price|fallback|대체`)
)

// PrimaryRegions are the region facts that state where an environment
// runs: a diagram's "Azure (koreacentral)", a document's region row or
// "primary_region". Lines about DR, replicas, backups or prices name other
// regions by design, and a line naming two regions states a multi-region
// setup, not a primary; the audit compares only these, and import drafts
// the spec's region from them.
func (s *Set) PrimaryRegions() []Fact {
	var primary []Fact
	for _, f := range s.Of(Region) {
		text := f.Src.Text
		if f.Cell != "" {
			text = f.Cell
		} else {
			text = clauseOf(text, f.Value)
		}
		// "Korea Central (DR: Korea South)": the parenthesis names another
		// region's role; what is left names the primary.
		text = asideR.ReplaceAllStringFunc(text, func(p string) string {
			if otherRole.MatchString(p) {
				return ""
			}
			return p
		})
		named := map[string]bool{}
		for _, m := range regionR.FindAllString(text, -1) {
			named[RegionKey(m)] = true
		}
		// A master index's "Region: East US 2 primary" is every
		// environment's (Env stays "": the audit applies it to each).
		if (f.Env != "" || primaryWord.MatchString(text)) && len(named) == 1 && named[f.Value] && regionWord.MatchString(text) && !otherRole.MatchString(text) {
			primary = append(primary, f)
		}
	}
	return primary
}

// primaryWord says a region is the primary one.
var primaryWord = regexp.MustCompile(`(?i)primary|주\s?리전|기본\s?리전|메인\s?리전`)

// asideR is a parenthesised aside.
var asideR = regexp.MustCompile(`\([^()]*\)`)

// clauseR splits a line into clauses: "The primary region is West US 2;
// the DR region is Central US" names a primary and a DR region.
var clauseR = regexp.MustCompile(`[;。]|\.\s|,\s`)

// clauseOf is the clause of a line that names the region, or the line.
func clauseOf(line, region string) string {
	for _, c := range clauseR.Split(line, -1) {
		for _, m := range regionR.FindAllString(c, -1) {
			if RegionKey(m) == region {
				return c
			}
		}
	}
	return line
}
