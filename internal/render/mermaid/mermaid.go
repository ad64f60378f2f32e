// Package mermaid writes the package's four diagrams (physical and
// network, per environment) as Mermaid flowcharts, from the graph model
// package diagram builds from the plan.
package mermaid

import (
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/diagram"
	"github.com/physarch/physarch/internal/render/md"
)

// Render returns the physical and the network diagram of every environment.
func Render(pl *plan.Plan, lang md.Lang) []render.File {
	var files []render.File
	for _, g := range diagram.Graphs(pl, lang) {
		files = append(files, render.File{Path: path.Join(render.PackageDir, g.Name+".mmd"), Data: []byte(Write(g))})
	}
	return files
}

// classDefs style each tier; the colours follow the hand-drawn packages'
// convention (blue way in, green services, orange data, purple messaging).
var classDefs = map[diagram.Tier]string{
	diagram.TierUser:     "fill:#ffffff,stroke:#333333,color:#000000",
	diagram.TierEdge:     "fill:#e3f2fd,stroke:#1565c0,color:#0d47a1",
	diagram.TierGateway:  "fill:#bbdefb,stroke:#1565c0,color:#0d47a1",
	diagram.TierControl:  "fill:#eeeeee,stroke:#616161,stroke-dasharray:4 3,color:#212121",
	diagram.TierCluster:  "fill:#e8eaf6,stroke:#3949ab,color:#1a237e",
	diagram.TierService:  "fill:#c8e6c9,stroke:#2e7d32,color:#1b5e20",
	diagram.TierEndpoint: "fill:#fff9c4,stroke:#f9a825,color:#5d4037",
	diagram.TierData:     "fill:#ffe0b2,stroke:#ef6c00,color:#4e342e",
	diagram.TierMessage:  "fill:#e1bee7,stroke:#6a1b9a,color:#4a148c",
	diagram.TierPlatform: "fill:#f5f5f5,stroke:#757575,color:#212121",
	diagram.TierExternal: "fill:#ffcdd2,stroke:#c62828,color:#b71c1c",
	diagram.TierNetwork:  "fill:#fafafa,stroke:#9e9e9e,color:#424242",
}

// linkColours are the strokes of each edge style: requests dark, what is
// not a request grey, a controller's action dashed grey.
var linkColours = map[diagram.Style]string{
	diagram.Solid:   "stroke:#37474f,stroke-width:1.5px",
	diagram.Dotted:  "stroke:#9e9e9e,stroke-width:1px",
	diagram.Control: "stroke:#757575,stroke-width:1px,stroke-dasharray:5 4",
}

// Write writes one graph as a `graph TB` flowchart: the nodes in their
// nested subgraphs, then every edge, then the styles.
func Write(g *diagram.Graph) string {
	var b strings.Builder
	b.WriteString("graph TB\n")
	for _, line := range g.Comment {
		b.WriteString("    %% " + line + "\n")
	}
	byTier := map[diagram.Tier][]string{}
	var rows []string // invisible links that hold a row in order
	var items func([]diagram.Item, int)
	items = func(its []diagram.Item, depth int) {
		ind := strings.Repeat("    ", depth)
		for _, it := range its {
			if n := it.Node; n != nil {
				b.WriteString(ind + node(n) + "\n")
				byTier[n.Tier] = append(byTier[n.Tier], n.ID)
				continue
			}
			s := it.Sub
			b.WriteString(ind + "subgraph " + s.ID + "[\"" + esc(s.Label) + "\"]\n")
			if s.Row {
				b.WriteString(ind + "    direction LR\n")
				var prev string
				for _, it := range s.Items {
					if it.Node != nil {
						if prev != "" {
							rows = append(rows, prev+" ~~~ "+it.Node.ID)
						}
						prev = it.Node.ID
					}
				}
			}
			items(s.Items, depth+1)
			b.WriteString(ind + "end\n")
			byTier["sub:"+s.Tier] = append(byTier["sub:"+s.Tier], s.ID)
		}
	}
	items(g.Items, 1)
	byStyle := map[diagram.Style][]string{}
	for i, l := range g.Links {
		b.WriteString("    " + link(l) + "\n")
		byStyle[l.Style] = append(byStyle[l.Style], strconv.Itoa(i))
	}
	// After every edge: linkStyle counts invisible links too, and the
	// edges' indices must not move.
	for _, r := range rows {
		b.WriteString("    " + r + "\n")
	}
	for _, t := range diagram.Tiers {
		b.WriteString("    classDef " + string(t) + " " + classDefs[t] + "\n")
	}
	for _, t := range diagram.Tiers {
		if ids := byTier[t]; len(ids) > 0 {
			b.WriteString("    class " + strings.Join(ids, ",") + " " + string(t) + "\n")
		}
	}
	for _, st := range []diagram.Style{diagram.Solid, diagram.Dotted, diagram.Control} {
		if ix := byStyle[st]; len(ix) > 0 {
			b.WriteString("    linkStyle " + strings.Join(ix, ",") + " " + linkColours[st] + "\n")
		}
	}
	// Groups are styled by subgraph id with `style`: a class on a subgraph
	// overrides its title's contrast in some themes, so the fill alone.
	var subs []string
	for t, ids := range byTier {
		if strings.HasPrefix(string(t), "sub:") {
			for _, id := range ids {
				subs = append(subs, "    style "+id+" "+subStyle(diagram.Tier(strings.TrimPrefix(string(t), "sub:")))+"\n")
			}
		}
	}
	sort.Strings(subs)
	for _, s := range subs {
		b.WriteString(s)
	}
	return b.String()
}

// subStyle is a group's fill: pale, so the nodes in it stand out.
func subStyle(t diagram.Tier) string {
	switch t {
	case diagram.TierCluster:
		return "fill:#f3f4fb,stroke:#3949ab"
	case diagram.TierService:
		return "fill:#f1f8f1,stroke:#2e7d32"
	case diagram.TierData:
		return "fill:#fff8ee,stroke:#ef6c00"
	case diagram.TierMessage:
		return "fill:#f8f0fa,stroke:#6a1b9a"
	case diagram.TierExternal:
		return "fill:#fff5f5,stroke:#c62828"
	default:
		return "fill:#fcfcfc,stroke:#9e9e9e"
	}
}

func node(n *diagram.Node) string {
	l := "\"" + esc(n.Label) + "\""
	switch n.Kind {
	case diagram.KindDB:
		return n.ID + "[(" + l + ")]"
	case diagram.KindJob:
		return n.ID + "{{" + l + "}}"
	default:
		return n.ID + "[" + l + "]"
	}
}

func link(l diagram.Link) string {
	arrow := " --> "
	switch l.Style {
	case diagram.Dotted:
		arrow = " -.-> "
	case diagram.Control:
		arrow = " -.- " // no arrowhead: nothing flows, and the layout ignores it less
	}
	if l.Label == "" {
		return l.From + arrow + l.To
	}
	return l.From + strings.TrimSuffix(arrow, " ") + "|\"" + esc(l.Label) + "\"| " + l.To
}

// labelEscaper is immutable and safe for concurrent use; building it once
// matters (a Replacer per label was three quarters of all allocation).
var labelEscaper = strings.NewReplacer(`"`, "#quot;", "\n", "<br/>")

// esc makes a label safe inside double quotes; a line break becomes <br/>.
func esc(s string) string { return labelEscaper.Replace(s) }
