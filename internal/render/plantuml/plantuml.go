// Package plantuml writes the package's four diagrams as PlantUML
// deployment diagrams, from the same graph model (package diagram) the
// Mermaid flowcharts are written from, with the Azure icons of PlantUML's
// standard library.
package plantuml

import (
	"path"
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/diagram"
	"github.com/physarch/physarch/internal/render/md"
)

// Render returns the physical and the network diagram of every
// environment, next to the Mermaid ones (same names, .puml).
func Render(pl *plan.Plan, lang md.Lang) []render.File {
	var files []render.File
	for _, g := range diagram.Graphs(pl, lang) {
		files = append(files, render.File{Path: path.Join(render.PackageDir, g.Name+".puml"), Data: []byte(Write(g))})
	}
	return files
}

// colours are each tier's fill and border, as the Mermaid classDefs.
var colours = map[diagram.Tier][2]string{
	diagram.TierUser:     {"#FFFFFF", "#333333"},
	diagram.TierEdge:     {"#E3F2FD", "#1565C0"},
	diagram.TierGateway:  {"#BBDEFB", "#1565C0"},
	diagram.TierControl:  {"#EEEEEE", "#616161"},
	diagram.TierCluster:  {"#E8EAF6", "#3949AB"},
	diagram.TierService:  {"#C8E6C9", "#2E7D32"},
	diagram.TierEndpoint: {"#FFF9C4", "#F9A825"},
	diagram.TierData:     {"#FFE0B2", "#EF6C00"},
	diagram.TierMessage:  {"#E1BEE7", "#6A1B9A"},
	diagram.TierPlatform: {"#F5F5F5", "#757575"},
	diagram.TierExternal: {"#FFCDD2", "#C62828"},
	diagram.TierNetwork:  {"#FCFCFC", "#9E9E9E"},
}

// elements are the deployment-diagram element each kind of node is drawn
// as.
var elements = []string{"rectangle", "database", "hexagon", "actor", "component", "queue"}

// Write writes one graph as a PlantUML deployment diagram: the includes
// of the icons it uses, the tier styles, the nested groups with their
// nodes, then every edge.
func Write(g *diagram.Graph) string {
	var b strings.Builder
	b.WriteString("@startuml\n")
	for _, c := range g.Comment {
		b.WriteString("' " + c + "\n")
	}
	icons := map[string]bool{}
	g.Walk(func(n *diagram.Node) {
		if n.Icon != "" {
			icons[n.Icon] = true
		}
	}, func(*diagram.Sub) {})
	if len(icons) > 0 {
		b.WriteString("!include <azure/AzureCommon>\n")
		var list []string
		for i := range icons {
			list = append(list, i)
		}
		sort.Strings(list)
		for _, i := range list {
			b.WriteString("!include <azure/" + i + ">\n")
		}
	}
	b.WriteString("top to bottom direction\nhide stereotype\nskinparam shadowing false\nskinparam defaultFontName \"Noto Sans CJK KR\"\nskinparam ArrowColor #37474F\n")
	for _, el := range elements {
		for _, t := range diagram.Tiers {
			c := colours[t]
			b.WriteString("skinparam " + el + "BackgroundColor<<" + string(t) + ">> " + c[0] + "\n")
			b.WriteString("skinparam " + el + "BorderColor<<" + string(t) + ">> " + c[1] + "\n")
		}
	}
	var items func([]diagram.Item, int)
	items = func(its []diagram.Item, depth int) {
		ind := strings.Repeat("  ", depth)
		for _, it := range its {
			if n := it.Node; n != nil {
				b.WriteString(ind + node(n) + "\n")
				continue
			}
			s := it.Sub
			b.WriteString(ind + "rectangle \"" + esc(s.Label) + "\" as " + s.ID + " <<" + string(s.Tier) + "_group>> {\n")
			items(s.Items, depth+1)
			if s.Row {
				// hidden links hold the zones left to right in order
				var prev string
				for _, it := range s.Items {
					if it.Node != nil {
						if prev != "" {
							b.WriteString(ind + "  " + prev + " -[hidden]right- " + it.Node.ID + "\n")
						}
						prev = it.Node.ID
					}
				}
			}
			b.WriteString(ind + "}\n")
		}
	}
	items(g.Items, 0)
	for _, t := range diagram.Tiers {
		c := colours[t]
		b.WriteString("skinparam rectangleBackgroundColor<<" + string(t) + "_group>> #FFFFFF\n")
		b.WriteString("skinparam rectangleBorderColor<<" + string(t) + "_group>> " + c[1] + "\n")
	}
	for _, l := range g.Links {
		b.WriteString(link(l) + "\n")
	}
	b.WriteString("@enduml\n")
	return b.String()
}

func node(n *diagram.Node) string {
	el := "rectangle"
	switch {
	case n.Kind == diagram.KindDB:
		el = "database"
	case n.Kind == diagram.KindJob:
		el = "hexagon"
	case n.Tier == diagram.TierUser:
		el = "actor"
	case n.Tier == diagram.TierService:
		el = "component"
	case n.Tier == diagram.TierMessage:
		el = "queue"
	}
	label := esc(n.Label)
	if n.Icon != "" {
		label = "<$" + path.Base(n.Icon) + ">\\n" + label
	}
	return el + " \"" + label + "\" as " + n.ID + " <<" + string(n.Tier) + ">>"
}

func link(l diagram.Link) string {
	arrow := " --> "
	switch l.Style {
	case diagram.Dotted:
		arrow = " ..> "
	case diagram.Control:
		// a controller's action: dashed, no arrowhead, and no say in the
		// layout's ranks (it is off the data path)
		arrow = " -[#757575,dashed,norank]- "
	}
	s := l.From + arrow + l.To
	if l.Label != "" {
		s += " : " + esc(l.Label)
	}
	return s
}

// escaper keeps a label literal: a line break is PlantUML's \n, a double
// quote (which would end the label) a single one, and the doubled
// characters of Creole markup ("/api/**" would start bold) are escaped
// with a tilde.
var escaper = strings.NewReplacer("\n", `\n`, `"`, "'", "**", "~*~*", "//", "~/~/", "--", "~-~-", "__", "~_~_", "~~", "~~~~", `\`, `\\`)

func esc(s string) string { return escaper.Replace(s) }
