package firewall_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// read is one of the block's test specs.
func read(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edit is one change to a spec.
type edit struct{ old, new string }

func apply(t testing.TB, src string, edits ...edit) string {
	t.Helper()
	for _, e := range edits {
		if !strings.Contains(src, e.old) {
			t.Fatalf("the spec no longer has %q", e.old)
		}
		src = strings.Replace(src, e.old, e.new, 1)
	}
	return src
}

// position is the line and column (1-based) of the first occurrence of
// marker after the text anchor.
func position(t testing.TB, src, anchor, marker string) (int, int) {
	t.Helper()
	a := strings.Index(src, anchor)
	if a < 0 {
		t.Fatalf("no %q in the spec", anchor)
	}
	i := strings.Index(src[a:], marker)
	if i < 0 {
		t.Fatalf("no %q after %q", marker, anchor)
	}
	i += a
	line := strings.Count(src[:i], "\n") + 1
	col := i - strings.LastIndex(src[:i], "\n")
	return line, col
}
