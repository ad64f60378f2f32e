package components

import (
	"path/filepath"
	"testing"
)

func TestExamplesLoad(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/*/physarch.yaml")
	if len(paths) < 3 {
		t.Fatalf("found %d examples, want at least 3", len(paths))
	}
	for _, p := range paths {
		if _, err := LoadFile(p); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}
