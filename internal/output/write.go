// Package output writes generated files safely: it stages everything in a
// temporary directory inside the output, moves files into place only when
// all were staged, records what it generated, and never replaces or
// deletes a file it did not generate (or one the user changed since).
//
// Every operation goes through an os.Root on the output directory, and a
// symbolic link on the way to any file is refused rather than followed. A
// journal written before the first file moves lets the next build finish
// a build that was killed, and an advisory lock makes concurrent builds of
// one directory run one after the other.
package output

import (
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/physarch/physarch/internal/render"
)

// Options tune a write. The zero value is a normal build.
type Options struct {
	// Force replaces files physarch did not generate or that were edited.
	Force bool
	// Log receives notices for the user (waiting for another build,
	// finishing an interrupted one), one line each. Nil discards them.
	Log io.Writer
	// LockWait bounds the wait for another build of the same directory;
	// zero means DefaultLockWait.
	LockWait time.Duration

	// afterStep, set only by this package's tests, runs after each step
	// of the rename phase (see stepHook): the crash tests kill the
	// process there.
	afterStep stepHook
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

// Write puts files under dir.
func Write(dir string, files []render.File, opts Options) (*Report, error) {
	order, data, err := generated(files)
	if err != nil {
		return nil, err
	}
	t, err := openTree(dir)
	if err != nil {
		return nil, err
	}
	defer t.close()
	unlock, err := t.lock(opts.LockWait, opts.Log)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := t.resume(opts.Log); err != nil {
		return nil, err
	}
	if n, err := t.removeStale(); err != nil {
		return nil, err
	} else if n > 0 && opts.Log != nil {
		fmt.Fprintf(opts.Log, "physarch: removed %d staging director%s left in %s by interrupted builds\n", n, plural(n, "y", "ies"), dir)
	}
	old, err := t.readManifest()
	if err != nil {
		return nil, err
	}
	rep := &Report{Dir: dir}
	j, err := t.plan(old, order, data, opts.Force, rep)
	if err != nil {
		return nil, err
	}
	if len(j.Moves) == 0 && len(j.Removes) == 0 {
		// Nothing moves: the manifest alone is brought up to date.
		if err := t.writeManifest(Manifest{Generator: "physarch", Files: j.New}); err != nil {
			return nil, err
		}
		return rep, nil
	}
	if j.Stage, err = t.newStage(); err != nil {
		return nil, err
	}
	for _, m := range j.Moves {
		if err := t.create(j.staged(m.Path), data[m.Path]); err != nil {
			t.removeStage(j.Stage)
			return nil, fmt.Errorf("staging %s: %w; nothing was written", m.Path, err)
		}
	}
	if err := t.saveJournal(j); err != nil {
		t.removeStage(j.Stage)
		return nil, fmt.Errorf("%w; nothing was written", err)
	}
	out, err := t.finish(j, opts.afterStep, false)
	if err != nil {
		if out.rolledBack {
			return nil, fmt.Errorf("%w; the previous output was put back", err)
		}
		return nil, err
	}
	rep.Written, rep.Removed = out.written, out.removed
	if len(out.left) > 0 {
		return rep, fmt.Errorf("%d file(s) changed while physarch was writing and were left as they are: %s (build again to see them as conflicts)",
			len(out.left), strings.Join(out.left, ", "))
	}
	return rep, nil
}

// generated checks the generated paths and keys the data by clean path.
// A bad path is a bug in a renderer, not in the user's input.
func generated(files []render.File) ([]string, map[string][]byte, error) {
	order := make([]string, 0, len(files))
	data := make(map[string][]byte, len(files))
	for _, f := range files {
		rel := filepath.ToSlash(filepath.Clean(f.Path))
		if err := checkRel(rel); err != nil {
			return nil, nil, fmt.Errorf("internal error: generated path %q: %v", f.Path, err)
		}
		if _, dup := data[rel]; dup {
			return nil, nil, fmt.Errorf("internal error: %q is generated twice", rel)
		}
		data[rel] = f.Data
		order = append(order, rel)
	}
	for _, rel := range order {
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			if _, clash := data[d]; clash {
				return nil, nil, fmt.Errorf("internal error: %q is generated both as a file and as a directory", d)
			}
		}
	}
	return order, data, nil
}

// plan compares what is generated with what is on disk and the manifest:
// files to move into place, files unchanged, files no longer generated
// that can go, and conflicts. It reads only; links are refused here,
// before anything is staged.
func (t *tree) plan(old Manifest, order []string, data map[string][]byte, force bool, rep *Report) (*journal, error) {
	j := &journal{Version: journalVersion, State: stateCommit, Old: old.Files, New: map[string]string{}}
	var conflicts []string
	for _, rel := range order {
		sum := hash(data[rel])
		j.New[rel] = sum
		cur, err := t.inspect(rel)
		switch {
		case err != nil:
			return nil, err
		case !cur.exists:
			j.Moves = append(j.Moves, move{Path: rel})
		case cur.sum == sum:
			rep.Unchanged = append(rep.Unchanged, rel)
		case old.Files[rel] == cur.sum || force:
			j.Moves = append(j.Moves, move{Path: rel, Prior: cur.sum})
		default:
			conflicts = append(conflicts, rel)
		}
	}
	if len(conflicts) > 0 {
		sort.Strings(conflicts)
		return nil, &ConflictError{Paths: conflicts}
	}
	// Files generated last time and no longer generated go, but only when
	// they are still exactly as physarch wrote them.
	for _, rel := range sortedKeys(old.Files) {
		if _, still := j.New[rel]; still {
			continue
		}
		cur, err := t.inspect(rel)
		var link *LinkError
		switch {
		case errors.As(err, &link):
			return nil, err
		case err != nil, !cur.exists, cur.sum != old.Files[rel]:
			// Gone, replaced by a directory, or edited: the user's now.
		default:
			j.Removes = append(j.Removes, rel)
		}
	}
	return j, nil
}

// resume finishes a build that a crash interrupted, from its journal.
// Afterwards the manifest matches the files again, whichever way it went.
func (t *tree) resume(log io.Writer) error {
	b, ok, err := t.readRecord(JournalName)
	if err != nil || !ok {
		return err
	}
	j, err := parseJournal(b)
	if err != nil {
		return &DamagedError{File: t.show(JournalName), Detail: err.Error(), Hint: journalHint}
	}
	out, err := t.finish(&j, nil, true)
	if !out.finalized {
		return fmt.Errorf("finishing an interrupted build of %s: %w", t.dir, err)
	}
	if log != nil {
		what := "finished it"
		if out.rolledBack {
			what = "rolled it back"
		}
		fmt.Fprintf(log, "physarch: an earlier build of %s was interrupted; %s, and the record of generated files matches the files again\n", t.dir, what)
		if err != nil {
			fmt.Fprintf(log, "physarch: warning: %v\n", err)
		}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
