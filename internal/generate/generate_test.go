package generate

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
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

// TestGolden pins every generated file of every example: the package's
// documents in both languages (testdata/golden/<example>/<lang>/), and the
// deployable output, which is the same in every language, once
// (testdata/golden/<example>/deploy/).
func TestGolden(t *testing.T) {
	for _, name := range examples.Names() {
		if *update {
			os.RemoveAll(filepath.Join("testdata", "golden", name))
		}
		for _, lang := range []md.Lang{md.Ko, md.En} {
			t.Run(name+"/"+string(lang), func(t *testing.T) {
				files := build(t, name, lang)
				docs := 0
				for _, f := range files {
					if strings.HasPrefix(f.Path, render.PackageDir+"/") {
						docs++
					}
				}
				if docs != 7 {
					t.Fatalf("%d package files, want the package's 7", docs)
				}
				for _, f := range files {
					dir := filepath.Join("testdata", "golden", name)
					if strings.HasPrefix(f.Path, render.PackageDir+"/") {
						dir = filepath.Join(dir, string(lang))
					}
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
