package generate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// planSections are the headings (without their numbers) of the sections
// issue 14 asks to come from the plan: each row there is one thing the
// plan knows, so no two rows of a table may be the same (the RBAC table
// once had seven identical rows).
var planSections = map[string]bool{
	"RBAC": true, "RBAC 구성": true,
	"Backup": true, "백업 전략": true,
	"Alerts": true, "알림 설정": true,
	"Routine": true, "일상 운영": true,
	"Incidents": true, "인시던트 대응": true,
	"Roadmap": true, "단계별 확장 로드맵": true,
}

// repeatedRows are the tables under planSections with a row printed
// twice; found notes the sections it read.
func repeatedRows(src []byte, found map[string]bool) []string {
	var out []string
	for _, tb := range tables(src) {
		if !planSections[untitled(tb.heading)] {
			continue
		}
		found[untitled(tb.heading)] = true
		seen := map[string]bool{}
		for _, r := range tb.rows {
			k := strings.Join(r, "|")
			if seen[k] {
				out = append(out, tb.heading+": "+k)
			}
			seen[k] = true
		}
	}
	return out
}

// TestPlanSectionsHaveNoRepeatedRows reads every example's generated
// documents (the goldens TestGolden keeps equal to the output) and fails
// on a repeated row in a plan-derived section; it also checks that each
// production roadmap has its 2× and 5× steps, and that the check itself
// finds a planted repeat.
func TestPlanSectionsHaveNoRepeatedRows(t *testing.T) {
	docs, err := filepath.Glob(filepath.Join("testdata", "golden", "*", "*", "design", "backend", "physical", "physical-architecture-*.md"))
	if err != nil || len(docs) == 0 {
		t.Fatalf("no generated documents under testdata/golden (%v)", err)
	}
	found := map[string]bool{}
	for _, p := range docs {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range repeatedRows(src, found) {
			t.Errorf("%s: repeated row under %s", p, r)
		}
		if strings.Contains(p, string(filepath.Separator)+"en"+string(filepath.Separator)) && strings.HasSuffix(p, "-prod.md") {
			s := string(src)
			if !strings.Contains(s, "| 2× users |") || !strings.Contains(s, "| 5× users |") {
				t.Errorf("%s: the roadmap has no 2× or 5× step", p)
			}
		}
	}
	for h := range planSections {
		if !found[h] {
			t.Errorf("no document has a table under %q: the check reads nothing there", h)
		}
	}
	planted := []byte("#### 7.2.2 RBAC\n\n| Workloads | Subject |\n| --- | --- |\n| a | b |\n| a | b |\n")
	if len(repeatedRows(planted, map[string]bool{})) != 1 {
		t.Error("a planted repeated RBAC row went unnoticed")
	}
}
