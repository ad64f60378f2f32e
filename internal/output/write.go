// Package output writes generated files safely: it stages everything in a
// temporary directory, moves files into place only when all were staged,
// records what it generated, and never replaces or deletes a file it did
// not generate (or one the user changed since).
package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/render"
)

// ManifestName is the record of generated files, kept in the output root.
const ManifestName = ".physarch-generated.json"

// Manifest maps each generated file to the SHA-256 of what was written.
type Manifest struct {
	Generator string            `json:"generator"`
	Files     map[string]string `json:"files"`
}

// Report says what a write did.
type Report struct {
	Dir       string   `json:"dir"`
	Written   []string `json:"written"`
	Unchanged []string `json:"unchanged"`
	Removed   []string `json:"removed"`
}

// ConflictError lists files physarch refuses to touch.
type ConflictError struct{ Paths []string }

func (e *ConflictError) Error() string {
	return fmt.Sprintf("refusing to overwrite %d file(s) physarch did not generate or that were edited since: %s (move them away, or pass --force)",
		len(e.Paths), strings.Join(e.Paths, ", "))
}

// Write puts files under dir. With force, conflicting files are replaced.
func Write(dir string, files []render.File, force bool) (*Report, error) {
	old, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	rep := &Report{Dir: dir}
	next := Manifest{Generator: "physarch", Files: map[string]string{}}
	var conflicts, toWrite []string
	data := map[string][]byte{}
	for _, f := range files {
		rel := filepath.ToSlash(filepath.Clean(f.Path))
		if strings.HasPrefix(rel, "../") || filepath.IsAbs(rel) || rel == ManifestName {
			return nil, fmt.Errorf("internal error: generated path %q escapes the output directory", f.Path)
		}
		sum := hash(f.Data)
		next.Files[rel] = sum
		data[rel] = f.Data
		cur, err := os.ReadFile(filepath.Join(dir, rel))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			toWrite = append(toWrite, rel)
		case err != nil:
			return nil, fmt.Errorf("reading %s: %w", rel, err)
		case hash(cur) == sum:
			rep.Unchanged = append(rep.Unchanged, rel)
		case old.Files[rel] == hash(cur) || force:
			toWrite = append(toWrite, rel)
		default:
			conflicts = append(conflicts, rel)
		}
	}
	if len(conflicts) > 0 {
		sort.Strings(conflicts)
		return nil, &ConflictError{Paths: conflicts}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating output directory: %w", err)
	}
	stage, err := os.MkdirTemp(dir, ".physarch-stage-")
	if err != nil {
		return nil, fmt.Errorf("creating staging directory: %w", err)
	}
	defer os.RemoveAll(stage)
	// Thousands of files share few directories: create each once.
	made := map[string]bool{}
	mkdir := func(d string) error {
		if made[d] {
			return nil
		}
		made[d] = true
		return os.MkdirAll(d, 0o755)
	}
	for _, rel := range toWrite {
		p := filepath.Join(stage, rel)
		if err := mkdir(filepath.Dir(p)); err != nil {
			return nil, fmt.Errorf("staging %s: %w", rel, err)
		}
		if err := os.WriteFile(p, data[rel], 0o644); err != nil {
			return nil, fmt.Errorf("staging %s: %w", rel, err)
		}
	}
	// Everything is staged; only renames remain, which do not fail for
	// lack of space.
	for _, rel := range toWrite {
		dst := filepath.Join(dir, rel)
		if err := mkdir(filepath.Dir(dst)); err != nil {
			return nil, fmt.Errorf("creating %s: %w", filepath.Dir(rel), err)
		}
		if err := os.Rename(filepath.Join(stage, rel), dst); err != nil {
			return nil, fmt.Errorf("moving %s into place: %w", rel, err)
		}
		rep.Written = append(rep.Written, rel)
	}
	// Files generated last time and no longer generated go, but only when
	// they are still exactly as physarch wrote them.
	for rel, sum := range old.Files {
		if _, still := next.Files[rel]; still {
			continue
		}
		p := filepath.Join(dir, rel)
		cur, err := os.ReadFile(p)
		if err != nil || hash(cur) != sum {
			continue
		}
		if err := os.Remove(p); err == nil {
			rep.Removed = append(rep.Removed, rel)
		}
	}
	sort.Strings(rep.Removed)
	if err := writeManifest(dir, next); err != nil {
		return nil, err
	}
	return rep, nil
}

func readManifest(dir string) (Manifest, error) {
	m := Manifest{Files: map[string]string{}}
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return m, fmt.Errorf("reading %s: %w", ManifestName, err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("%s is damaged (%v); remove it to start over", filepath.Join(dir, ManifestName), err)
	}
	if m.Files == nil {
		m.Files = map[string]string{}
	}
	return m, nil
}

func writeManifest(dir string, m Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding manifest: %w", err)
	}
	tmp := filepath.Join(dir, ManifestName+".tmp")
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing manifest: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, ManifestName)); err != nil {
		return fmt.Errorf("writing manifest: %w", err)
	}
	return nil
}

func hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
