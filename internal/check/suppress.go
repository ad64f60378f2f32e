package check

import (
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/spec"
)

// applySuppressions marks findings an inline `# physarch:ignore RULE
// reason` covers: the comment sits on the finding's line or on the line
// just above it. A comment without a reason suppresses nothing (OP004
// reports it).
func applySuppressions(doc *spec.Document, findings []Finding) {
	byLine := map[int][]suppression{}
	for _, s := range suppressions(doc) {
		if s.reason != "" {
			byLine[s.line] = append(byLine[s.line], s)
		}
	}
	for i := range findings {
		f := &findings[i]
		if f.Pos.File != doc.File {
			continue
		}
		for _, line := range []int{f.Pos.Line, f.Pos.Line - 1} {
			for _, s := range byLine[line] {
				if s.rule == f.Rule {
					f.Suppressed = s.reason
				}
			}
		}
	}
}

func joinSorted(s []string) string {
	sort.Strings(s)
	return strings.Join(s, "; ")
}
