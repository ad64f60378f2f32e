package generate

import (
	"testing"
	"unicode"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/testplan"
)

// TestNotesHaveKoreanTwins: every cost rule and SLA note the catalog and
// the blocks write for the examples and the block samples has a Korean
// form, so that a new English-only note fails here even where no
// example's Korean document prints it yet (issue 14).
func TestNotesHaveKoreanTwins(t *testing.T) {
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range testplan.Judged(t) {
		reps, err := cost.Estimate(n.Plan, prices)
		if err != nil {
			t.Fatalf("%s: %v", n.Name, err)
		}
		for _, r := range reps {
			for _, c := range r.Components {
				if c.Estimate != "" && !hangul(c.EstimateKo) {
					t.Errorf("%s %s cost row %s: estimate %q has no Korean form", n.Name, r.Env, c.Name, c.Estimate)
				}
			}
			for _, q := range r.Open {
				if !hangul(q.QuestionKo) {
					t.Errorf("%s %s open question %s: %q has no Korean form", n.Name, r.Env, q.Name, q.Question)
				}
			}
		}
		for _, r := range availability.Estimate(n.Plan) {
			for _, c := range r.Components {
				if c.Note != "" && !hangul(c.NoteKo) {
					t.Errorf("%s %s SLA row %s: note %q has no Korean form", n.Name, r.Env, c.Name, c.Note)
				}
			}
		}
	}
}

func hangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}
