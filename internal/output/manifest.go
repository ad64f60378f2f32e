package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// Manifest maps each generated file to the SHA-256 of what was written.
type Manifest struct {
	Generator string            `json:"generator"`
	Files     map[string]string `json:"files"`
}

// DamagedError says that one of physarch's own records in the output
// directory (the manifest or the journal) cannot be trusted. Nothing is
// written or removed when a build meets one.
type DamagedError struct {
	File   string // the record, as a path the user can open
	Detail string // what is wrong with it
	Hint   string // what the user can do
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("%s %s: it was edited or damaged, so nothing was written or removed; %s", e.File, e.Detail, e.Hint)
}

const manifestHint = "check the file (every entry must be a relative path inside the output directory with its SHA-256), " +
	"or delete it to start over (physarch then treats existing files as not its own and asks for --force before replacing them)"

// parseManifest reads a manifest and refuses any entry that is not a clean
// relative path inside the output directory with a SHA-256: a build
// removes files the manifest lists, so a bad entry must stop it.
func parseManifest(b []byte) (Manifest, error) {
	var m Manifest
	if err := decodeStrict(b, &m); err != nil {
		return Manifest{}, fmt.Errorf("is not valid JSON (%v)", err)
	}
	if m.Files == nil {
		m.Files = map[string]string{}
	}
	for _, p := range sortedKeys(m.Files) {
		if err := checkRel(p); err != nil {
			return Manifest{}, fmt.Errorf("lists %q, which is not a file inside the output directory (%v)", p, err)
		}
		if !validSum(m.Files[p]) {
			return Manifest{}, fmt.Errorf("gives %q the checksum %q, which is not a SHA-256 in hex", p, m.Files[p])
		}
	}
	return m, nil
}

// decodeStrict decodes one JSON value and refuses anything after it, so a
// truncated or concatenated record is not half-trusted.
func decodeStrict(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	if err := d.Decode(v); err != nil {
		return err
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return errors.New("data after the end of the record")
	}
	return nil
}

func encodeManifest(m Manifest) ([]byte, error) {
	if m.Files == nil {
		m.Files = map[string]string{}
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding the manifest: %w", err)
	}
	return append(b, '\n'), nil
}

// readManifest reads the output's manifest; a missing one is empty.
func (t *tree) readManifest() (Manifest, error) {
	b, ok, err := t.readRecord(ManifestName)
	if err != nil || !ok {
		return Manifest{Generator: "physarch", Files: map[string]string{}}, err
	}
	m, err := parseManifest(b)
	if err != nil {
		return Manifest{}, &DamagedError{File: t.show(ManifestName), Detail: err.Error(), Hint: manifestHint}
	}
	return m, nil
}

func (t *tree) writeManifest(m Manifest) error {
	b, err := encodeManifest(m)
	if err != nil {
		return err
	}
	if err := t.writeRecord(ManifestName, b); err != nil {
		return fmt.Errorf("writing %s: %w", t.show(ManifestName), err)
	}
	return nil
}

func hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
