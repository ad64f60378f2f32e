package generate

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output (review the diff)")

func build(t testing.TB, name string, lang md.Lang) []render.File {
	t.Helper()
	path, data, err := examples.Spec(name)
	if err != nil {
		t.Fatal(err)
	}
	_, files, err := Spec(path, data, Options{Lang: lang})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return files
}

// TestGolden pins every generated file of every example in both languages.
func TestGolden(t *testing.T) {
	for _, name := range examples.Names() {
		for _, lang := range []md.Lang{md.Ko, md.En} {
			t.Run(name+"/"+string(lang), func(t *testing.T) {
				files := build(t, name, lang)
				if len(files) != 7 {
					t.Fatalf("%d files, want the package's 7", len(files))
				}
				dir := filepath.Join("testdata", "golden", name, string(lang))
				if *update {
					os.RemoveAll(dir)
				}
				for _, f := range files {
					p := filepath.Join(dir, f.Path)
					if *update {
						os.MkdirAll(filepath.Dir(p), 0o755)
						if err := os.WriteFile(p, f.Data, 0o644); err != nil {
							t.Fatal(err)
						}
						continue
					}
					want, err := os.ReadFile(p)
					if err != nil {
						t.Fatalf("%v (run go test ./internal/generate -update)", err)
					}
					if !bytes.Equal(f.Data, want) {
						t.Errorf("%s differs from its golden file; run with -update and review the diff", f.Path)
					}
				}
			})
		}
	}
}

// TestDeterministic builds each example twice: byte-identical output.
func TestDeterministic(t *testing.T) {
	for _, name := range examples.Names() {
		a, b := build(t, name, md.Ko), build(t, name, md.Ko)
		for i := range a {
			if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
				t.Errorf("%s: %s differs between two runs", name, a[i].Path)
			}
		}
	}
}
