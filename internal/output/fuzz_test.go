package output

import (
	"maps"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// insideRoot checks what checkRel promises of an accepted path: joined to
// a root it stays strictly below it, and it names none of physarch's own
// files.
func insideRoot(t *testing.T, p string) {
	t.Helper()
	root := filepath.FromSlash("/out")
	j := filepath.Join(root, filepath.FromSlash(p))
	if !strings.HasPrefix(j, root+string(filepath.Separator)) || path.Clean(p) != p || strings.HasPrefix(p, reservedPrefix) {
		t.Fatalf("accepted %q, which resolves to %q", p, j)
	}
}

// FuzzParseManifest: the manifest reader never panics, and a manifest it
// accepts lists only paths inside the output with SHA-256 sums, and reads
// back the same after writing. Seeds: testdata/fuzz/FuzzParseManifest.
func FuzzParseManifest(f *testing.F) {
	sum := hash([]byte("x"))
	f.Add([]byte(`{"generator":"physarch","files":{"design/a.md":"` + sum + `"}}`))
	f.Add([]byte(`{"files":{"../victim/secret.txt":"` + sum + `"}}`))
	f.Add([]byte(`{"files":{"a\\b":"` + sum + `","/etc/passwd":"` + sum + `"}}`))
	f.Add([]byte(`{"files":null}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := parseManifest(b)
		if err != nil {
			return
		}
		for p, s := range m.Files {
			insideRoot(t, p)
			if !validSum(s) {
				t.Fatalf("accepted the checksum %q", s)
			}
		}
		enc, err := encodeManifest(m)
		if err != nil {
			t.Fatal(err)
		}
		again, err := parseManifest(enc)
		if err != nil || !maps.Equal(again.Files, m.Files) || again.Generator != m.Generator {
			t.Fatalf("does not read back: %v\n%s", err, enc)
		}
	})
}

// FuzzParseJournal: the same for the journal, whose every move and
// removal, and the staging paths made from them, stay inside the output.
// Seeds: testdata/fuzz/FuzzParseJournal.
func FuzzParseJournal(f *testing.F) {
	sum := hash([]byte("x"))
	f.Add([]byte(`{"version":1,"state":"commit","stage":".physarch-stage-0123456789abcdef","old":{"a.md":"` + sum +
		`","gone.md":"` + sum + `"},"new":{"a.md":"` + sum + `"},"moves":[{"path":"a.md","prior":"` + sum + `"}],"removes":["gone.md"]}`))
	f.Add([]byte(`{"version":1,"state":"rollback","stage":".physarch-stage-../../x","old":{},"new":{},"moves":[],"removes":[]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		j, err := parseJournal(b)
		if err != nil {
			return
		}
		if !validStage(j.Stage) || strings.Contains(j.Stage, "/") {
			t.Fatalf("accepted the staging directory %q", j.Stage)
		}
		for _, set := range []map[string]string{j.Old, j.New} {
			for p := range set {
				insideRoot(t, p)
			}
		}
		for _, m := range j.Moves {
			insideRoot(t, m.Path)
			insideRoot(t, strings.TrimPrefix(j.staged(m.Path), ".physarch-"))
			insideRoot(t, strings.TrimPrefix(j.backup(m.Path), ".physarch-"))
		}
		for _, p := range j.Removes {
			insideRoot(t, p)
		}
		enc, err := encodeJournal(&j)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parseJournal(enc); err != nil {
			t.Fatalf("does not read back: %v\n%s", err, enc)
		}
	})
}
