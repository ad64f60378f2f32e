package output

import (
	"encoding/json"
	"fmt"
)

// A journal is written, atomically, once every file of a build is staged
// and before the first file is moved into place. From it the next build
// can finish an interrupted one (state commit) or complete its rollback
// (state rollback), and then write a manifest that matches the files.
type journal struct {
	Version int               `json:"version"`
	State   string            `json:"state"`
	Stage   string            `json:"stage"`   // the staging directory, in the output root
	Old     map[string]string `json:"old"`     // the manifest before the build
	New     map[string]string `json:"new"`     // what the build generates
	Moves   []move            `json:"moves"`   // files to move from <stage>/new into place
	Removes []string          `json:"removes"` // files of Old no longer generated
}

// move is one file to put in place. Prior is the checksum of the file it
// replaces, as planned ("" when there was none): a file that no longer
// matches it was changed by someone else, and is left alone.
type move struct {
	Path  string `json:"path"`
	Prior string `json:"prior,omitempty"`
}

const (
	journalVersion = 1
	stateCommit    = "commit"
	stateRollback  = "rollback"
	newDir         = "new" // <stage>/new/<path>: the file to put in place
	oldDir         = "old" // <stage>/old/<path>: what it replaced or what was removed, until the end
)

const journalHint = "an earlier build of this directory was interrupted and physarch cannot tell how to finish it; " +
	"check that the files are as you want them, then delete the journal and the " + ManifestName +
	" (physarch then asks for --force before replacing existing files)"

func (j *journal) staged(rel string) string { return j.Stage + "/" + newDir + "/" + rel }
func (j *journal) backup(rel string) string { return j.Stage + "/" + oldDir + "/" + rel }

// parseJournal reads a journal and refuses one whose paths or checksums
// are not what physarch writes: finishing a journal moves and removes
// files, so every path in it must lie inside the output directory.
func parseJournal(b []byte) (journal, error) {
	var j journal
	if err := decodeStrict(b, &j); err != nil {
		return journal{}, fmt.Errorf("is not valid JSON (%v)", err)
	}
	if j.Version != journalVersion {
		return journal{}, fmt.Errorf("has version %d; this physarch reads version %d", j.Version, journalVersion)
	}
	if j.State != stateCommit && j.State != stateRollback {
		return journal{}, fmt.Errorf("has the state %q, not %q or %q", j.State, stateCommit, stateRollback)
	}
	if !validStage(j.Stage) {
		return journal{}, fmt.Errorf("names the staging directory %q, which is not one physarch makes", j.Stage)
	}
	for _, set := range []map[string]string{j.Old, j.New} {
		for _, p := range sortedKeys(set) {
			if err := checkRel(p); err != nil {
				return journal{}, fmt.Errorf("lists %q, which is not a file inside the output directory (%v)", p, err)
			}
			if !validSum(set[p]) {
				return journal{}, fmt.Errorf("gives %q the checksum %q, which is not a SHA-256 in hex", p, set[p])
			}
		}
	}
	seen := map[string]bool{}
	for _, m := range j.Moves {
		if _, ok := j.New[m.Path]; !ok || seen[m.Path] {
			return journal{}, fmt.Errorf("moves %q, which it does not generate or moves twice", m.Path)
		}
		if m.Prior != "" && !validSum(m.Prior) {
			return journal{}, fmt.Errorf("gives %q the prior checksum %q, which is not a SHA-256 in hex", m.Path, m.Prior)
		}
		seen[m.Path] = true
	}
	for _, p := range j.Removes {
		_, old := j.Old[p]
		_, gen := j.New[p]
		if !old || gen || seen[p] {
			return journal{}, fmt.Errorf("removes %q, which was not generated before, is still generated or is listed twice", p)
		}
		seen[p] = true
	}
	return j, nil
}

func encodeJournal(j *journal) ([]byte, error) {
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding the journal: %w", err)
	}
	return append(b, '\n'), nil
}

func (t *tree) saveJournal(j *journal) error {
	b, err := encodeJournal(j)
	if err != nil {
		return err
	}
	if err := t.writeRecord(JournalName, b); err != nil {
		return fmt.Errorf("writing %s: %w", t.show(JournalName), err)
	}
	return nil
}

// union lists the paths of both manifests, sorted.
func (j *journal) union() []string {
	all := map[string]string{}
	for p, s := range j.Old {
		all[p] = s
	}
	for p, s := range j.New {
		all[p] = s
	}
	return sortedKeys(all)
}
