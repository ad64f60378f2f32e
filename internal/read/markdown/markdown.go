// Package markdown reads a physical architecture document: its headings
// (Markdown's, or the numbered plain-text titles a document copied from a
// web page keeps), its GFM tables with the section each belongs to, and
// every line with its section, so that extraction can quote and locate
// what it finds. It uses goldmark with the GFM table extension, the
// parser the docs renderer's own tests read with.
package markdown

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/physarch/physarch/internal/read"
)

// Heading is a section title.
type Heading struct {
	Level int    `json:"level"`
	Title string `json:"title"`
	Line  int    `json:"line"`
	// Plain is true for a numbered title without Markdown's # (a page
	// copied from a browser loses them).
	Plain bool `json:"plain,omitempty"`
}

// Row is one table row with its line.
type Row struct {
	Line  int      `json:"line"`
	Cells []string `json:"cells"`
}

// Table is a GFM table under a section.
type Table struct {
	Line    int      `json:"line"`
	Section string   `json:"section"`
	Header  []string `json:"header"`
	Rows    []Row    `json:"rows"`
}

// Doc is a read document.
type Doc struct {
	File     string      `json:"file"`
	Lines    []string    `json:"-"`
	Headings []Heading   `json:"headings"`
	Tables   []Table     `json:"tables"`
	Skipped  []read.Skip `json:"skipped,omitempty"`
	// Code marks the lines inside fenced or indented code blocks.
	Code map[int]bool `json:"-"`
	// InTable marks the lines of GFM tables.
	InTable map[int]bool `json:"-"`
}

var md = goldmark.New(goldmark.WithExtensions(extension.Table))

// plainHeading is a numbered title on a line of its own: "3.1.1 클러스터
// 설정", "1. 개요". A bare number without a dot is not one ("14 KiB").
var plainHeading = regexp.MustCompile(`^(\d+\.(?:\d+\.?)*)\s+(\S.{0,80})$`)

// Parse reads a document; it never fails (what it cannot read it skips
// and reports).
func Parse(file string, src []byte) *Doc {
	d := &Doc{File: file, Lines: read.Lines(src), Code: map[int]bool{}, InTable: map[int]bool{}}
	src, orig := separateTables(withoutLongLines(d))
	starts := lineStarts(src)
	lineOf := func(off int) int {
		n := sort.Search(len(starts), func(i int) bool { return starts[i] > off })
		if n >= 1 && n <= len(orig) {
			return orig[n-1]
		}
		return n
	}
	root := md.Parser().Parse(text.NewReader(src))
	mdHeading := map[int]bool{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Lines().Len() > 0 {
				l := lineOf(n.Lines().At(0).Start)
				mdHeading[l] = true
				d.Headings = append(d.Headings, Heading{Level: n.Level, Title: strings.TrimSpace(inline(n, src)), Line: l})
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				d.Code[lineOf(lines.At(i).Start)] = true
			}
			if _, ok := n.(*ast.FencedCodeBlock); ok && lines.Len() > 0 {
				// The fences themselves.
				d.Code[lineOf(lines.At(0).Start)-1] = true
				d.Code[lineOf(lines.At(lines.Len()-1).Start)+1] = true
			}
			return ast.WalkSkipChildren, nil
		case *east.Table:
			d.Tables = append(d.Tables, table(n, src, lineOf))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, t := range d.Tables {
		d.InTable[t.Line], d.InTable[t.Line+1] = true, true
		for _, r := range t.Rows {
			d.InTable[r.Line] = true
		}
	}
	d.plainHeadings(mdHeading)
	sort.SliceStable(d.Headings, func(i, j int) bool { return d.Headings[i].Line < d.Headings[j].Line })
	for i := range d.Tables {
		d.Tables[i].Section = d.Section(d.Tables[i].Line)
	}
	d.skipNoise()
	return d
}

// plainHeadings finds numbered titles that are not Markdown headings.
func (d *Doc) plainHeadings(mdHeading map[int]bool) {
	for i, l := range d.Lines {
		n := i + 1
		if mdHeading[n] || d.Code[n] || d.InTable[n] || l == "" || l[0] == ' ' || l[0] == '\t' {
			continue
		}
		m := plainHeading.FindStringSubmatch(strings.TrimRight(l, " "))
		if m == nil || strings.ContainsAny(m[2], "|:") || read.Noise(l) != "" {
			continue
		}
		level := len(strings.FieldsFunc(m[1], func(r rune) bool { return r == '.' }))
		d.Headings = append(d.Headings, Heading{Level: level, Title: strings.TrimSpace(m[1] + " " + m[2]), Line: n, Plain: true})
	}
}

// skipNoise reports web-page noise outside code blocks.
func (d *Doc) skipNoise() {
	for i, l := range d.Lines {
		if d.Code[i+1] {
			continue
		}
		if why := read.Noise(l); why != "" {
			d.Skipped = append(d.Skipped, read.Skip{Line: i + 1, Text: l, Reason: why})
		}
	}
}

// Section returns the title of the section a line is in ("" before the
// first heading).
func (d *Doc) Section(line int) string {
	// Headings are in line order (Parse sorts them): the section is the
	// last heading at or above the line, found by binary search because
	// extraction asks for every line.
	i := sort.Search(len(d.Headings), func(i int) bool { return d.Headings[i].Line > line })
	if i == 0 {
		return ""
	}
	return d.Headings[i-1].Title
}

// Path returns the headings a line sits under, innermost first: the
// section, its parent, and so on ("Monthly" under "11. Cost").
func (d *Doc) Path(line int) []string {
	i := sort.Search(len(d.Headings), func(i int) bool { return d.Headings[i].Line > line })
	var out []string
	level := 1 << 30
	for j := i - 1; j >= 0 && level > 1; j-- {
		if h := d.Headings[j]; h.Level < level {
			out = append(out, h.Title)
			level = h.Level
		}
	}
	return out
}

// Title returns the document's first heading, or "".
func (d *Doc) Title() string {
	if len(d.Headings) == 0 {
		return ""
	}
	return d.Headings[0].Title
}

func table(t *east.Table, src []byte, lineOf func(int) int) Table {
	var out Table
	last := 0
	for c := t.FirstChild(); c != nil; c = c.NextSibling() {
		var cells []string
		line := 0
		for cell := c.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, strings.TrimSpace(inline(cell, src)))
			if line == 0 {
				line = firstLine(cell, lineOf)
			}
		}
		if line == 0 {
			line = last + 1
		}
		if _, ok := c.(*east.TableHeader); ok {
			out.Header, out.Line = cells, line
			if line > 0 {
				last = line + 1 // the delimiter row
			}
			continue
		}
		out.Rows = append(out.Rows, Row{Line: line, Cells: cells})
		last = line
	}
	return out
}

// firstLine is the line of a node's first text.
func firstLine(n ast.Node, lineOf func(int) int) int {
	line := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || line != 0 {
			return ast.WalkStop, nil
		}
		if t, ok := c.(*ast.Text); ok {
			line = lineOf(t.Segment.Start)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return line
}

// inline is a node's text as written (raw HTML such as <br/> kept, emphasis
// and code marks dropped).
func inline(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				s := c.Segments.At(i)
				b.Write(s.Value(src))
			}
		case *ast.AutoLink:
			b.Write(c.URL(src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// separateTables puts a blank line between a table and the text around
// it where a page copied from a browser dropped it: GFM continues a table
// until a blank line, so the next section's title and table would become
// rows of this one. It returns the source to parse and, for each of its
// lines, the original line number.
func separateTables(lines []string) ([]byte, []int) {
	var b strings.Builder
	var orig []int
	fence := false
	isRow := func(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "|") }
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
		}
		if !fence && i > 0 && t != "" && strings.TrimSpace(lines[i-1]) != "" && isRow(l) != isRow(lines[i-1]) {
			b.WriteByte('\n')
			orig = append(orig, i+1)
		}
		b.WriteString(l)
		b.WriteByte('\n')
		orig = append(orig, i+1)
	}
	return []byte(b.String()), orig
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// withoutLongLines is the document's lines with those over read.MaxLine
// blank (goldmark's inline parser is quadratic in some of them: "[a]("
// repeated over 160 KB took 7 s), each reported as skipped.
func withoutLongLines(d *Doc) []string {
	lines := d.Lines
	for i, l := range d.Lines {
		if len(l) <= read.MaxLine && strings.Count(l, "[") <= maxBrackets {
			continue
		}
		if &lines[0] == &d.Lines[0] {
			lines = append([]string(nil), d.Lines...)
		}
		lines[i] = ""
		sk := read.LongLine(i+1, l)
		if len(l) <= read.MaxLine {
			sk.Reason = fmt.Sprintf("a line of %d brackets (at most %d are read)", strings.Count(l, "["), maxBrackets)
		}
		d.Skipped = append(d.Skipped, sk)
	}
	return lines
}

// maxBrackets bounds the links and images of one line: goldmark's cost
// grows with their square (a 16 KiB line of "[a](" took 0.08 s).
const maxBrackets = 200
