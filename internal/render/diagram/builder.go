package diagram

import (
	"strings"
)

// graph builds a Graph: nodes go into the group being built, edges into
// one list (renderers write them after the nodes, so no edge can pull a
// node into the wrong group). Every id is prefixed by its caller, so no
// id can collide with a keyword such as "end".
type graph struct {
	g     Graph
	stack []*Sub // the groups being built, innermost last
	// tier is the tier a shape without one of its own takes: the slot it
	// is drawn in.
	tier Tier
	seen map[Link]bool
}

func newGraph(name, comment string) *graph {
	return &graph{g: Graph{Name: name, Comment: strings.Split(comment, "\n")}, seen: map[Link]bool{}}
}

func (g *graph) add(it Item) {
	if n := len(g.stack); n > 0 {
		g.stack[n-1].Items = append(g.stack[n-1].Items, it)
		return
	}
	g.g.Items = append(g.g.Items, it)
}

// sub writes a group and its body.
func (g *graph) sub(id, label string, tier Tier, body func()) {
	s := &Sub{ID: id, Label: label, Tier: tier}
	g.add(Item{Sub: s})
	g.stack = append(g.stack, s)
	body()
	g.stack = g.stack[:len(g.stack)-1]
}

func (g *graph) put(id, label string, k Kind, tier Tier) {
	if tier == "" {
		tier = g.tier
	}
	g.add(Item{Node: &Node{ID: id, Label: label, Kind: k, Tier: tier}})
}

// last is the node put last.
func (g *graph) last() *Node {
	items := g.g.Items
	if n := len(g.stack); n > 0 {
		items = g.stack[n-1].Items
	}
	return items[len(items)-1].Node
}

func (g *graph) node(id, label string, tier Tier) { g.put(id, label, KindBox, tier) }

// job draws a hexagon, for a scheduled job.
func (g *graph) job(id, label string, tier Tier) { g.put(id, label, KindJob, tier) }

// db draws a cylinder, for data stores.
func (g *graph) db(id, label string, tier Tier) { g.put(id, label, KindDB, tier) }

// link adds an edge once: bundling maps many edges onto one.
func (g *graph) link(l Link) {
	if g.seen[l] {
		return
	}
	g.seen[l] = true
	g.g.Links = append(g.g.Links, l)
}

func (g *graph) edge(from, to, label string) { g.link(Link{From: from, To: to, Label: label}) }

func (g *graph) dotted(from, to, label string) {
	g.link(Link{From: from, To: to, Label: label, Style: Dotted})
}

// id turns a name into a node id with a prefix.
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
