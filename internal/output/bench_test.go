package output

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render"
)

// largeSet is about the large build's output: 1,000 files of 4 KiB in
// 50 directories.
func largeSet(version string) []render.File {
	var fs []render.File
	body := strings.Repeat("x", 4096)
	for i := range 1000 {
		fs = append(fs, render.File{Path: fmt.Sprintf("deploy/k8s/s%02d/f%03d.yaml", i%50, i), Data: []byte(version + body)})
	}
	return fs
}

// BenchmarkWriteEmpty writes the large set into an empty directory.
func BenchmarkWriteEmpty(b *testing.B) {
	files := largeSet("v1")
	base := b.TempDir()
	for i := 0; b.Loop(); i++ {
		if _, err := Write(filepath.Join(base, fmt.Sprint(i)), files, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteUnchanged rebuilds the large set over itself: everything
// is read and compared, nothing moves.
func BenchmarkWriteUnchanged(b *testing.B) {
	files := largeSet("v1")
	dir := b.TempDir()
	if _, err := Write(dir, files, Options{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Write(dir, files, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteReplace replaces every file of the large set.
func BenchmarkWriteReplace(b *testing.B) {
	sets := [2][]render.File{largeSet("v1"), largeSet("v2")}
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		if _, err := Write(dir, sets[i%2], Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
