package spec

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Document is a loaded spec with the position of every value in it, so that
// later stages can point at the key behind a problem.
type Document struct {
	File   string
	Spec   Spec
	pos    map[string]Pos
	source []byte
}

// SourceLines returns the spec's text, line by line (for comments such as
// physarch:ignore, which the decoded spec does not keep).
func (d *Document) SourceLines() []string {
	return strings.Split(strings.ReplaceAll(string(d.source), "\r\n", "\n"), "\n")
}

// At returns the position of the value at path ("services[1].calls[0]"),
// falling back to the nearest enclosing value that has one.
func (d *Document) At(path string) Pos {
	for p := path; ; {
		if pos, ok := d.pos[p]; ok {
			return pos
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			if pos, ok := d.pos[""]; ok {
				return pos
			}
			return Pos{File: d.File}
		}
		p = p[:i]
	}
}

// Has reports whether the user (or a profile) wrote a value at path.
func (d *Document) Has(path string) bool {
	_, ok := d.pos[path]
	return ok
}

// Stated reports whether the user's own file gives the value at path (not
// a profile, not a built-in default): documents mark the figures physarch
// assumed.
func (d *Document) Stated(path string) bool {
	pos, ok := d.pos[path]
	return ok && pos.File == d.File
}

// LoadFile reads and loads a spec file.
func LoadFile(path string) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading spec: %w", err)
	}
	return Load(path, data)
}

// Loader loads specs with the sections of the building blocks it is given;
// keys no block and no core type owns are errors.
type Loader struct {
	Sections []Section
}

// Load loads a spec with the core types only (no building block's
// section): the spec package's own tests use it.
func Load(file string, data []byte) (*Document, error) { return Loader{}.Load(file, data) }

// Load parses, merges profiles, decodes strictly, fills defaults and
// validates. It returns Errors (every problem found, from decoding and from
// validation alike) or a valid Document.
func (l Loader) Load(file string, data []byte) (*Document, error) {
	blocks, err := newSectionTable(l.Sections)
	if err != nil {
		return nil, fmt.Errorf("internal error: %w", err)
	}
	if err := checkUTF8(file, data); err != nil {
		return nil, Errors{*err}
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{emptySpec(file)}
		}
		return nil, Errors{syntaxError(file, data, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errors{{Pos: Pos{File: file, Line: extra.Line, Col: extra.Column}, Msg: "more than one YAML document", Hint: "keep one spec per file; remove the '---' separator"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, Errors{syntaxError(file, data, err)}
	}
	if len(root.Content) == 0 {
		return nil, Errors{emptySpec(file)}
	}
	top := root.Content[0]
	d := newDecoder(file, blocks)
	if top.Kind != yaml.MappingNode {
		d.fail(top, "run 'physarch init' for a starter spec", "the spec must be a mapping of keys such as apiVersion, services, environments")
		return nil, d.errs
	}
	if errs := mergeProfiles(file, top, d.origin, d.failed, l.Sections); len(errs) > 0 {
		d.errs = append(d.errs, errs...)
	}
	doc := &Document{File: file, pos: d.pos, source: data}
	d.decode(top, reflect.ValueOf(&doc.Spec).Elem(), "", 0, nil)
	if d.steps >= maxSteps {
		// The document is cut short; its semantics are not worth judging.
		return nil, d.errs.Sorted()
	}
	applyDefaults(doc)
	errs := append(d.errs, validate(doc, d.failed, l.Sections)...)
	if len(errs) > 0 {
		return nil, errs.Sorted().capped()
	}
	return doc, nil
}

func emptySpec(file string) Error {
	return Error{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: "the spec is empty", Hint: "run 'physarch init' for a starter spec"}
}

// checkUTF8 points at the first byte that is not UTF-8: yaml.v3 would
// report it at the start of the file.
func checkUTF8(file string, data []byte) *Error {
	if utf8.Valid(data) {
		return nil
	}
	line, col := 1, 1
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			return &Error{Pos: Pos{File: file, Line: line, Col: col},
				Msg:  fmt.Sprintf("the spec is not UTF-8: byte 0x%02x at byte offset %d", data[off], off),
				Hint: "save the file as UTF-8"}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		off += size
	}
	return nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// syntaxError turns yaml.v3's message into a positioned Error. yaml.v3
// gives a line but no column; a tab in the indentation, the most common
// cause, is pointed at exactly.
func syntaxError(file string, data []byte, err error) Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimSpace(strings.Replace(msg, m[0]+":", "", 1))
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msg = strings.Join(te.Errors, "; ")
	}
	if tl, tc, ok := indentTab(data, line+1); ok {
		return Error{Pos: Pos{File: file, Line: tl, Col: tc}, Msg: "a tab character indents this line (YAML syntax: " + msg + ")", Hint: "YAML indents with spaces only; replace the tab with spaces"}
	}
	return Error{Pos: Pos{File: file, Line: line, Col: 1}, Msg: "YAML syntax: " + msg, Hint: "check indentation and quoting on this line and the one before"}
}

// indentTab finds a tab in the indentation of a line up to one past the
// reported one, the last one first.
func indentTab(data []byte, upTo int) (line, col int, ok bool) {
	lines := strings.Split(string(data), "\n")
	for i := min(upTo, len(lines)) - 1; i >= 0 && i >= upTo-3; i-- {
		for j, r := range []rune(lines[i]) {
			if r == '\t' {
				return i + 1, j + 1, true
			}
			if r != ' ' {
				break
			}
		}
	}
	return 0, 0, false
}

// mergeProfiles lays every environment over its built-in profile: the
// profile's keys fill in what the environment does not say.
func mergeProfiles(file string, top *yaml.Node, origin map[*yaml.Node]string, failed map[string]bool, sections []Section) Errors {
	envs := mapValue(top, "environments")
	if envs == nil || envs.Kind != yaml.SequenceNode {
		return nil // the decoder reports the shape
	}
	var errs Errors
	for i, env := range envs.Content {
		if env.Kind != yaml.MappingNode {
			continue
		}
		pn := mapValue(env, "profile")
		if pn == nil || pn.Kind != yaml.ScalarNode {
			continue // validation reports the missing profile
		}
		prof, name, err := profileNode(pn.Value)
		if err != nil {
			errs = append(errs, Error{Pos: Pos{File: file, Line: pn.Line, Col: pn.Column}, Msg: err.Error(), Hint: DidYouMean(pn.Value, ProfileNames(), "built-in profiles: "+strings.Join(ProfileNames(), ", "))})
			// Without its profile the environment lacks most values;
			// reporting each would bury the one real mistake.
			failed[fmt.Sprintf("environments[%d]", i)] = true
			continue
		}
		markOrigin(prof, name, origin)
		prof, err = withBlockDefaults(prof, pn.Value, name, sections, origin)
		if err != nil {
			errs = append(errs, Error{Pos: Pos{File: file, Line: pn.Line, Col: pn.Column}, Msg: err.Error()})
			continue
		}
		merged := mergeMapping(prof, env)
		*env = *merged
	}
	return errs
}

func markOrigin(n *yaml.Node, name string, origin map[*yaml.Node]string) {
	origin[n] = name
	for _, c := range n.Content {
		markOrigin(c, name, origin)
	}
}

// mergeMapping returns base overlaid by over; mappings merge key by key,
// anything else in over replaces base.
func mergeMapping(base, over *yaml.Node) *yaml.Node {
	if base.Kind != yaml.MappingNode || over.Kind != yaml.MappingNode {
		return over
	}
	out := *over
	out.Content = nil
	for i := 0; i+1 < len(base.Content); i += 2 {
		k, bv := base.Content[i], base.Content[i+1]
		if ov := mapValue(over, k.Value); ov != nil {
			out.Content = append(out.Content, keyOf(over, k.Value), mergeMapping(bv, ov))
		} else {
			out.Content = append(out.Content, k, bv)
		}
	}
	// Keys only the overlay has, and repeats of a key (so that the decoder
	// still reports "key appears twice").
	seen := map[string]bool{}
	for i := 0; i+1 < len(over.Content); i += 2 {
		k := over.Content[i].Value
		if mapValue(base, k) == nil || seen[k] {
			out.Content = append(out.Content, over.Content[i], over.Content[i+1])
		}
		seen[k] = true
	}
	return &out
}

func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func keyOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

// withBlockDefaults lays the building blocks' defaults for a profile under
// their settings keys of the profile's mapping.
func withBlockDefaults(prof *yaml.Node, profile, name string, sections []Section, origin map[*yaml.Node]string) (*yaml.Node, error) {
	for _, sec := range sections {
		src, ok := sec.Profiles[profile]
		if !ok || sec.SettingsKey == "" {
			continue
		}
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(src), &n); err != nil || len(n.Content) == 0 || n.Content[0].Kind != yaml.MappingNode {
			return nil, fmt.Errorf("internal error: block %s's %s defaults are not a YAML mapping (%v)", sec.Kind, profile, err)
		}
		markOrigin(n.Content[0], name+" ("+sec.Kind+")", origin)
		key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: sec.SettingsKey}
		wrap := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{key, n.Content[0]}}
		prof = mergeMapping(prof, wrap)
	}
	return prof, nil
}
