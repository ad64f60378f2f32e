// Package plantuml reads PlantUML component and deployment diagrams:
// containers (package, node, cloud, rectangle, frame, ...) with their
// labels and nesting, elements (component, database, queue, [X] as Y, ...),
// arrows of every style with labels, notes (one-line and blocks),
// skinparam lines and blocks, !theme and other directives, and comments.
// Like the Mermaid reader it is tolerant: what it cannot read it skips and
// reports, and unbalanced braces or a missing @enduml are Problems.
package plantuml

import (
	"regexp"
	"strings"

	"github.com/physarch/physarch/internal/read"
)

// Element is a component, a container or any other named box.
type Element struct {
	ID        string `json:"id"`
	Label     string `json:"label"`
	Kind      string `json:"kind"` // component, node, package, database, ...
	Container bool   `json:"container,omitempty"`
	Line      int    `json:"line"`
	Parent    string `json:"parent,omitempty"`
}

// Arrow is a link between two elements.
type Arrow struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Arrow string `json:"arrow"`
	Label string `json:"label,omitempty"`
	Line  int    `json:"line"`
}

// Note is a note with the element it is attached to ("" for a free note).
type Note struct {
	Of   string `json:"of,omitempty"`
	Text string `json:"text"`
	Line int    `json:"line"`
}

// Problem is a construct PlantUML refuses.
type Problem struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Diagram is a read PlantUML diagram.
type Diagram struct {
	File       string            `json:"file"`
	Lines      []string          `json:"-"`
	Start      int               `json:"start"` // line of @startuml
	Elements   []*Element        `json:"elements"`
	Arrows     []Arrow           `json:"arrows"`
	Notes      []Note            `json:"notes,omitempty"`
	Skinparams map[string]string `json:"skinparams,omitempty"`
	Directives []string          `json:"directives,omitempty"` // !theme x, !include y
	Skipped    []read.Skip       `json:"skipped,omitempty"`
	Problems   []Problem         `json:"problems,omitempty"`

	byID map[string]*Element
	// byLabel is the first element with each label, for arrows that name
	// an element by its label.
	byLabel map[string]*Element
}

// Element returns an element by ID.
func (d *Diagram) Element(id string) *Element { return d.byID[id] }

const kinds = `package|node|cloud|rectangle|frame|folder|database|component|queue|actor|interface|artifact|storage|card|agent|boundary|collections|file|hexagon|person|stack|usecase|control|entity|label`

var (
	elementR = regexp.MustCompile(`^(` + kinds + `)\s+("([^"]*)"|\[([^\]]*)\]|[^\s{<#]+)(?:\s+as\s+("?)([^\s{<#"]+)"?)?\s*(<<[^>]*>>)?\s*(#\S+)?\s*(\{)?\s*$`)
	bracketR = regexp.MustCompile(`^\[([^\]]+)\](?:\s+as\s+(\S+))?\s*(<<[^>]*>>)?\s*(#\S+)?$`)
	ref      = `(\[[^\]]+\]|"[^"]+"|[\p{L}\p{N}_.:]+)`
	arrowR   = regexp.MustCompile(`^` + ref + `\s*([<o*#x+]?[-.=]+(?:\[[^\]]*\]|left|right|up|down|le|ri|do|l|r|u|d)?[-.=]*[>o*#x+(]?)\s*` + ref + `\s*(?::\s*(.*))?$`)
	noteOne  = regexp.MustCompile(`^note\s+(left|right|top|bottom)(?:\s+of\s+(\S+))?\s*:\s*(.*)$`)
	noteOpen = regexp.MustCompile(`^note\s+(left|right|top|bottom)(?:\s+of\s+(\S+))?\s*$`)
	noteAs   = regexp.MustCompile(`^note\s+"([^"]*)"\s+as\s+(\S+)$`)
	// noteBlockAs opens a floating note block: "note as N1" ... "end note".
	noteBlockAs = regexp.MustCompile(`^note\s+as\s+(\S+)$`)
	skinR       = regexp.MustCompile(`^skinparam\s+(\S+)(?:\s+(.*?))?\s*(\{)?$`)
	ignoreR     = regexp.MustCompile(`^(title|caption|header|footer|left to right direction|top to bottom direction|hide|show|scale|allowmixing|together|center footer|newpage)\b`)
)

// Parse reads a diagram; it never fails.
func Parse(file string, src []byte) *Diagram {
	d := &Diagram{File: file, Lines: read.Lines(src), Skinparams: map[string]string{}, byID: map[string]*Element{}, byLabel: map[string]*Element{}}
	var stack []string
	inComment, inSkin, ended := false, "", false
	var note *Note
	legend := false
	for i, raw := range d.Lines {
		n := i + 1
		if len(raw) > read.MaxLine {
			d.Skipped = append(d.Skipped, read.LongLine(n, raw))
			continue
		}
		line := strings.TrimSpace(raw)
		switch {
		case inComment:
			if strings.Contains(line, "'/") {
				inComment = false
			}
			continue
		case note != nil && !strings.HasPrefix(line, "@enduml"):
			if line == "end note" || line == "endnote" {
				d.Notes = append(d.Notes, *note)
				note = nil
			} else {
				if len(note.Text) < read.MaxLine { // a note past that is no one's to read
					note.Text = strings.TrimSpace(note.Text + "\n" + line)
				}
			}
			continue
		case legend:
			legend = !strings.HasPrefix(line, "endlegend") && line != "end legend"
			continue
		case inSkin != "":
			if line == "}" {
				inSkin = ""
			} else if f := strings.Fields(line); len(f) >= 2 {
				d.Skinparams[inSkin+"."+f[0]] = strings.Join(f[1:], " ")
			}
			continue
		}
		if line == "" || strings.HasPrefix(line, "'") {
			continue
		}
		if strings.HasPrefix(line, "/'") {
			inComment = !strings.Contains(line[2:], "'/")
			continue
		}
		if d.Start == 0 {
			if strings.HasPrefix(line, "@startuml") {
				d.Start = n
			} else if why := read.Noise(line); why != "" {
				d.skip(n, raw, why)
			} else {
				d.skip(n, raw, "before @startuml")
			}
			continue
		}
		if ended {
			d.skip(n, raw, "after @enduml")
			continue
		}
		parent := ""
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		switch {
		case strings.HasPrefix(line, "@enduml"):
			ended = true
		case strings.HasPrefix(line, "!"):
			d.Directives = append(d.Directives, line)
		case line == "}":
			if len(stack) == 0 {
				// PlantUML ignores it (confirmed against the real
				// PlantUML: the diagram renders), so it is no refusal.
				d.skip(n, raw, "} without an open container")
				continue
			}
			stack = stack[:len(stack)-1]
		case skinR.MatchString(line):
			s := skinR.FindStringSubmatch(line)
			if s[3] == "{" {
				inSkin = s[1]
			} else {
				d.Skinparams[s[1]] = s[2]
			}
		case strings.HasPrefix(line, "legend"):
			legend = true
		case noteOne.MatchString(line):
			s := noteOne.FindStringSubmatch(line)
			d.Notes = append(d.Notes, Note{Of: s[2], Text: s[3], Line: n})
		case noteOpen.MatchString(line):
			s := noteOpen.FindStringSubmatch(line)
			note = &Note{Of: s[2], Line: n}
		case noteBlockAs.MatchString(line):
			note = &Note{Line: n}
		case noteAs.MatchString(line):
			s := noteAs.FindStringSubmatch(line)
			d.Notes = append(d.Notes, Note{Of: s[2], Text: s[1], Line: n})
		case elementR.MatchString(line):
			s := elementR.FindStringSubmatch(line)
			label := firstOf(s[3], s[4], s[2])
			id := firstOf(s[6], label)
			e := d.add(id, label, s[1], n, parent)
			if s[9] == "{" {
				e.Container = true
				stack = append(stack, id)
			}
		case bracketR.MatchString(line):
			s := bracketR.FindStringSubmatch(line)
			d.add(firstOf(s[2], s[1]), s[1], "component", n, parent)
		case arrowR.MatchString(line):
			s := arrowR.FindStringSubmatch(line)
			from, to := d.refer(s[1], n, parent), d.refer(s[3], n, parent)
			if strings.HasPrefix(s[2], "<") && !strings.HasSuffix(s[2], ">") {
				from, to = to, from
			}
			d.Arrows = append(d.Arrows, Arrow{From: from, To: to, Arrow: s[2], Label: strings.TrimSpace(s[4]), Line: n})
		case ignoreR.MatchString(line):
		default:
			if why := read.Noise(line); why != "" {
				d.skip(n, raw, why)
			} else {
				d.skip(n, raw, "not a component or deployment statement")
			}
		}
	}
	if d.Start == 0 {
		d.problem(1, "", "no @startuml")
	} else if !ended {
		d.problem(len(d.Lines), "", "no @enduml")
	}
	if note != nil {
		d.problem(note.Line, d.Lines[note.Line-1], "note is never closed with end note")
	}
	// A container left open is closed by @enduml: PlantUML renders it
	// (confirmed against the real PlantUML), so it is no refusal.
	return d
}

// refer returns the ID an arrow end names, adding a component for [X]
// references to elements not declared.
func (d *Diagram) refer(s string, n int, parent string) string {
	label := strings.Trim(s, `[]"`)
	if e := d.byID[label]; e != nil {
		return e.ID
	}
	if e := d.byLabel[label]; e != nil {
		return e.ID
	}
	kind := "component"
	if !strings.HasPrefix(s, "[") {
		kind = "reference"
	}
	return d.add(label, label, kind, n, parent).ID
}

func (d *Diagram) add(id, label, kind string, n int, parent string) *Element {
	if e := d.byID[id]; e != nil {
		if e.Kind == "reference" {
			e.Kind, e.Label, e.Line, e.Parent = kind, label, n, parent
			if d.byLabel[label] == nil {
				d.byLabel[label] = e
			}
		}
		return e
	}
	e := &Element{ID: id, Label: strings.ReplaceAll(label, `\n`, "\n"), Kind: kind, Line: n, Parent: parent}
	d.byID[id] = e
	if d.byLabel[e.Label] == nil {
		d.byLabel[e.Label] = e
	}
	d.Elements = append(d.Elements, e)
	return e
}

func (d *Diagram) skip(n int, raw, why string) {
	d.Skipped = append(d.Skipped, read.Skip{Line: n, Text: raw, Reason: why})
}

func (d *Diagram) problem(n int, raw, why string) {
	d.Problems = append(d.Problems, Problem{Line: max(n, 1), Text: raw, Reason: why})
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
