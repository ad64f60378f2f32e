package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/physarch/physarch/internal/render"
)

func files(content string) []render.File {
	return []render.File{{Path: "a/one.md", Data: []byte("one " + content)}, {Path: "two.md", Data: []byte("two " + content)}}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteThenRewrite(t *testing.T) {
	dir := t.TempDir()
	rep, err := Write(dir, files("v1"), Options{})
	if err != nil || len(rep.Written) != 2 {
		t.Fatalf("first write: %v %+v", err, rep)
	}
	rep, err = Write(dir, files("v1"), Options{})
	if err != nil || len(rep.Unchanged) != 2 || len(rep.Written) != 0 {
		t.Fatalf("same content should be unchanged: %v %+v", err, rep)
	}
	rep, err = Write(dir, files("v2"), Options{})
	if err != nil || len(rep.Written) != 2 {
		t.Fatalf("generated files must be replaceable: %v %+v", err, rep)
	}
	if got := read(t, filepath.Join(dir, "a/one.md")); got != "one v2" {
		t.Errorf("content %q", got)
	}
	if entries, _ := filepath.Glob(filepath.Join(dir, ".physarch-stage-*")); len(entries) != 0 {
		t.Errorf("staging directory left behind: %v", entries)
	}
}

func TestNeverOverwritesUserFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "two.md"), []byte("mine"), 0o644)
	_, err := Write(dir, files("v1"), Options{})
	var c *ConflictError
	if !errors.As(err, &c) || len(c.Paths) != 1 || c.Paths[0] != "two.md" {
		t.Fatalf("want a conflict on two.md, got %v", err)
	}
	if got := read(t, filepath.Join(dir, "two.md")); got != "mine" {
		t.Errorf("user file changed to %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "a/one.md")); !os.IsNotExist(err) {
		t.Error("a conflict must leave nothing written")
	}
	if _, err := Write(dir, files("v1"), Options{Force: true}); err != nil {
		t.Fatalf("--force: %v", err)
	}
}

func TestEditedGeneratedFileIsKept(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, files("v1"), Options{}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "two.md"), []byte("hand edit"), 0o644)
	if _, err := Write(dir, files("v2"), Options{}); err == nil {
		t.Fatal("a generated file edited by hand was overwritten")
	}
	if got := read(t, filepath.Join(dir, "two.md")); got != "hand edit" {
		t.Errorf("edit lost: %q", got)
	}
}

func TestRemovesOnlyItsOwnStaleFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, files("v1"), Options{}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("user"), 0o644)
	rep, err := Write(dir, files("v1")[:1], Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Removed) != 1 || rep.Removed[0] != "two.md" {
		t.Errorf("removed %v, want [two.md]", rep.Removed)
	}
	if read(t, filepath.Join(dir, "notes.txt")) != "user" {
		t.Error("a user file was touched")
	}
}

func TestFailedWriteKeepsPreviousOutput(t *testing.T) {
	// A file where a directory must go fails staging even as root (who
	// ignores permissions).
	dir := t.TempDir()
	if _, err := Write(dir, files("v1"), Options{}); err != nil {
		t.Fatal(err)
	}
	bad := append(files("v2"), render.File{Path: "two.md/child.md", Data: []byte("x")})
	if _, err := Write(dir, bad, Options{}); err == nil {
		t.Fatal("want an error staging a file below a file")
	}
	if got := read(t, filepath.Join(dir, "two.md")); got != "two v1" {
		t.Errorf("previous output damaged: %q", got)
	}
	if got := read(t, filepath.Join(dir, "a/one.md")); got != "one v1" {
		t.Errorf("previous output damaged: %q", got)
	}
}
