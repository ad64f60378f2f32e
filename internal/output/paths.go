package output

import (
	"encoding/hex"
	"errors"
	"path"
	"path/filepath"
	"strings"
)

// Names physarch keeps in the output root for itself. Every name that
// starts with reservedPrefix is physarch's: no generated file and no
// manifest entry may use one, so a damaged manifest can never point the
// build at its own bookkeeping.
const (
	// ManifestName is the record of generated files.
	ManifestName = ".physarch-generated.json"
	// JournalName records a build between staging and the manifest, so
	// that the next build can finish it after a crash.
	JournalName = ".physarch-journal.json"
	// LockName is the file whose advisory lock serialises builds.
	LockName = ".physarch-lock"

	reservedPrefix = ".physarch-"
	stagePrefix    = ".physarch-stage-"
	tmpSuffix      = ".tmp"
)

// checkRel says why p is not a clean relative path to a file inside the
// output directory, or returns nil. Paths use forward slashes on every
// platform, as the manifest records them.
func checkRel(p string) error {
	switch {
	case p == "":
		return errors.New("the path is empty")
	case strings.ContainsRune(p, '\\'):
		return errors.New("the path contains a backslash")
	case strings.ContainsRune(p, 0):
		return errors.New("the path contains a NUL byte")
	case path.IsAbs(p) || filepath.IsAbs(p) || filepath.VolumeName(p) != "":
		return errors.New("the path is absolute")
	case path.Clean(p) != p || p == ".":
		return errors.New("the path is not clean (., .., empty or trailing parts)")
	case p == ".." || strings.HasPrefix(p, "../"):
		return errors.New("the path leads out of the output directory")
	case !filepath.IsLocal(filepath.FromSlash(p)):
		// On Windows this also refuses reserved device names (NUL, COM1).
		return errors.New("the path is not local to the output directory")
	case strings.HasPrefix(p, reservedPrefix):
		return errors.New("the path names physarch's own bookkeeping (" + reservedPrefix + "*)")
	}
	return nil
}

// validSum reports whether s is a SHA-256 in lowercase hex, as written.
func validSum(s string) bool {
	if len(s) != 64 || strings.ToLower(s) != s {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// validStage reports whether s names a staging directory physarch makes.
func validStage(s string) bool {
	rest, ok := strings.CutPrefix(s, stagePrefix)
	if !ok || len(rest) != 16 {
		return false
	}
	_, err := hex.DecodeString(rest)
	return err == nil && strings.ToLower(rest) == rest
}
