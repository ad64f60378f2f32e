// Package mermaid reads Mermaid flowcharts as hand-written packages carry
// them: the header (graph/flowchart), subgraphs with labels, nodes of every
// shape with quoted or bare labels (<br/> kept as a line break), edges of
// every arrow kind with labels (|"x"| and -- x -->), chains and & lists,
// classDef/class/style lines and %% comments. It is a reader, not a
// renderer: it reads what it can, reports skipped lines, and records the
// constructs Mermaid's own parser refuses (Problems) so that the audit can
// say the diagram would not render.
package mermaid

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/physarch/physarch/internal/read"
)

// Node is a flowchart node.
type Node struct {
	ID     string `json:"id"`
	Label  string `json:"label"` // <br/> as "\n", quotes removed
	Shape  string `json:"shape,omitempty"`
	Line   int    `json:"line"`
	Parent string `json:"parent,omitempty"` // enclosing subgraph ID
}

// Subgraph is a subgraph with its label.
type Subgraph struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Line   int    `json:"line"`
	Parent string `json:"parent,omitempty"`
}

// Edge is one link; a chain A --> B --> C gives two.
type Edge struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Label string `json:"label,omitempty"`
	Arrow string `json:"arrow"`
	Line  int    `json:"line"`
}

// Comment is a %% line.
type Comment struct {
	Line int    `json:"line"`
	Text string `json:"text"`
}

// Problem is a construct Mermaid's parser refuses.
type Problem struct {
	Line   int    `json:"line"`
	Col    int    `json:"column"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Diagram is a read flowchart.
type Diagram struct {
	File       string              `json:"file"`
	Lines      []string            `json:"-"`
	Header     string              `json:"header"`
	HeaderLine int                 `json:"headerLine"`
	Nodes      []*Node             `json:"nodes"`
	Subgraphs  []*Subgraph         `json:"subgraphs"`
	Edges      []Edge              `json:"edges"`
	ClassDefs  map[string]string   `json:"classDefs,omitempty"`
	Classes    map[string][]string `json:"classes,omitempty"`
	Comments   []Comment           `json:"comments,omitempty"`
	Skipped    []read.Skip         `json:"skipped,omitempty"`
	Problems   []Problem           `json:"problems,omitempty"`

	byID  map[string]*Node
	subID map[string]*Subgraph
	// consumed is what the last shape call read.
	consumed int
}

// Node returns a node by ID.
func (d *Diagram) Node(id string) *Node { return d.byID[id] }

// Subgraph returns a subgraph by ID.
func (d *Diagram) Subgraph(id string) *Subgraph { return d.subID[id] }

// Ancestors returns the labels of the subgraphs around a node or
// subgraph, innermost first.
func (d *Diagram) Ancestors(parent string) []*Subgraph {
	var out []*Subgraph
	for seen := 0; parent != "" && seen < 64; seen++ {
		s := d.subID[parent]
		if s == nil {
			break
		}
		out = append(out, s)
		parent = s.Parent
	}
	return out
}

var (
	header    = regexp.MustCompile(`^(graph|flowchart)(\s+(TB|TD|BT|RL|LR))?\s*;?$`)
	other     = regexp.MustCompile(`^(sequenceDiagram|classDiagram|stateDiagram|erDiagram|gantt|pie|mindmap|C4Context)\b`)
	subgraphR = regexp.MustCompile(`^subgraph(?:\s+(.*))?$`)
	styleLine = regexp.MustCompile(`^(style|linkStyle|click|direction)\b`)
	classDefR = regexp.MustCompile(`^classDef\s+(\S+)\s+(.*)$`)
	classR    = regexp.MustCompile(`^class\s+(\S+)\s+(\S+)\s*;?$`)
	idR       = regexp.MustCompile(`^[\p{L}\p{N}_][\p{L}\p{N}_\-.]*`)
	arrowR    = regexp.MustCompile(`^(<?(?:-{2,}|={2,}|-\.+-|~~~)[>ox]?)`)
	textArrow = regexp.MustCompile(`^(--|==|-\.)\s+([^>|]+?)\s+(-{2,}[>ox]?|={2,}[>ox]?|\.+-[>ox]?|-\.+-[>ox]?)`)
)

// shapes are the opening brackets with their closers, longest first.
var shapes = []struct{ open, close, name string }{
	{"(((", ")))", "double-circle"}, {"((", "))", "circle"}, {"([", "])", "stadium"},
	{"[[", "]]", "subroutine"}, {"[(", ")]", "cylinder"}, {"{{", "}}", "hexagon"},
	{"[/", "/]", "parallelogram"}, {`[\`, `\]`, "parallelogram-alt"}, {"[", "]", "rect"},
	{"(", ")", "round"}, {"{", "}", "rhombus"}, {">", "]", "asymmetric"},
}

// Parse reads a flowchart; it never fails.
func Parse(file string, src []byte) *Diagram {
	d := &Diagram{File: file, Lines: read.Lines(src), ClassDefs: map[string]string{}, Classes: map[string][]string{},
		byID: map[string]*Node{}, subID: map[string]*Subgraph{}}
	var stack []string
	for i, raw := range d.Lines {
		n := i + 1
		if len(raw) > read.MaxLine {
			d.Skipped = append(d.Skipped, read.LongLine(n, raw))
			continue
		}
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "%%") {
			d.Comments = append(d.Comments, Comment{n, strings.TrimSpace(strings.TrimPrefix(line, "%%"))})
			continue
		}
		if why := read.Noise(line); why != "" {
			d.skip(n, raw, why)
			continue
		}
		if d.Header == "" {
			switch {
			case header.MatchString(line):
				d.Header, d.HeaderLine = line, n
			case other.MatchString(line):
				d.skip(n, raw, "not a flowchart (only flowcharts are read)")
				return d
			default:
				d.skip(n, raw, "before the graph header")
			}
			continue
		}
		// The gutter's pipe glued to the file's last line.
		if strings.HasSuffix(line, " |") && strings.Count(line, "|")%2 == 1 {
			d.skip(n, raw, "a trailing | (the web view's line gutter)")
			line = strings.TrimSpace(strings.TrimSuffix(line, "|"))
		}
		line = strings.TrimSuffix(line, ";")
		parent := ""
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		switch {
		case line == "end":
			if len(stack) == 0 {
				d.problem(n, 1, raw, "end without a subgraph")
				continue
			}
			stack = stack[:len(stack)-1]
		case subgraphR.MatchString(line) && (line == "subgraph" || line[8] == ' '):
			s := d.subgraph(n, raw, strings.TrimSpace(strings.TrimPrefix(line, "subgraph")), parent)
			stack = append(stack, s.ID)
		case classDefR.MatchString(line):
			m := classDefR.FindStringSubmatch(line)
			d.ClassDefs[m[1]] = m[2]
		case classR.MatchString(line):
			m := classR.FindStringSubmatch(line)
			for _, id := range strings.Split(m[1], ",") {
				d.Classes[id] = append(d.Classes[id], m[2])
			}
		case styleLine.MatchString(line):
		default:
			if !d.statement(n, raw, line, parent) {
				d.skip(n, raw, "not a flowchart statement")
			}
		}
	}
	if d.Header == "" {
		d.problem(1, 1, "", "no graph/flowchart header")
	}
	for _, id := range stack {
		s := d.subID[id]
		d.problem(s.Line, 1, d.Lines[s.Line-1], "subgraph "+id+" is never closed with end")
	}
	return d
}

func (d *Diagram) skip(n int, raw, why string) {
	d.Skipped = append(d.Skipped, read.Skip{Line: n, Text: raw, Reason: why})
}

func (d *Diagram) problem(n, col int, raw, why string) {
	d.Problems = append(d.Problems, Problem{Line: n, Col: col, Text: raw, Reason: why})
}

// subgraph reads "ID", "ID[label]", "ID [label]", `ID["label"]` or `"label"`.
func (d *Diagram) subgraph(n int, raw, rest, parent string) *Subgraph {
	s := &Subgraph{Line: n, Parent: parent}
	switch {
	case rest == "":
		s.ID = "subgraph" + itoa(n)
	case rest[0] == '"':
		s.Label = strings.Trim(rest, `"`)
		s.ID = s.Label
	default:
		id := idR.FindString(rest)
		s.ID = id
		tail := strings.TrimSpace(rest[len(id):])
		if tail == "" {
			s.Label = id
			break
		}
		if id == "" {
			s.ID, s.Label = rest, rest
			break
		}
		if lbl, _, ok := d.shape(n, raw, tail); ok {
			s.Label = lbl
		} else {
			// "subgraph Title with spaces": Mermaid takes the whole as the title.
			s.ID, s.Label = rest, rest
		}
	}
	d.Subgraphs = append(d.Subgraphs, s)
	d.subID[s.ID] = s
	return s
}

// statement reads a node, a node list, or a chain of edges.
func (d *Diagram) statement(n int, raw, line, parent string) bool {
	rest := line
	prev, ok := d.nodeList(n, raw, &rest, parent)
	if !ok {
		return false
	}
	for {
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return true
		}
		arrow, label := "", ""
		if m := textArrow.FindStringSubmatch(rest); m != nil {
			arrow, label = m[1]+m[3], m[2]
			rest = rest[len(m[0]):]
		} else if m := arrowR.FindString(rest); m != "" {
			arrow = m
			rest = strings.TrimSpace(rest[len(m):])
			if strings.HasPrefix(rest, "|") {
				end := pipeEnd(rest)
				if end < 0 {
					d.problem(n, col(raw, rest), raw, "edge label without its closing |")
					return true
				}
				label = strings.TrimSpace(rest[1:end])
				rest = rest[end+1:]
			}
		} else {
			if rest != "" {
				d.problem(n, col(raw, rest), raw, "unexpected text after a node: "+rest)
			}
			return true
		}
		rest = strings.TrimSpace(rest)
		next, ok := d.nodeList(n, raw, &rest, parent)
		if !ok {
			d.problem(n, col(raw, rest), raw, "an edge without its target")
			return true
		}
		// "A & B --> C & D" is every pair; a line of hundreds on each side
		// would be hundreds of thousands of edges, which no diagram means.
		if len(prev)*len(next) > maxPairs || len(d.Edges) > maxEdges {
			d.skip(n, raw, fmt.Sprintf("an edge list of %d × %d edges (at most %d a line and %d a diagram are read)", len(prev), len(next), maxPairs, maxEdges))
			return true
		}
		for _, a := range prev {
			for _, b := range next {
				d.Edges = append(d.Edges, Edge{From: a, To: b, Label: cleanLabel(label), Arrow: arrow, Line: n})
			}
		}
		prev = next
	}
}

// maxPairs and maxEdges bound the edges read: a generated diagram has a
// few hundred.
const (
	maxPairs = 1000
	maxEdges = 20000
)

// pipeEnd finds the | closing an edge label, skipping a quoted part.
func pipeEnd(s string) int {
	inQ := false
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '"':
			inQ = !inQ
		case '|':
			if !inQ {
				return i
			}
		}
	}
	return -1
}

// nodeList reads "A", `A["x"]`, "A & B".
func (d *Diagram) nodeList(n int, raw string, rest *string, parent string) ([]string, bool) {
	var ids []string
	for {
		s := strings.TrimSpace(*rest)
		id := idR.FindString(s)
		if id == "" {
			return ids, len(ids) > 0
		}
		// An id that runs into an arrow ("A-->B") stops before it.
		if k := strings.Index(id, "--"); k > 0 {
			id = id[:k]
		} else if k := strings.Index(id, "-."); k > 0 {
			id = id[:k]
		}
		s = s[len(id):]
		node := d.byID[id]
		if node == nil && d.subID[id] == nil {
			node = &Node{ID: id, Label: id, Line: n, Parent: parent}
			d.byID[id] = node
			d.Nodes = append(d.Nodes, node)
		}
		if lbl, shape, ok := d.shape(n, raw, s); ok && shape != "" {
			s = s[d.consumed:]
			if node != nil {
				node.Label, node.Shape, node.Line = lbl, shape, n
				if node.Parent == "" {
					node.Parent = parent
				}
			}
		}
		if strings.HasPrefix(s, ":::") {
			cls := idR.FindString(s[3:])
			d.Classes[id] = append(d.Classes[id], cls)
			s = s[3+len(cls):]
		}
		ids = append(ids, id)
		s = strings.TrimSpace(s)
		if !strings.HasPrefix(s, "&") {
			*rest = s
			return ids, true
		}
		*rest = s[1:]
	}
}

// shape reads a bracketed label at the start of s; it sets d.consumed to
// the bytes read. A bare label with characters Mermaid's lexer takes as
// shape delimiters is a Problem (Mermaid refuses it: quote the label).
func (d *Diagram) shape(n int, raw, s string) (label, shape string, ok bool) {
	d.consumed = 0
	for _, sh := range shapes {
		if !strings.HasPrefix(s, sh.open) {
			continue
		}
		body := s[len(sh.open):]
		if strings.HasPrefix(body, `"`) {
			end := strings.Index(body[1:], `"`)
			if end < 0 {
				d.problem(n, col(raw, s), raw, "a label's quote is never closed")
				d.consumed = len(s)
				return cleanLabel(body[1:]), sh.name, true
			}
			after := body[1+end+1:]
			if !strings.HasPrefix(after, sh.close) {
				d.problem(n, col(raw, s), raw, "a quoted label is not followed by "+sh.close)
			}
			d.consumed = len(s) - len(after) + min(len(sh.close), len(after))
			return cleanLabel(body[1 : 1+end]), sh.name, true
		}
		end := strings.Index(body, sh.close)
		if end < 0 {
			d.problem(n, col(raw, s), raw, "a node label is never closed with "+sh.close)
			d.consumed = len(s)
			return cleanLabel(body), sh.name, true
		}
		text := body[:end]
		if strings.ContainsAny(text, "()[]{}") {
			d.problem(n, col(raw, s), raw, "an unquoted label with "+brackets(text)+": Mermaid reads them as a shape; quote the label")
		}
		d.consumed = len(sh.open) + end + len(sh.close)
		return cleanLabel(text), sh.name, true
	}
	return "", "", false
}

func brackets(s string) string {
	if strings.ContainsAny(s, "()") {
		return "parentheses"
	}
	return "brackets"
}

// cleanLabel turns <br/> into a line break and drops quotes and entities
// Mermaid shows as characters.
func cleanLabel(s string) string {
	s = strings.Trim(strings.TrimSpace(s), `"`)
	for _, br := range []string{"<br/>", "<br />", "<br>"} {
		s = strings.ReplaceAll(s, br, "\n")
	}
	s = strings.NewReplacer("#quot;", `"`, "&quot;", `"`, "&amp;", "&", "#40;", "(", "#41;", ")").Replace(s)
	return s
}

// col is the 1-based column of rest within raw.
func col(raw, rest string) int {
	if k := strings.Index(raw, rest); k >= 0 {
		return len([]rune(raw[:k])) + 1
	}
	return 1
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
