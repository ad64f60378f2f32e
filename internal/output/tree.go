package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// LinkError reports a symbolic link on the path of a file physarch would
// write, read as its own, or remove. os.Root already keeps every operation
// inside the output directory; links that stay inside it are refused too,
// because a build must never write or delete where a link points.
type LinkError struct{ Path string }

func (e *LinkError) Error() string {
	return fmt.Sprintf("%s is a symbolic link, and physarch never writes or removes files through a link: "+
		"replace it with a real directory (or file), or choose another output directory", e.Path)
}

// tree is the output directory, opened as an os.Root so that no path can
// leave it, plus the checks os.Root does not make: no symbolic link is
// followed, and only regular files are read, replaced or removed.
type tree struct {
	root *os.Root
	dir  string          // the directory as the user named it, for messages
	dirs map[string]bool // directories already known to be real directories
}

func openTree(dir string) (*tree, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating output directory: %w", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("opening output directory: %w", err)
	}
	return &tree{root: root, dir: dir, dirs: map[string]bool{}}, nil
}

func (t *tree) close() { t.root.Close() }

// show is how a path inside the output reads in a message.
func (t *tree) show(rel string) string {
	return filepath.Join(t.dir, filepath.FromSlash(rel))
}

// checkDirs makes sure every directory above rel is a real directory (not
// a link, not a file). With create, missing ones are made; without, the
// first missing one ends the check, since nothing below it exists either.
func (t *tree) checkDirs(rel string, create bool) error {
	parts := strings.Split(rel, "/")
	for i := 1; i < len(parts); i++ {
		d := strings.Join(parts[:i], "/")
		if t.dirs[d] {
			continue
		}
		fi, err := t.root.Lstat(d)
		if errors.Is(err, fs.ErrNotExist) {
			if !create {
				return nil
			}
			if err := t.root.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("creating %s: %w", t.show(d), err)
			}
			if fi, err = t.root.Lstat(d); err != nil {
				return fmt.Errorf("creating %s: %w", t.show(d), err)
			}
		} else if err != nil {
			return fmt.Errorf("inspecting %s: %w", t.show(d), err)
		}
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			return &LinkError{Path: t.show(d)}
		case !fi.IsDir():
			return fmt.Errorf("%s is a file where physarch needs a directory: move it away", t.show(d))
		}
		t.dirs[d] = true
	}
	return nil
}

// file is what lies at a path: nothing, or a regular file with a checksum.
type file struct {
	exists bool
	sum    string
}

// inspect reads what lies at rel. Links (on the way or at rel itself),
// directories and special files are errors: physarch only ever reads,
// replaces or removes regular files.
func (t *tree) inspect(rel string) (file, error) {
	if err := t.checkDirs(rel, false); err != nil {
		return file{}, err
	}
	fi, err := t.root.Lstat(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return file{}, nil
	}
	if err != nil {
		return file{}, fmt.Errorf("inspecting %s: %w", t.show(rel), err)
	}
	if err := t.regular(rel, fi); err != nil {
		return file{}, err
	}
	b, err := t.readRegular(rel, fi)
	if err != nil {
		return file{}, err
	}
	return file{exists: true, sum: hash(b)}, nil
}

func (t *tree) regular(rel string, fi fs.FileInfo) error {
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		return &LinkError{Path: t.show(rel)}
	case fi.IsDir():
		return fmt.Errorf("%s is a directory where physarch writes a file: move it away", t.show(rel))
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file: move it away", t.show(rel))
	}
	return nil
}

// readRegular reads rel, which Lstat found to be the regular file fi, and
// makes sure the file opened is that one: os.Root would follow a link
// swapped in between, as long as it stays inside the output.
func (t *tree) readRegular(rel string, fi fs.FileInfo) ([]byte, error) {
	f, err := t.root.Open(rel)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", t.show(rel), err)
	}
	defer f.Close()
	got, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", t.show(rel), err)
	}
	if !os.SameFile(fi, got) {
		return nil, fmt.Errorf("reading %s: it changed while physarch was reading it; try again", t.show(rel))
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", t.show(rel), err)
	}
	return b, nil
}

// readRecord reads one of physarch's own records (manifest, journal).
func (t *tree) readRecord(name string) (b []byte, ok bool, err error) {
	fi, err := t.root.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("inspecting %s: %w", t.show(name), err)
	}
	if err := t.regular(name, fi); err != nil {
		return nil, false, err
	}
	b, err = t.readRegular(name, fi)
	return b, err == nil, err
}

// writeRecord replaces one of physarch's records atomically: a temporary
// file, flushed to disk, renamed over the old one. A crash leaves the old
// record or the new one, never a mixture.
func (t *tree) writeRecord(name string, b []byte) error {
	tmp := name + tmpSuffix
	if err := t.root.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	f, err := t.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = t.renameOver(tmp, name)
	}
	if err != nil {
		t.root.Remove(tmp)
		return err
	}
	t.syncDir()
	return nil
}

// renameOver renames from to name in the root directory, refusing to
// replace anything but a regular file.
func (t *tree) renameOver(from, name string) error {
	if fi, err := t.root.Lstat(name); err == nil {
		if err := t.regular(name, fi); err != nil {
			return err
		}
	}
	return t.root.Rename(from, name)
}

// removeRecord deletes one of physarch's records; a missing one is fine.
func (t *tree) removeRecord(name string) error {
	if err := t.root.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("removing %s: %w", t.show(name), err)
	}
	t.syncDir()
	return nil
}

// syncDir flushes the root directory, so a rename of a record survives a
// power cut. Some platforms cannot sync a directory; the rename then is
// as durable as the platform makes it, which is why errors are ignored.
func (t *tree) syncDir() {
	if d, err := t.root.Open("."); err == nil {
		d.Sync()
		d.Close()
	}
}

// create writes a new file at rel (inside a staging directory), making
// the directories above it. O_EXCL: it never opens what is already there,
// so it cannot write through a link.
func (t *tree) create(rel string, data []byte) error {
	if err := t.checkDirs(rel, true); err != nil {
		return err
	}
	f, err := t.root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// move renames from to to inside the root, making the directories above
// to. No link may lie above either end; the caller has checked the ends.
func (t *tree) move(from, to string) error {
	if err := t.checkDirs(from, false); err != nil {
		return err
	}
	if err := t.checkDirs(to, true); err != nil {
		return err
	}
	return t.root.Rename(from, to)
}

// exists says whether something (of any kind) lies at rel, without
// following a link.
func (t *tree) exists(rel string) bool {
	_, err := t.root.Lstat(rel)
	return err == nil
}
