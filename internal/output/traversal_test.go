package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestManifestEntriesOutsideTheOutputAreRefused: a build removes the
// files the manifest lists that it no longer generates. An entry that is
// not a clean path inside the output (here with the real checksum of a
// file it points at) must stop the build with a clear error, and nothing
// may be deleted, inside the output or out of it. Before, the entry
// "../victim/secret.txt" made the build delete that file.
func TestManifestEntriesOutsideTheOutputAreRefused(t *testing.T) {
	const secret = "secret"
	sum := hash([]byte(secret))
	cases := []struct{ name, entry string }{
		{"parent", "../victim/secret.txt"},
		{"parent inside", "a/../../victim/secret.txt"},
		{"absolute", "ABS"}, // replaced by the victim's absolute path
		{"backslash", `..\victim\secret.txt`},
		{"empty", ""},
		{"dot", "."},
		{"dot slash", "./two.md"},
		{"double slash", "a//one.md"},
		{"trailing slash", "a/"},
		{"the manifest", ManifestName},
		{"the journal", JournalName},
		{"the lock", LockName},
		{"a staging directory", ".physarch-stage-0123456789abcdef/x"},
		{"NUL", "two.md\x00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base := t.TempDir()
			out := filepath.Join(base, "out")
			victim := filepath.Join(base, "victim", "secret.txt")
			os.MkdirAll(filepath.Dir(victim), 0o755)
			os.WriteFile(victim, []byte(secret), 0o644)
			if _, err := Write(out, files("v1"), Options{}); err != nil {
				t.Fatal(err)
			}
			entry := c.entry
			if entry == "ABS" {
				entry = filepath.ToSlash(victim)
			}
			m := manifestOf(t, out)
			m[entry] = sum
			b, _ := encodeManifest(Manifest{Generator: "physarch", Files: m})
			os.WriteFile(filepath.Join(out, ManifestName), b, 0o644)
			before := onDisk(t, out)

			// A build that no longer generates two.md would remove it.
			_, err := Write(out, files("v2")[:1], Options{Force: true})
			var d *DamagedError
			if !errors.As(err, &d) {
				t.Errorf("want a DamagedError, got %v", err)
			} else {
				for _, want := range []string{ManifestName, "edited or damaged", "nothing was written or removed", "delete it to start over"} {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q lacks %q", err, want)
					}
				}
			}
			if got, err := os.ReadFile(victim); err != nil || string(got) != secret {
				t.Errorf("the file outside the output was touched: %q %v", got, err)
			}
			if after := onDisk(t, out); !equalContent(after, before) {
				t.Errorf("the output changed: %v, was %v", after, before)
			}
		})
	}
}

// TestDamagedManifestIsRefused: a manifest that is not what physarch
// writes stops the build before anything is read as physarch's.
func TestDamagedManifestIsRefused(t *testing.T) {
	cases := map[string]string{
		"not JSON":       "{",
		"two values":     `{"files":{}} {"files":{"../x":"00"}}`,
		"bad checksum":   `{"files":{"two.md":"not-a-sha"}}`,
		"upper-case hex": `{"files":{"two.md":"` + strings.ToUpper(hash([]byte("two v1"))) + `"}}`,
		"files a list":   `{"files":["two.md"]}`,
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := Write(dir, files("v1"), Options{}); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, ManifestName), []byte(content), 0o644)
			_, err := Write(dir, files("v2"), Options{})
			var d *DamagedError
			if !errors.As(err, &d) {
				t.Fatalf("want a DamagedError, got %v", err)
			}
			if got := read(t, filepath.Join(dir, "two.md")); got != "two v1" {
				t.Errorf("two.md is now %q", got)
			}
		})
	}
}

// TestDamagedJournalIsRefused: finishing a journal moves and removes
// files, so a journal pointing outside the output is refused the same way.
func TestDamagedJournalIsRefused(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "out")
	victim := filepath.Join(base, "victim.txt")
	os.WriteFile(victim, []byte("v"), 0o644)
	if _, err := Write(out, files("v1"), Options{}); err != nil {
		t.Fatal(err)
	}
	j := `{"version":1,"state":"commit","stage":".physarch-stage-0123456789abcdef",` +
		`"old":{"../victim.txt":"` + hash([]byte("v")) + `"},"new":{},"moves":[],"removes":["../victim.txt"]}`
	os.WriteFile(filepath.Join(out, JournalName), []byte(j), 0o644)
	_, err := Write(out, files("v1"), Options{})
	var d *DamagedError
	if !errors.As(err, &d) || !strings.Contains(err.Error(), JournalName) {
		t.Errorf("want a DamagedError naming the journal, got %v", err)
	}
	if _, err := os.Stat(victim); err != nil {
		t.Errorf("the file outside the output was removed: %v", err)
	}
}
