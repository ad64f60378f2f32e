package output

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render"
)

// set builds a generated file set from path → content.
func set(m map[string]string) []render.File {
	var fs []render.File
	for _, p := range sortedKeys(m) {
		fs = append(fs, render.File{Path: p, Data: []byte(m[p])})
	}
	return fs
}

// onDisk lists every regular file under dir that is not physarch's own
// bookkeeping, by slash path, with its content.
func onDisk(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, reservedPrefix) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			got[rel] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// manifestOf reads dir's manifest as the package writes it.
func manifestOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatalf("reading the manifest: %v", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	return m.Files
}

// consistent reports how dir differs from "the manifest equals the files":
// every listed file exists with the listed hash, every file on disk that
// is not the user's (userFiles) is listed, and no journal or staging
// directory is left.
func consistent(t *testing.T, dir string, userFiles ...string) error {
	t.Helper()
	man := manifestOf(t, dir)
	disk := onDisk(t, dir)
	var bad []string
	for p, sum := range man {
		c, ok := disk[p]
		switch {
		case !ok:
			bad = append(bad, "listed but missing: "+p)
		case hash([]byte(c)) != sum:
			bad = append(bad, "listed with another hash: "+p)
		}
	}
	user := map[string]bool{}
	for _, u := range userFiles {
		user[u] = true
	}
	for p := range disk {
		if _, ok := man[p]; !ok && !user[p] {
			bad = append(bad, "on disk but not listed: "+p)
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, JournalName)); err == nil {
		bad = append(bad, "journal left behind")
	}
	if st, _ := filepath.Glob(filepath.Join(dir, stagePrefix+"*")); len(st) > 0 {
		bad = append(bad, fmt.Sprintf("staging left behind: %v", st))
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		return fmt.Errorf("manifest and files disagree:\n  %s", strings.Join(bad, "\n  "))
	}
	return nil
}

func equalContent(got, want map[string]string) bool {
	if len(got) != len(want) {
		return false
	}
	for p, c := range want {
		if got[p] != c {
			return false
		}
	}
	return true
}

// The crash and race tests run builds in separate processes: the test
// binary started again, running only TestHelperProcess, which does what
// helperEnv says and exits.
const helperEnv = "PHYSARCH_OUTPUT_TEST_HELPER"

func helper(t *testing.T, env ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

type procRun struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
}
