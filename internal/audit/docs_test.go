package audit_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/physarch/physarch/internal/audit"
)

// TestAuditDocsCurrent keeps docs/audit/ equal to what the checks
// generate; `physarch audit --write-docs docs/audit` rewrites it.
func TestAuditDocsCurrent(t *testing.T) {
	dir := filepath.Join("..", "..", "docs", "audit")
	reg := audit.Default()
	want := map[string][]byte{"README.md": audit.Index(reg)}
	for _, c := range reg.Checks() {
		want[c.ID+".md"] = audit.DocPage(c)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%v (run: go run ./cmd/physarch audit --write-docs docs/audit)", err)
	}
	for _, e := range entries {
		if _, ok := want[e.Name()]; !ok {
			t.Errorf("docs/audit/%s belongs to no check; remove it", e.Name())
		}
	}
	for name, b := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("docs/audit/%s is not current (run: go run ./cmd/physarch audit --write-docs docs/audit)", name)
		}
	}
}

// TestCheckIDs: IDs are unique, of the AU family (never check's rule
// IDs), and every check has its texts.
func TestCheckIDs(t *testing.T) {
	seen := map[string]bool{}
	id := regexp.MustCompile(`^AU\d{3}$`)
	for _, c := range audit.Default().Checks() {
		if seen[c.ID] || !id.MatchString(c.ID) {
			t.Errorf("check ID %q: duplicate or not AUnnn", c.ID)
		}
		seen[c.ID] = true
		if c.Title == "" || c.Rationale == "" || c.Fix == "" || c.Family == "" || c.Run == nil {
			t.Errorf("%s lacks a field", c.ID)
		}
	}
}
