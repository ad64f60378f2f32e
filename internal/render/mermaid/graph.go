// Package mermaid writes the package's four Mermaid flowcharts (physical
// and network, per environment) from the plan.
package mermaid

import (
	"strings"
)

// graph builds a `graph TB` flowchart with nested subgraphs. Every id is
// prefixed by its caller, so no id can collide with a Mermaid keyword
// such as "end".
type graph struct {
	b     strings.Builder
	depth int
}

func newGraph(comment string) *graph {
	g := &graph{}
	g.b.WriteString("graph TB\n")
	for _, line := range strings.Split(comment, "\n") {
		g.b.WriteString("    %% " + line + "\n")
	}
	g.depth = 1
	return g
}

func (g *graph) line(s string) {
	g.b.WriteString(strings.Repeat("    ", g.depth) + s + "\n")
}

// sub writes a subgraph and its body.
func (g *graph) sub(id, label string, body func()) {
	g.line("subgraph " + id + "[\"" + esc(label) + "\"]")
	g.depth++
	body()
	g.depth--
	g.line("end")
}

func (g *graph) node(id, label string) { g.line(id + "[\"" + esc(label) + "\"]") }

// job draws a hexagon, for a scheduled job.
func (g *graph) job(id, label string) { g.line(id + "{{\"" + esc(label) + "\"}}") }

// db draws a cylinder, for data stores.
func (g *graph) db(id, label string) { g.line(id + "[(\"" + esc(label) + "\")]") }

func (g *graph) edge(from, to, label string) {
	if label == "" {
		g.line(from + " --> " + to)
		return
	}
	g.line(from + " -->|\"" + esc(label) + "\"| " + to)
}

func (g *graph) dotted(from, to, label string) {
	if label == "" {
		g.line(from + " -.-> " + to)
		return
	}
	g.line(from + " -.->|\"" + esc(label) + "\"| " + to)
}

func (g *graph) String() string { return g.b.String() }

// labelEscaper is immutable and safe for concurrent use; building it once
// matters (a Replacer per label was three quarters of all allocation).
var labelEscaper = strings.NewReplacer(`"`, "#quot;", "\n", "<br/>")

// esc makes a label safe inside double quotes; <br/> is kept for line breaks.
func esc(s string) string { return labelEscaper.Replace(s) }

// id turns a name into a Mermaid id with a prefix.
func id(prefix, name string) string {
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteByte('_')
	for _, c := range name {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			b.WriteRune(c)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}
