package output

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// outcome is what finishing a journal did.
type outcome struct {
	written    []string // moved into place
	removed    []string // no longer generated, moved out
	left       []string // changed by someone else since the plan: left as they are
	rolledBack bool     // the build was undone
	finalized  bool     // manifest written, journal and staging gone
}

// Every step of the rename phase, numbered for the tests' crash hook:
// 0 once the journal is on disk, then 1, 2, ... after each rename; if a
// rename fails, one once the rollback is recorded and one after each
// file put back; last, one once the manifest is written and before the
// journal is removed.
type stepHook func(n int)

// finish carries out a journal: forward (state commit) and, if a step
// fails, back again, so a failed build leaves the previous output. Every
// step checks what lies on disk first, so finishing twice (after a crash
// part way) does no harm. It ends by writing a manifest of what is really
// on disk, then removing the journal and the staging directory.
//
// reconcile says whether the manifest must be read back from disk (after
// a crash or a rollback); a clean forward run knows it already.
func (t *tree) finish(j *journal, hook stepHook, reconcile bool) (outcome, error) {
	steps := 0
	step := func() {
		steps++
		if hook != nil {
			hook(steps)
		}
	}
	if hook != nil {
		hook(0)
	}
	var out outcome
	var opErr error
	if j.State == stateCommit {
		out, opErr = t.forward(j, step)
	}
	if j.State == stateRollback || opErr != nil {
		// Record the decision first: interrupted now, the next build goes
		// on rolling back instead of forward. If even that cannot be
		// written, rolling back is still right; reconciling keeps the
		// manifest true whichever way a later build goes.
		j.State = stateRollback
		if err := t.saveJournal(j); err != nil {
			opErr = errors.Join(opErr, err)
		}
		step()
		if err := t.rollback(j, step); err != nil {
			opErr = errors.Join(opErr, err)
		}
		out.written, out.removed, out.rolledBack = nil, nil, true
		reconcile = true
	}
	var m Manifest
	if reconcile {
		m = t.reconcile(j)
	} else {
		m = Manifest{Generator: "physarch", Files: map[string]string{}}
		for p, s := range j.New {
			m.Files[p] = s
		}
		for _, p := range out.left {
			delete(m.Files, p)
		}
	}
	if err := t.writeManifest(m); err != nil {
		// The journal stays: the next build finishes from it.
		return out, errors.Join(opErr, err)
	}
	step()
	err := t.removeRecord(JournalName)
	if err == nil {
		err = t.removeStage(j.Stage)
	}
	out.finalized = err == nil
	return out, errors.Join(opErr, err)
}

// forward moves every staged file into place (keeping what it replaces in
// <stage>/old until the end, so it can be put back) and moves out the
// files no longer generated.
func (t *tree) forward(j *journal, step func()) (outcome, error) {
	var out outcome
	for _, m := range j.Moves {
		staged := j.staged(m.Path)
		if !t.exists(staged) {
			continue // moved before a crash (reconciling checks it)
		}
		cur, err := t.inspect(m.Path)
		if err != nil {
			return out, err
		}
		switch {
		case !cur.exists:
		case cur.sum == j.New[m.Path]:
			continue
		case m.Prior != "" && cur.sum == m.Prior:
			if err := t.move(m.Path, j.backup(m.Path)); err != nil {
				return out, fmt.Errorf("moving %s aside: %w", t.show(m.Path), err)
			}
			step()
		default:
			out.left = append(out.left, m.Path)
			continue
		}
		if err := t.move(staged, m.Path); err != nil {
			return out, fmt.Errorf("moving %s into place: %w", t.show(m.Path), err)
		}
		step()
		out.written = append(out.written, m.Path)
	}
	for _, p := range j.Removes {
		cur, err := t.inspect(p)
		if err != nil {
			return out, err
		}
		if !cur.exists || cur.sum != j.Old[p] {
			continue // edited since physarch wrote it: the user's now
		}
		if err := t.move(p, j.backup(p)); err != nil {
			return out, fmt.Errorf("removing %s: %w", t.show(p), err)
		}
		step()
		out.removed = append(out.removed, p)
	}
	sort.Strings(out.removed)
	return out, nil
}

// rollback puts back what forward replaced or removed, newest first. It
// goes on past a failure, so as much as possible is restored.
func (t *tree) rollback(j *journal, step func()) error {
	var errs []error
	for i := len(j.Removes) - 1; i >= 0; i-- {
		p := j.Removes[i]
		if b := j.backup(p); t.exists(b) && !t.exists(p) {
			if err := t.move(b, p); err != nil {
				errs = append(errs, fmt.Errorf("restoring %s: %w", t.show(p), err))
				continue
			}
			step()
		}
	}
	for i := len(j.Moves) - 1; i >= 0; i-- {
		m := j.Moves[i]
		if t.exists(j.staged(m.Path)) && !t.exists(j.backup(m.Path)) {
			continue // never moved
		}
		cur, err := t.inspect(m.Path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if cur.exists && cur.sum != j.New[m.Path] {
			continue // not what this build put there
		}
		switch b := j.backup(m.Path); {
		case t.exists(b):
			err = t.move(b, m.Path)
		case cur.exists && m.Prior == "":
			err = t.root.Remove(m.Path) // a file this build added
		default:
			continue
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("restoring %s: %w", t.show(m.Path), err))
			continue
		}
		step()
	}
	return errors.Join(errs...)
}

// reconcile is the manifest of what is on disk: every file of the old or
// the new manifest that holds exactly what physarch wrote (either time).
// Files changed by anyone else are left out, as any edited file is.
func (t *tree) reconcile(j *journal) Manifest {
	m := Manifest{Generator: "physarch", Files: map[string]string{}}
	for _, p := range j.union() {
		cur, err := t.inspect(p)
		if err != nil || !cur.exists {
			continue
		}
		if cur.sum == j.New[p] || cur.sum == j.Old[p] {
			m.Files[p] = cur.sum
		}
	}
	return m
}

// removeStage deletes a staging directory and forgets what was known of
// the directories in it.
func (t *tree) removeStage(name string) error {
	for d := range t.dirs {
		if d == name || strings.HasPrefix(d, name+"/") {
			delete(t.dirs, d)
		}
	}
	if err := t.root.RemoveAll(name); err != nil {
		return fmt.Errorf("removing the staging directory %s: %w", t.show(name), err)
	}
	return nil
}
