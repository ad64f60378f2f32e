package facts

import (
	"regexp"
	"strings"
)

// gnode is a node or container of either diagram notation.
type gnode struct {
	id, label, parent string
	line              int
	container         bool
}

type gedge struct {
	from, to, label string
	line            int
}

// graph is a diagram in the form extraction reads, whatever its notation.
type graph struct {
	f     *File
	nodes []*gnode
	byID  map[string]*gnode
	edges []gedge
	// comments are Mermaid's %% lines and PlantUML's notes, by line.
	comments map[int]string
}

func mermaidGraph(f *File) *graph {
	g := &graph{f: f, byID: map[string]*gnode{}, comments: map[int]string{}}
	for _, s := range f.MMD.Subgraphs {
		g.add(&gnode{id: s.ID, label: s.Label, parent: s.Parent, line: s.Line, container: true})
	}
	for _, n := range f.MMD.Nodes {
		g.add(&gnode{id: n.ID, label: n.Label, parent: n.Parent, line: n.Line})
	}
	for _, e := range f.MMD.Edges {
		g.edges = append(g.edges, gedge{e.From, e.To, e.Label, e.Line})
	}
	for _, c := range f.MMD.Comments {
		g.comments[c.Line] = c.Text
	}
	return g
}

func plantumlGraph(f *File) *graph {
	g := &graph{f: f, byID: map[string]*gnode{}, comments: map[int]string{}}
	for _, e := range f.PUML.Elements {
		g.add(&gnode{id: e.ID, label: e.Label, parent: e.Parent, line: e.Line, container: e.Container})
	}
	for _, a := range f.PUML.Arrows {
		g.edges = append(g.edges, gedge{a.From, a.To, a.Label, a.Line})
	}
	for _, n := range f.PUML.Notes {
		g.comments[n.Line] = n.Text
	}
	// "' 메디링크 진료예약 시스템 - 운영환경" and "title ..." name the system,
	// as a Mermaid %% comment does.
	for i, l := range f.PUML.Lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "'"):
			g.comments[i+1] = strings.TrimSpace(strings.TrimPrefix(t, "'"))
		case strings.HasPrefix(t, "title "):
			g.comments[i+1] = strings.TrimSpace(strings.TrimPrefix(t, "title "))
		}
	}
	return g
}

func (g *graph) add(n *gnode) {
	if g.byID[n.id] == nil {
		g.nodes = append(g.nodes, n)
	}
	g.byID[n.id] = n
}

func (g *graph) fact(out *[]Fact, f Fact, line int) {
	text := ""
	if lines := g.f.Lines(); line >= 1 && line <= len(lines) {
		text = strings.TrimSpace(lines[line-1])
	}
	f.Src = Src{File: g.f.Name, Line: line, Text: text, Diagram: true}
	if f.Env == "" {
		f.Env = g.f.Env
	}
	*out = append(*out, f)
}

var (
	kebabSvc    = regexp.MustCompile(`(?i)^([a-z0-9][a-z0-9-]*-service)(?::(\d+))?$`)
	titledSvc   = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9-]*(?: [A-Za-z][A-Za-z0-9-]*)?) Service$`)
	clusterIP   = regexp.MustCompile(`^([a-z0-9][a-z0-9-]*):(\d{2,5})$`)
	replicasR   = regexp.MustCompile(`(?i)(\d+)\s*replicas?\b|replicas?\s*(\d+)|레플리카\s*(\d+)`)
	hpaR        = regexp.MustCompile(`(?i)HPA\s*(\d+)\s*[–~-]\s*(\d+)`)
	portEdge    = regexp.MustCompile(`(?i)(?:TCP|UDP)\s*:\s*(\d{2,5})`)
	queueCtx    = regexp.MustCompile(`(?i)queue|큐|topic|토픽|service ?bus|\bsb-`)
	queueLabel  = regexp.MustCompile(`^(?:queue|topic|큐|토픽):\s*([a-z0-9][a-z0-9.-]*[a-z0-9])$`)
	queueName   = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*[a-z0-9]$`)
	subnetLabel = regexp.MustCompile(`([A-Za-z][\w-]*(?: Subnet)?)\s*(?:\n|\s|\()\s*(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/\d{1,3})`)
	notService  = regexp.MustCompile(`(?i)service bus|internal service|application service|app service|\bservices\b|kubernetes service`)
)

// first is a label's first line without decoration.
func first(label string) string {
	l, _, _ := strings.Cut(label, "\n")
	return strings.TrimSpace(stripDecor(l))
}

// serviceOf names the application service a node draws, or "".
func serviceOf(n *gnode) (svc string, port int) {
	if n.container {
		return "", 0
	}
	l := first(n.label)
	if notService.MatchString(l) || backingR.MatchString(l) {
		return "", 0
	}
	if m := kebabSvc.FindStringSubmatch(l); m != nil {
		return strings.ToLower(m[1]), firstInt(m[2])
	}
	if m := titledSvc.FindStringSubmatch(l); m != nil {
		return ServiceKey(m[1] + " service"), -1
	}
	if strings.HasPrefix(n.id, "svc_") {
		if m := clusterIP.FindStringSubmatch(l); m != nil {
			return m[1], firstInt(m[2])
		}
		return ServiceKey(l), -1
	}
	if m := clusterIP.FindStringSubmatch(l); m != nil {
		return m[1], firstInt(m[2])
	}
	return "", 0
}

func extractDiagram(g *graph, out *[]Fact) {
	// The system's name is in a comment or title above the drawing ("%%
	// 메디링크 - 운영환경"); further down, "보안 규칙 - 운영환경은 …" is a
	// remark.
	top := 1 << 30
	for _, n := range g.nodes {
		top = min(top, n.line)
	}
	for _, e := range g.edges {
		top = min(top, e.line)
	}
	for line, c := range g.comments {
		if line > top {
			continue
		}
		if l, r, ok := strings.Cut(c, " - "); ok && soleEnv(r) != "" && envTitle.MatchString(strings.TrimSpace(r)) {
			g.fact(out, Fact{Kind: System, Value: strings.TrimSpace(l)}, line)
		}
	}
	for _, n := range g.nodes {
		g.node(out, n)
	}
	for _, e := range g.edges {
		to := g.byID[e.to]
		if to == nil {
			continue
		}
		if m := portEdge.FindStringSubmatch(e.label); m != nil {
			if b := backingKey(to.label + " " + to.id); b != "" {
				g.fact(out, Fact{Kind: Port, Subject: b, Num: num(m[1])}, e.line)
			}
		}
		if from := g.byID[e.from]; from != nil {
			if svc, _ := serviceOf(from); svc != "" {
				if q := g.queueOf(to); q != "" {
					g.fact(out, Fact{Kind: Produces, Subject: svc, Value: q}, e.line)
				}
			}
			if svc, _ := serviceOf(to); svc != "" {
				if q := g.queueOf(from); q != "" {
					g.fact(out, Fact{Kind: Consumes, Subject: svc, Value: q}, e.line)
				}
			}
		}
		// "Appt --> PESB : appointment-events" and "SB --> Notify :
		// appointment-events, reminder-schedule": queues named on the
		// edges to and from the Service Bus namespace (or its private
		// endpoint).
		if from := g.byID[e.from]; from != nil && e.label != "" {
			for _, q := range edgeQueues(e.label) {
				if busNode(to) {
					if svc, _ := serviceOf(from); svc != "" {
						g.fact(out, Fact{Kind: Queue, Subject: q}, e.line)
						g.fact(out, Fact{Kind: Produces, Subject: svc, Value: q}, e.line)
					}
				} else if busNode(from) {
					if svc, _ := serviceOf(to); svc != "" {
						g.fact(out, Fact{Kind: Queue, Subject: q}, e.line)
						g.fact(out, Fact{Kind: Consumes, Subject: svc, Value: q}, e.line)
					}
				}
			}
		}
		if strings.HasPrefix(e.label, "/") {
			if svc, _ := serviceOf(to); svc != "" {
				route, _, _ := strings.Cut(e.label, "\n")
				g.fact(out, Fact{Kind: Route, Subject: svc, Value: strings.TrimSpace(route)}, e.line)
			}
		}
	}
}

func (g *graph) node(out *[]Fact, n *gnode) {
	label := n.label
	for _, f := range lineFacts(strings.ReplaceAll(label, "\n", " "), "") {
		switch f.Kind {
		case Tier, VMSize, CacheSize, Region:
			g.fact(out, f, n.line)
		}
	}
	lower := strings.ToLower(label)
	if m := vnetCIDR.FindStringSubmatch(label); m != nil && !strings.Contains(lower, "subnet") && !subnetWord.MatchString(m[1]) {
		g.fact(out, Fact{Kind: VNet, Value: m[2]}, n.line)
	} else {
		for _, m := range subnetLabel.FindAllStringSubmatch(label, -1) {
			if !vnetR.MatchString(m[1]) && subnetName.MatchString(stripDecor(m[1])) {
				g.fact(out, Fact{Kind: Subnet, Subject: SubnetKey(m[1]), Value: m[2]}, n.line)
			}
		}
	}
	if !n.container {
		for _, m := range ipR.FindAllStringSubmatch(label+" ", -1) {
			g.fact(out, Fact{Kind: IP, Value: m[1], Subject: g.subnetOf(n)}, n.line)
		}
	}
	if svc, port := serviceOf(n); svc != "" {
		g.fact(out, Fact{Kind: Service, Subject: svc}, n.line)
		if port > 0 {
			g.fact(out, Fact{Kind: Port, Subject: svc, Num: float64(port)}, n.line)
		}
		if m := replicasR.FindStringSubmatch(label); m != nil {
			g.fact(out, Fact{Kind: Replicas, Subject: svc, Num: num(m[1] + m[2] + m[3])}, n.line)
		}
		if m := hpaR.FindStringSubmatch(label); m != nil {
			g.fact(out, Fact{Kind: HPAMin, Subject: svc, Num: num(m[1])}, n.line)
			g.fact(out, Fact{Kind: HPAMax, Subject: svc, Num: num(m[2])}, n.line)
		}
	}
	if q := g.queueOf(n); q != "" {
		g.fact(out, Fact{Kind: Queue, Subject: q}, n.line)
	}
}

// queueOf names the queue a node draws, or "".
func (g *graph) queueOf(n *gnode) string {
	if n.container {
		return ""
	}
	name := first(n.label)
	if m := queueLabel.FindStringSubmatch(name); m != nil {
		return m[1]
	}
	if queueName.MatchString(name) && g.inQueues(n) {
		return name
	}
	return ""
}

// subnetOf is the CIDR of the subnet a node is drawn in, or "".
func (g *graph) subnetOf(n *gnode) string {
	for p, seen := g.byID[n.parent], 0; p != nil && seen < 64; p, seen = g.byID[p.parent], seen+1 {
		for _, m := range subnetLabel.FindAllStringSubmatch(p.label, -1) {
			if !vnetR.MatchString(m[1]) && subnetName.MatchString(stripDecor(m[1])) {
				return m[2]
			}
		}
	}
	return ""
}

// inQueues is true for a node drawn in a queue container.
func (g *graph) inQueues(n *gnode) bool {
	p := g.byID[n.parent]
	return p != nil && (queueCtx.MatchString(p.label) || queueCtx.MatchString(p.id))
}

// envTitle is what follows a system's name in a diagram's title: the
// environment as a word of its own ("운영환경 네트워크"), not a sentence
// about it ("운영환경은 Private Endpoint만 허용").
var envTitle = regexp.MustCompile(`(?i)^(개발\s?환경|운영\s?환경|스테이징|dev|development|prod|production|staging)(\s|$|[-–:),])`)

// linkWord is an edge label about the connection, not a queue.
var linkWord = regexp.MustCompile(`(?i)private|link|endpoint|https?|tcp|amqp|tls|vnet|peering|egress|ingress|sas|managed-identity|workload-identity`)

// busWord names a Service Bus namespace or its private endpoint.
var busWord = regexp.MustCompile(`(?i)service ?bus|\bsb-|^(pe)?sb$|servicebus`)

// busNode is a node drawing the Service Bus namespace or its endpoint.
func busNode(n *gnode) bool {
	return n != nil && (busWord.MatchString(n.label) || busWord.MatchString(n.id))
}

// edgeQueues reads an edge label made only of queue names ("a-events,
// b-schedule"); any other label (a protocol, a port) names none.
func edgeQueues(label string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(label, "\n", ","), ",") {
		p = strings.TrimSpace(p)
		if !queueName.MatchString(p) || !strings.Contains(p, "-") || portEdge.MatchString(p) || linkWord.MatchString(p) {
			return nil
		}
		out = append(out, p)
	}
	return out
}
