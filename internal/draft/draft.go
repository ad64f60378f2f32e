// Package draft drafts a physarch.yaml from what a hand-written package
// states (internal/audit/facts): services with their routes, ports,
// requests, limits and replica bounds, the backing services and queues,
// and per environment the users, availability, recovery objectives, AKS
// tier, node sizes and VNet. Every value names the lines it comes from in
// a comment; a value guessed, or chosen between sources that disagree,
// says so. What physarch computes itself (subnets, node counts, costs) is
// listed as a comment, not copied: the spec states intent, the plan the
// figures.
package draft

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/components"
	planpkg "github.com/physarch/physarch/internal/plan"
)

// w builds the YAML text.
type w struct {
	b strings.Builder
	// pin writes the HPA bounds the package states as pinned replicas.
	pin bool
	// caps are availability targets lowered to what the plan reaches.
	caps map[string]float64
}

func (x *w) line(indent int, text, comment string) {
	x.b.WriteString(strings.Repeat("  ", indent))
	x.b.WriteString(printable(text))
	if comment != "" {
		x.b.WriteString("  # " + printable(comment))
	}
	x.b.WriteByte('\n')
}

// printable makes what a package states safe on one line of YAML: the
// package's text (quoted lines, file names) may hold invalid UTF-8, line
// breaks or control characters, and the spec must load.
func printable(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0xfeff {
			return ' '
		}
		return r
	}, s)
}

func (x *w) note(indent int, text string) { x.line(indent, "# "+text, "") }

// from names the sources of facts: "from 002:91, 001:146".
func from(fs ...facts.Fact) string {
	var parts []string
	seen := map[string]bool{}
	for _, f := range fs {
		p := fmt.Sprintf("%s:%d", filepath.Base(f.Src.File), f.Src.Line)
		if !seen[p] {
			seen[p] = true
			parts = append(parts, p)
		}
	}
	if len(parts) > 4 {
		parts = append(parts[:4], fmt.Sprintf("+%d", len(parts)-4))
	}
	return strings.Join(parts, ", ")
}

// pick chooses among facts of one thing: the value most places state
// (the first stated on a tie), and the comment naming the sources, or the
// conflict and its sources.
func pick(fs []facts.Fact, value func(facts.Fact) string) (string, string) {
	if len(fs) == 0 {
		return "", ""
	}
	count := map[string][]facts.Fact{}
	var order []string
	for _, f := range fs {
		v := value(f)
		if _, ok := count[v]; !ok {
			order = append(order, v)
		}
		count[v] = append(count[v], f)
	}
	best := order[0]
	for _, v := range order {
		if len(count[v]) > len(count[best]) {
			best = v
		}
	}
	if len(order) == 1 {
		return best, "from " + from(count[best]...)
	}
	var others []string
	for _, v := range order {
		if v != best {
			others = append(others, fmt.Sprintf("%s at %s", v, from(count[v]...)))
		}
	}
	return best, fmt.Sprintf("conflict: %s at %s; not %s", best, from(count[best]...), strings.Join(others, ", "))
}

// perEnv picks a value the spec states once for every environment (a
// service's requests and limits) from facts the documents state per
// environment: production's (or what no environment is named for) when
// stated, else the first environment's. Another environment stating
// another value is not a conflict, the documents size each environment
// on its own: the comment says what it states. Documents of one
// environment that disagree are a conflict, as pick says.
func perEnv(fs []facts.Fact, value func(facts.Fact) string) (string, string) {
	byEnv := map[string][]facts.Fact{}
	var envs []string
	for _, f := range fs {
		e := f.Env
		if e == "" {
			e = "prod"
		}
		if byEnv[e] == nil {
			envs = append(envs, e)
		}
		byEnv[e] = append(byEnv[e], f)
	}
	if len(envs) == 0 {
		return "", ""
	}
	chosen := envs[0]
	if byEnv["prod"] != nil {
		chosen = "prod"
	}
	v, note := pick(byEnv[chosen], value)
	var same []facts.Fact
	var others []string
	for _, e := range envs {
		if e == chosen {
			continue
		}
		ev, enote := pick(byEnv[e], value)
		if ev == v && !strings.HasPrefix(enote, "conflict") {
			same = append(same, byEnv[e]...)
			continue
		}
		if strings.HasPrefix(enote, "conflict") { // its own documents disagree
			others = append(others, e+" "+enote)
		} else {
			others = append(others, fmt.Sprintf("%s states %s", e, strings.Replace(enote, "from ", ev+" at ", 1)))
		}
	}
	if len(same) > 0 && strings.HasPrefix(note, "from ") {
		note = "from " + from(append(append([]facts.Fact{}, byEnv[chosen]...), same...)...)
	}
	if len(envs) > 1 {
		note += " (" + chosen + ")"
	}
	if len(others) > 0 {
		note += "; " + strings.Join(others, "; ") + ": the spec states one value for every environment, " + chosen + "'s here"
	}
	return v, note
}

var dnsLabel = regexp.MustCompile(`^[a-z][a-z0-9-]{0,38}[a-z0-9]$`)

// Spec drafts the spec. name is the fallback system name (a directory's).
// The replica bounds the package states are pinned when the spec still
// plans with them, and left to the plan (with a comment) when not.
//
// An availability target the planned components cannot reach is lowered
// to the highest usual target they do reach, with both figures in the
// comment: the package's promise stays visible, the spec stays honest.
func Spec(s *facts.Set, name string) []byte {
	caps := map[string]float64{}
	pin := true
	for attempt := 0; attempt < 3; attempt++ {
		text := draft(s, name, pin, caps)
		pl, err := plan(text)
		if err != nil {
			if !pin {
				return text // the user reviews it; build says what is wrong
			}
			pin = false
			continue
		}
		lowered := false
		for _, r := range availability.Estimate(pl) {
			if r.Target > 0 && !r.Meets && caps[r.Env] == 0 {
				caps[r.Env] = reachable(r.Percent)
				lowered = true
			}
		}
		if !lowered {
			return text
		}
	}
	return draft(s, name, pin, caps)
}

// reachable is the highest usual target at or below a composite.
func reachable(composite float64) float64 {
	for _, t := range []float64{99.99, 99.95, 99.9, 99.5, 99, 95, 90} {
		if t <= composite {
			return t
		}
	}
	return 90
}

func plan(text []byte) (*planpkg.Plan, error) {
	doc, err := components.Load("physarch.yaml", text)
	if err != nil {
		return nil, err
	}
	return components.Plan(doc)
}

func draft(s *facts.Set, name string, pin bool, caps map[string]float64) []byte {
	x := &w{pin: pin, caps: caps}
	x.note(0, "Drafted by `physarch import` from: "+files(s)+".")
	x.note(0, "Each value names the lines it was read from; \"guessed\" and \"conflict\" mark what to review.")
	x.line(0, "apiVersion: physarch.dev/v1", "")
	x.line(0, "kind: System", "")
	sys, sysNote := systemName(s, name)
	title, titleNote := pick(s.Of(facts.System), func(f facts.Fact) string { return f.Value })
	if title == "" {
		title, titleNote = sys, "guessed: no title names the system"
	}
	x.line(0, "metadata:", "")
	x.line(1, "name: "+sys, sysNote)
	x.line(1, "title: {ko: "+quote(title)+", en: "+quote(title)+"}", titleNote+"; en: copied, translate it")
	x.line(0, "cloud: azure", "")
	region, regionNote := primaryRegion(s)
	if region == "" {
		region, regionNote = "koreacentral", "guessed: no region stated"
	}
	x.line(0, "region: "+region, regionNote)
	services(x, s)
	backing(x, s)
	environments(x, s)
	stated(x, s)
	return []byte(x.b.String())
}

func files(s *facts.Set) string {
	var out []string
	for _, f := range s.Files {
		out = append(out, filepath.Base(f.Name))
	}
	return strings.Join(out, ", ")
}

var nsR = regexp.MustCompile(`\.([a-z0-9-]+?)-(dev|prod|staging)\.svc\.cluster\.local`)

// systemName is the system's DNS name: the namespace of a discovery
// table's service names ("auth-service.phonebill-prod.svc..."), else the
// fallback.
func systemName(s *facts.Set, fallback string) (string, string) {
	for _, f := range s.Facts {
		if m := nsR.FindStringSubmatch(f.Src.Text); m != nil && dnsLabel.MatchString(m[1]) {
			return m[1], fmt.Sprintf("from the namespace %s-%s at %s", m[1], m[2], from(f))
		}
	}
	n := strings.ToLower(regexp.MustCompile(`[^a-zA-Z0-9]+`).ReplaceAllString(fallback, "-"))
	n = strings.Trim(n, "-")
	if !dnsLabel.MatchString(n) {
		n = "imported-system"
	}
	return n, "guessed: no file names the system in a resource name"
}

func quote(s string) string { return strconv.Quote(s) }

// svc is what the package states about one service.
type svc struct {
	name  string
	facts map[facts.Kind][]facts.Fact
	first facts.Fact
}

func gather(s *facts.Set) []*svc {
	by := map[string]*svc{}
	var order []string
	key := func(n string) string { return strings.TrimSuffix(n, "-service") }
	for _, f := range s.Of(facts.Service) {
		k := key(f.Subject)
		if by[k] == nil && dnsLabel.MatchString(f.Subject) {
			by[k] = &svc{name: f.Subject, facts: map[facts.Kind][]facts.Fact{}, first: f}
			order = append(order, k)
		}
	}
	for _, f := range s.Facts {
		switch f.Kind {
		case facts.Route, facts.Port, facts.Request, facts.Limit, facts.Replicas, facts.HPAMin, facts.HPAMax:
			if v := by[key(f.Subject)]; v != nil {
				v.facts[f.Kind] = append(v.facts[f.Kind], f)
			}
		}
	}
	var out []*svc
	for _, k := range order {
		out = append(out, by[k])
	}
	return out
}

func services(x *w, s *facts.Set) {
	list := gather(s)
	x.line(0, "services:", "")
	if len(list) == 0 {
		x.line(1, "- name: app", "guessed: the package names no service")
		x.line(2, "route: /api", "guessed")
		return
	}
	hasPG, hasRedis := uses(s, "postgres"), uses(s, "redis")
	flows := messaging(s, list)
	routes := map[string]bool{}
	anyRoute := len(s.Of(facts.Route)) > 0
	for _, v := range list {
		x.line(1, "- name: "+v.name, "from "+from(v.first))
		if r, note := pick(v.facts[facts.Route], func(f facts.Fact) string { return routePrefix(f.Value) }); r != "" && !routes[r] {
			routes[r] = true
			x.line(2, "route: "+r, note)
		} else if !anyRoute {
			// A system with no route has no request path: nothing to
			// size or to be available for. Every service gets one.
			r := "/api/" + strings.TrimSuffix(v.name, "-service")
			x.line(2, "route: "+r, "guessed: the package states no route for any service")
		}
		if p, note := pick(v.facts[facts.Port], func(f facts.Fact) string { return strconv.Itoa(int(f.Num)) }); p != "" && p != "8080" {
			x.line(2, "port: "+p, note)
		}
		req, reqNote := perEnv(v.facts[facts.Request], func(f facts.Fact) string { return f.Value })
		lim, limNote := perEnv(v.facts[facts.Limit], func(f facts.Fact) string { return f.Value })
		if cpu, mem, ok := resources(req); ok {
			x.line(2, "resources:", "")
			x.line(3, fmt.Sprintf("requests: {cpu: %s, memory: %s}", cpu, mem), reqNote)
			if lcpu, lmem, ok := resources(lim); ok {
				x.line(3, fmt.Sprintf("limits: {cpu: %s, memory: %s}", lcpu, lmem), limNote)
			}
		}
		if lo, hi, note, hpa := bounds(v); lo > 0 {
			switch {
			case hpa && x.pin:
				x.line(2, fmt.Sprintf("replicas: {min: %d, max: %d}", lo, hi), note)
			case hpa:
				x.note(2, fmt.Sprintf("replicas %d–%d (%s): not pinned, the package's load needs more; physarch computes the bounds", lo, hi, note))
			default:
				x.note(2, fmt.Sprintf("replicas %d (%s): physarch computes the bounds from the load", lo, note))
			}
		}
		if hasPG {
			x.line(2, "database: "+strings.ReplaceAll(strings.TrimSuffix(v.name, "-service"), "-", "")+"db", "guessed: the package has PostgreSQL but does not say which service owns which database")
		}
		if hasRedis {
			x.line(2, "cache: true", "guessed: the package has Redis but does not say which services use it")
		}
		for _, dir := range []string{"produces", "consumes"} {
			if fl := flows[v.name+"\x1f"+dir]; fl != nil && len(fl.queues) > 0 {
				x.line(2, dir+": ["+strings.Join(fl.queues, ", ")+"]", strings.Join(fl.notes, "; "))
			}
		}
	}
}

// routePrefix turns "/api/users/**" into "/api/users".
func routePrefix(r string) string {
	r = strings.TrimSpace(r)
	for _, suf := range []string{"/**", "/*", "**", "*"} {
		r = strings.TrimSuffix(r, suf)
	}
	if r == "" {
		return "/"
	}
	return r
}

var cpuR, memR = regexp.MustCompile(`^\d+m$|^\d+(\.\d+)?$`), regexp.MustCompile(`^\d+(\.\d+)?(Mi|Gi)$`)

// resources reads "200m/512Mi".
func resources(v string) (cpu, mem string, ok bool) {
	c, m, _ := strings.Cut(v, "/")
	c, m = strings.TrimSpace(c), strings.TrimSpace(m)
	if !cpuR.MatchString(c) || !memR.MatchString(m) {
		return "", "", false
	}
	if strings.Contains(m, ".") { // 1.5Gi → 1536Mi: Kubernetes takes both, the spec integers
		f, _ := strconv.ParseFloat(strings.TrimSuffix(m, "Gi"), 64)
		m = fmt.Sprintf("%dMi", int(f*1024))
	}
	if !strings.HasSuffix(c, "m") {
		c = quote(c)
	}
	return c, m, true
}

// bounds is a service's production replica bounds: the HPA's when stated
// (hpa true), else its replica count.
func bounds(v *svc) (lo, hi int, note string, hpa bool) {
	prod := func(fs []facts.Fact) []facts.Fact {
		var out []facts.Fact
		for _, f := range fs {
			if f.Env == "prod" || f.Env == "" {
				out = append(out, f)
			}
		}
		return out
	}
	num := func(f facts.Fact) string { return strconv.Itoa(int(f.Num)) }
	los, loNote := pick(prod(v.facts[facts.HPAMin]), num)
	his, hiNote := pick(prod(v.facts[facts.HPAMax]), num)
	if los == "" || his == "" {
		if r, note := pick(prod(v.facts[facts.Replicas]), num); r != "" {
			n, _ := strconv.Atoi(r)
			return n, n, note, false
		}
		return 0, 0, "", false
	}
	lo, _ = strconv.Atoi(los)
	hi, _ = strconv.Atoi(his)
	if hi < lo {
		hi = lo
	}
	return lo, hi, "min " + loNote + "; max " + hiNote, true
}

// uses is true when the package mentions a backing service.
func uses(s *facts.Set, word string) bool {
	for _, f := range s.Facts {
		if strings.Contains(strings.ToLower(f.Subject+" "+f.Src.Text), word) {
			return true
		}
	}
	return false
}

func backing(x *w, s *facts.Set) {
	var queues []string
	seen := map[string]facts.Fact{}
	for _, f := range s.Of(facts.Queue) {
		if _, ok := seen[f.Subject]; !ok && dnsLabel.MatchString(f.Subject) {
			seen[f.Subject] = f
			queues = append(queues, f.Subject)
		}
	}
	pg, redis := uses(s, "postgres"), uses(s, "redis")
	if !pg && !redis && len(queues) == 0 {
		return
	}
	x.line(0, "backing:", "")
	if pg {
		x.line(1, `postgresql: {version: "16"}`, "the package uses PostgreSQL; version guessed")
	}
	if redis {
		x.line(1, "redis: {}", "the package uses Redis; tier and size left to the plan")
	}
	if len(queues) > 0 {
		sort.Strings(queues)
		var fs []facts.Fact
		for _, q := range queues {
			fs = append(fs, seen[q])
		}
		x.line(1, "serviceBus:", "")
		x.line(2, "queues: ["+strings.Join(queues, ", ")+"]", "from "+from(fs...))
	}
}

// primaryRegion picks the region the package runs in from the lines that
// state a primary (facts.Set.PrimaryRegions, as the audit compares them),
// naming the other regions the package mentions (DR, backups) in the
// comment; with no such line it picks among every region named.
func primaryRegion(s *facts.Set) (string, string) {
	primary := s.PrimaryRegions()
	if len(primary) == 0 {
		return pick(s.Of(facts.Region), func(f facts.Fact) string { return f.Value })
	}
	region, note := pick(primary, func(f facts.Fact) string { return f.Value })
	others := map[string][]facts.Fact{}
	var order []string
	for _, f := range s.Of(facts.Region) {
		if f.Value == region {
			continue
		}
		if _, ok := others[f.Value]; !ok {
			order = append(order, f.Value)
		}
		others[f.Value] = append(others[f.Value], f)
	}
	for _, v := range order {
		note += fmt.Sprintf("; %s at %s is named for DR, backups or replicas, not as the primary", v, from(others[v]...))
	}
	return region, note
}
