package output

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// newStage makes an empty staging directory in the output root. It lives
// there, not in the system's temporary directory, so that moving a file
// into place is a rename on one filesystem.
func (t *tree) newStage() (string, error) {
	for range 10 {
		b := make([]byte, 8)
		rand.Read(b)
		name := stagePrefix + hex.EncodeToString(b)
		err := t.root.Mkdir(name, 0o700)
		if err == nil {
			t.dirs[name] = true
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("creating a staging directory in %s: %w", t.dir, err)
		}
	}
	return "", fmt.Errorf("creating a staging directory in %s: no free name", t.dir)
}

// removeStale deletes what interrupted builds left in the output root:
// staging directories and half-written records. It runs under the lock
// and after the journal was dealt with, so none of it is in use.
func (t *tree) removeStale() (int, error) {
	d, err := t.root.Open(".")
	if err != nil {
		return 0, fmt.Errorf("listing %s: %w", t.dir, err)
	}
	names, err := d.Readdirnames(-1)
	d.Close()
	if err != nil {
		return 0, fmt.Errorf("listing %s: %w", t.dir, err)
	}
	n := 0
	for _, name := range names {
		switch {
		case strings.HasPrefix(name, stagePrefix):
			if err := t.removeStage(name); err != nil {
				return n, err
			}
			n++
		case name == ManifestName+tmpSuffix, name == JournalName+tmpSuffix:
			if err := t.removeRecord(name); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}
