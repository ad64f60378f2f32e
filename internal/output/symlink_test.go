package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render"
)

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

var pkg = []render.File{
	{Path: "design/backend/physical/physical-architecture.md", Data: []byte("doc")},
	{Path: "design/backend/physical/network-dev.mmd", Data: []byte("graph")},
	{Path: "README.md", Data: []byte("top")},
}

// TestSymlinkedDirectoryIsNotFollowed: with out/design a link to a
// directory elsewhere, the build wrote the package through the link.
// Now it stops, names the link, and writes nothing, there or in out.
func TestSymlinkedDirectoryIsNotFollowed(t *testing.T) {
	for _, where := range []string{"outside", "inside"} {
		t.Run(where, func(t *testing.T) {
			base := t.TempDir()
			out := filepath.Join(base, "out")
			os.MkdirAll(out, 0o755)
			target := filepath.Join(base, "elsewhere")
			link := "../elsewhere"
			if where == "inside" {
				// os.Root alone would follow this one: it stays in the root.
				target, link = filepath.Join(out, "real"), "real"
			}
			os.MkdirAll(target, 0o755)
			symlink(t, link, filepath.Join(out, "design"))
			_, err := Write(out, pkg, Options{Force: true})
			var le *LinkError
			if !errors.As(err, &le) || le.Path != filepath.Join(out, "design") {
				t.Errorf("want a LinkError naming %s, got %v", filepath.Join(out, "design"), err)
			} else if !strings.Contains(err.Error(), "symbolic link") {
				t.Errorf("message %q", err)
			}
			if got := onDisk(t, target); len(got) != 0 {
				t.Errorf("wrote through the link: %v", got)
			}
			if got := onDisk(t, out); len(got) != 0 {
				t.Errorf("a refused build wrote %v", got)
			}
		})
	}
}

// TestSymlinkedFileIsNotReplaced: a link where a generated file goes is
// refused even with --force, and its target is not touched.
func TestSymlinkedFileIsNotReplaced(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "out")
	os.MkdirAll(out, 0o755)
	victim := filepath.Join(base, "victim.md")
	os.WriteFile(victim, []byte("victim"), 0o644)
	symlink(t, "../victim.md", filepath.Join(out, "README.md"))
	_, err := Write(out, pkg, Options{Force: true})
	var le *LinkError
	if !errors.As(err, &le) || le.Path != filepath.Join(out, "README.md") {
		t.Errorf("want a LinkError naming README.md, got %v", err)
	}
	if read(t, victim) != "victim" {
		t.Error("the link's target was changed")
	}
}

// TestNoRemovalThroughASymlink: the files of the last build are removed
// when no longer generated; a link swapped in for their directory must not
// lead the removal elsewhere, even to a file with the recorded checksum.
func TestNoRemovalThroughASymlink(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "out")
	if _, err := Write(out, pkg, Options{}); err != nil {
		t.Fatal(err)
	}
	// The same files elsewhere, and design/ now a link to them.
	elsewhere := filepath.Join(base, "elsewhere")
	os.MkdirAll(filepath.Join(elsewhere, "backend/physical"), 0o755)
	for _, f := range pkg[:2] {
		rel := strings.TrimPrefix(f.Path, "design/")
		os.WriteFile(filepath.Join(elsewhere, rel), f.Data, 0o644)
	}
	os.RemoveAll(filepath.Join(out, "design"))
	symlink(t, "../elsewhere", filepath.Join(out, "design"))
	_, err := Write(out, pkg[2:], Options{})
	var le *LinkError
	if !errors.As(err, &le) {
		t.Errorf("want a LinkError, got %v", err)
	}
	if got := onDisk(t, elsewhere); len(got) != 2 {
		t.Errorf("files removed through the link: %v left", got)
	}
}

// TestSymlinkedManifestIsRefused: the manifest is read only when it is a
// regular file, so it cannot be pointed at another file.
func TestSymlinkedManifestIsRefused(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "out")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(base, "m.json"), []byte(`{"files":{}}`), 0o644)
	symlink(t, "../m.json", filepath.Join(out, ManifestName))
	_, err := Write(out, pkg, Options{})
	var le *LinkError
	if !errors.As(err, &le) {
		t.Fatalf("want a LinkError, got %v", err)
	}
}
