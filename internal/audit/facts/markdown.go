package facts

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/physarch/physarch/internal/read/markdown"
)

// mdCtx is a document being extracted.
type mdCtx struct {
	f   *File
	out *[]Fact
	// env is the environment each line's section is about ("" for none).
	env []string
	// looseRow marks the rows of tables without pipes.
	looseRow map[int]bool
	// envRow holds the rows of tables with a column per environment: their
	// figures are read cell by cell, each with its column's environment.
	envRow map[int]envRow
}

type envRow struct {
	cells []string
	cols  map[int]string
}

func extractMarkdown(f *File, out *[]Fact) {
	c := &mdCtx{f: f, out: out, env: sectionEnvs(f), envRow: map[int]envRow{}}
	for _, t := range f.MD.Tables {
		c.table(t)
	}
	c.loose()
	for i, l := range f.MD.Lines {
		c.line(i+1, l)
	}
	c.yamlish()
	if f.Title != "" {
		if name := systemName(f.Title); name != "" {
			line := 1
			if len(f.MD.Headings) > 0 {
				line = f.MD.Headings[0].Line
			}
			for i, l := range f.MD.Lines {
				if strings.Contains(l, f.Title) {
					line = i + 1
					break
				}
			}
			c.add(Fact{Kind: System, Value: name}, line)
		}
	}
}

// docKind is a title's part that names the document, not the system
// ("물리 아키텍처 설계서 - 운영환경").
var docSuffix = regexp.MustCompile(`(?i)(?:^|\s)(?:물리\s*)?아키텍처(?:\s*설계서)?\s*$|(?:^|\s)(?:physical\s+)?architecture(?:\s+design)?(?:\s+document)?\s*$`)

var docKind = regexp.MustCompile(`(?i)아키텍처 설계서|설계서$|architecture|design document`)

// systemName is the part of a title before " - " (the system's name).
func systemName(title string) string {
	// "# 🏥 스마트 보험금 청구 플랫폼 - …": the emoji is decoration.
	title = stripDecor(strings.TrimLeft(title, "# "))
	i := strings.Index(title, " - ")
	if i <= 0 {
		return ""
	}
	// "메디링크 진료예약 시스템 물리 아키텍처 - 개발환경": the name is what
	// precedes the words naming the document; "물리 아키텍처 설계서 -
	// 운영환경" names none.
	name := strings.TrimSpace(docSuffix.ReplaceAllString(title[:i], ""))
	if name == "" || docKind.MatchString(name) {
		return ""
	}
	return name
}

// boldLabel is a line that is a bold label, maybe with a link or an aside.
var boldLabel = regexp.MustCompile(`^\s*\*\*([^*]{1,40})\*\*\s*:?\s*(?:\(.*\))?\s*:?\s*$`)

// sectionEnvs gives each line the environment of its document or, in the
// master index, the one its innermost section names.
func sectionEnvs(f *File) []string {
	env := make([]string, len(f.MD.Lines)+2)
	type open struct {
		level int
		env   string
	}
	var stack []open
	hi := 0
	hs := f.MD.Headings
	// A bold line such as "**운영환경** ([문서](...))" heads the lines under
	// it like a heading, up to the next heading or bold label.
	bold := ""
	for l := 1; l <= len(f.MD.Lines)+1; l++ {
		if l <= len(f.MD.Lines) {
			if m := boldLabel.FindStringSubmatch(f.MD.Lines[l-1]); m != nil {
				bold = soleEnv(m[1])
			}
		}
		for hi < len(hs) && hs[hi].Line == l {
			bold = ""
			h := hs[hi]
			for len(stack) > 0 && stack[len(stack)-1].level >= h.Level {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, open{h.Level, soleEnv(h.Title)})
			hi++
		}
		env[l] = f.Env
		if f.Env != "" {
			continue // a document of one environment: its sections are about it
		}
		if bold != "" {
			env[l] = bold
			continue
		}
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].env != "" {
				env[l] = stack[i].env
				break
			}
		}
	}
	return env
}

func (c *mdCtx) src(line int) Src {
	text := ""
	if line >= 1 && line <= len(c.f.MD.Lines) {
		text = c.f.MD.Lines[line-1]
	}
	return Src{File: c.f.Name, Line: line, Text: strings.TrimSpace(text), Section: c.f.MD.Section(line)}
}

func (c *mdCtx) add(f Fact, line int) {
	f.Src = c.src(line)
	if f.Env == "" && line < len(c.env) {
		f.Env = c.env[line]
	}
	*c.out = append(*c.out, f)
}

var (
	costSection  = regexp.MustCompile(`(?i)비용|cost`)
	totalLabel   = regexp.MustCompile(`(?i)^\s*(총|합계|총합|total|sum\b)`)
	envCostLabel = regexp.MustCompile(`(?i)^\s*(총\s*)?(월간?\s*)?(예상\s*)?(비용|합계|총합)|^\s*(total\s+)?(estimated\s+)?(monthly\s+)?(cost|spend)\b|^\s*total\b`)
	componentSec = regexp.MustCompile(`(?i)데이터|\bdata\b|캐시|메시징|네트워크|스토리지|database|cache|messaging|storage|postgres|redis`)
	budgetR      = regexp.MustCompile(`(?i)예산|budget|절감|saving|절약`)
	boundR       = regexp.MustCompile(`^\s*(이하|이내|미만|under|or less|at most|below)`)
)

// table reads a GFM table.
func (c *mdCtx) table(t markdown.Table) {
	if len(t.Header) == 0 {
		return
	}
	cols := columnEnvs(t.Header)
	id := fmt.Sprintf("%s:%d", c.f.Name, t.Line)
	h0 := strings.ToLower(t.Header[0])
	// A cost table's own heading may be "Monthly" or "주요 항목" under "10.
	// 비용": its section or one above it names the cost.
	costTable := false
	for _, h := range c.f.MD.Path(t.Line) {
		if budgetR.MatchString(h) {
			break
		}
		if costSection.MatchString(h) {
			costTable = true
			break
		}
	}
	subnetCol := -1
	for i, h := range t.Header {
		if hl := strings.ToLower(h); subnetCol < 0 && (strings.Contains(hl, "서브넷") || strings.Contains(hl, "subnet")) {
			subnetCol = i
		}
	}
	for _, r := range t.Rows {
		if len(r.Cells) == 0 {
			continue
		}
		if len(cols) > 0 {
			c.envRow[r.Line] = envRow{r.Cells, cols}
		}
		label := r.Cells[0]
		c.costRow(id, label, r.Cells, cols, r.Line, costTable, t.Section)
		switch {
		case isServiceHeader(h0):
			c.serviceRow(t, r)
		case queueHeader.MatchString(h0) && (queueSection.MatchString(t.Section) || queueOnly.MatchString(h0)) && queueName.MatchString(label) && !settingsTable(t):
			c.add(Fact{Kind: Queue, Subject: label}, r.Line)
			c.queueEnds(t, r, label)
		case subnetCol >= 0 && subnetCol < len(r.Cells):
			// The subnet's name is in its column ("| Component | Subnet |
			// Range |"), or in the first when that column holds the range.
			name := r.Cells[subnetCol]
			if cidrR.MatchString(name) {
				name = label
			}
			for i, cell := range r.Cells {
				if i == subnetCol && name != label || i == 0 && subnetCol == 0 {
					continue
				}
				if m := cidrR.FindString(cell); m != "" {
					c.add(Fact{Kind: Subnet, Subject: SubnetKey(name), Value: m}, r.Line)
					break
				}
			}
		}
		c.settingRow(t, r)
	}
}

// costRow reads a row's dollar figures: a component's cost or a total in a
// cost table, an environment's monthly cost wherever its label says so.
func (c *mdCtx) costRow(id, label string, cells []string, cols map[int]string, line int, costTable bool, section string) {
	type fig struct {
		env string
		a   amount
	}
	var figs []fig
	for i, cell := range cells {
		if i == 0 {
			continue
		}
		as := amounts(cell)
		if len(as) == 0 {
			continue
		}
		env := cols[i]
		if len(cols) > 0 && env == "" {
			continue // a saving or difference column
		}
		figs = append(figs, fig{env, as[0]})
		if len(cols) == 0 {
			break // one environment: the first figure is the cost
		}
	}
	if len(figs) == 0 || budgetR.MatchString(label) {
		return
	}
	total := totalLabel.MatchString(label)
	envCost := total || (envCostLabel.MatchString(label) && !componentSec.MatchString(section) && !componentSec.MatchString(label))
	for _, g := range figs {
		if costTable {
			k := Cost
			if total {
				k = Total
			}
			c.add(Fact{Kind: k, Env: g.env, Subject: strings.TrimSpace(label), Num: g.a.min, Max: g.a.max, Table: id}, line)
		}
		if envCost && (costTable || !total) {
			c.add(Fact{Kind: EnvCost, Env: g.env, Num: g.a.min, Max: g.a.max}, line)
		}
	}
}

// queueEnds reads a queue row's sender and receiver columns ("| order-
// created | … | order-service | payment-service, notification-service |").
func (c *mdCtx) queueEnds(t markdown.Table, r markdown.Row, queue string) {
	for i, h := range t.Header {
		if i == 0 || i >= len(r.Cells) {
			continue
		}
		kind := Kind("")
		// "송수신" names both ends: no direction.
		send, recv := senderHeader.MatchString(h), receiverHeader.MatchString(h)
		if bothEnds.MatchString(h) {
			continue
		}
		switch {
		case send && !recv:
			kind = Produces
		case recv && !send:
			kind = Consumes
		default:
			continue
		}
		for _, name := range strings.FieldsFunc(r.Cells[i], func(r rune) bool { return r == ',' || r == '/' || r == '·' }) {
			// "payment-service (재시도 3회)": the name is the first word.
			name, _, _ = strings.Cut(strings.TrimSpace(name), " ")
			if svc := ServiceKey(strings.Trim(name, "`*")); dnsName.MatchString(svc) {
				c.add(Fact{Kind: kind, Subject: svc, Value: queue}, r.Line)
			}
		}
	}
}

var bothEnds = regexp.MustCompile(`(?i)송수신|send/receive|sender/receiver|producer/consumer|pub/sub`)

// settingsTable is a "| 이름 | 값 |" table: its rows are settings, whatever
// its section.
func settingsTable(t markdown.Table) bool {
	return len(t.Header) >= 2 && valueHeader.MatchString(strings.TrimSpace(t.Header[1]))
}

var valueHeader = regexp.MustCompile(`(?i)^(값|설정값|설정 값|value|setting|설정)$`)

var dnsName = regexp.MustCompile(`^[a-z][a-z0-9-]{0,62}$`)

func isServiceHeader(h string) bool {
	h = strings.TrimSpace(h)
	return h == "서비스" || h == "service" || h == "서비스명" || h == "서비스 이름" || h == "services" || h == "workload" || h == "워크로드"
}

var (
	queueHeader     = regexp.MustCompile(`(?i)^(큐|큐 이름|토픽|이름|queue|topic|name)$`)
	queueOnly       = regexp.MustCompile(`(?i)^(큐|큐 이름|queue|queue name|topic)$`)
	senderHeader    = regexp.MustCompile(`(?i)송신|발신|발행|생산자|프로듀서|producer|sender|publisher`)
	receiverHeader  = regexp.MustCompile(`(?i)수신|구독|소비자|컨슈머|consumer|receiver|subscriber`)
	queueSection    = regexp.MustCompile(`(?i)큐|토픽|메시징|queue|topic|messaging|service bus`)
	clusterDNS      = regexp.MustCompile(`^([a-z0-9][a-z0-9-]*)\.[a-z0-9-]+\.svc\.cluster\.local`)
	asciiName       = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9 _.-]*$`)
	notServiceTable = regexp.MustCompile(`(?i)서브넷|subnet|private dns|dns zone`)
)

// backingR names what is not an application service.
var backingR = regexp.MustCompile(`(?i)postgres|redis|azure|key ?vault|registry|front ?door|bastion|monitor|log analytics|firewall|service ?bus|kafka|mongo|cosmos|database|\bdb\b|cache|캐시|데이터베이스|event ?hub|blob|storage|ingress|gateway`)

// ServiceKey normalises a service name: "Bill-Inquiry Service" and
// "bill_inquiry_service" are bill-inquiry-service.
func ServiceKey(s string) string {
	s = strings.ToLower(stripDecor(s))
	s = strings.NewReplacer("_", "-", " ", "-").Replace(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	return strings.Trim(s, "-.:")
}

// serviceRow reads a table listing services: names, replicas, HPA bounds,
// PDBs, requests and limits, ports.
func (c *mdCtx) serviceRow(t markdown.Table, r markdown.Row) {
	for _, h := range t.Header {
		if notServiceTable.MatchString(h) {
			return
		}
	}
	name := r.Cells[0]
	// A discovery table names the service by its DNS name; the first
	// column may hold its display title.
	for _, cell := range r.Cells[1:] {
		if m := clusterDNS.FindStringSubmatch(cell); m != nil {
			name = m[1]
		}
	}
	if backingR.MatchString(name) || strings.TrimSpace(name) == "" || strings.HasPrefix(name, "-") || !asciiName.MatchString(name) {
		return
	}
	svc := ServiceKey(name)
	if svc == "" {
		return
	}
	c.add(Fact{Kind: Service, Subject: svc}, r.Line)
	var req, lim [2]string
	// With a column of maxima, a column of minima holds the HPA's lower
	// bound, not a fixed replica count.
	hasMax := false
	for _, h := range t.Header {
		hasMax = hasMax || maxHeader(strings.ToLower(strings.TrimSpace(h)))
	}
	for i, h := range t.Header {
		if i == 0 || i >= len(r.Cells) {
			continue
		}
		h, v := strings.ToLower(h), strings.TrimSpace(r.Cells[i])
		switch {
		case hasMax && (h == "최소 레플리카" || h == "min replicas" || h == "min replica" || h == "minreplicas"):
			if n := firstInt(v); n >= 0 {
				c.add(Fact{Kind: HPAMin, Subject: svc, Num: float64(n)}, r.Line)
			}
		case h == "replicas" || h == "레플리카" || h == "최소 레플리카" || h == "min replicas" || h == "replicas (min–max)":
			if lo, hi, ok := intRange(v); ok {
				c.add(Fact{Kind: Replicas, Subject: svc, Num: float64(lo)}, r.Line)
				if hi != lo {
					c.add(Fact{Kind: HPAMin, Subject: svc, Num: float64(lo)}, r.Line)
					c.add(Fact{Kind: HPAMax, Subject: svc, Num: float64(hi)}, r.Line)
				}
			}
		case h == "min" || h == "hpa min" || h == "최소":
			if n := firstInt(v); n >= 0 {
				c.add(Fact{Kind: HPAMin, Subject: svc, Num: float64(n)}, r.Line)
			}
		case maxHeader(h):
			if n := firstInt(v); n >= 0 {
				c.add(Fact{Kind: HPAMax, Subject: svc, Num: float64(n)}, r.Line)
			}
		case strings.Contains(h, "maxunavailable") || strings.Contains(h, "최대 불가용"):
			if n := firstInt(v); n >= 0 && !strings.Contains(v, "%") {
				c.add(Fact{Kind: PDBMaxUnav, Subject: svc, Num: float64(n)}, r.Line)
			}
		case strings.Contains(h, "최소 가용") || strings.Contains(h, "minavailable") || strings.Contains(h, "disruption") || strings.Contains(h, "pdb"):
			c.pdb(svc, v, r.Line)
		case h == "cpu requests" || h == "cpu 요청":
			req[0] = v
		case h == "memory requests" || h == "메모리 요청":
			req[1] = v
		case h == "cpu limits" || h == "cpu 제한":
			lim[0] = v
		case h == "memory limits" || h == "메모리 제한":
			lim[1] = v
		case h == "포트" || h == "port":
			if n := firstInt(v); n > 0 {
				c.add(Fact{Kind: Port, Subject: svc, Num: float64(n)}, r.Line)
			}
		case h == "경로" || h == "route" || h == "path":
			if strings.HasPrefix(v, "/") {
				c.add(Fact{Kind: Route, Subject: svc, Value: v}, r.Line)
			}
		}
	}
	if req[0] != "" || req[1] != "" {
		c.add(Fact{Kind: Request, Subject: svc, Value: req[0] + "/" + req[1]}, r.Line)
	}
	if lim[0] != "" || lim[1] != "" {
		c.add(Fact{Kind: Limit, Subject: svc, Value: lim[0] + "/" + lim[1]}, r.Line)
	}
}

// maxHeader is a column of HPA maxima.
func maxHeader(h string) bool {
	switch h {
	case "max", "hpa max", "최대", "max replicas", "max replica", "maxreplicas", "최대 레플리카":
		return true
	}
	return false
}

var pdbNum = regexp.MustCompile(`(?i)(minAvailable|maxUnavailable)?\s*:?\s*(\d+)(%?)`)

func (c *mdCtx) pdb(svc, v string, line int) {
	m := pdbNum.FindStringSubmatch(v)
	if m == nil || m[3] == "%" {
		return
	}
	k := PDBMin
	if strings.EqualFold(m[1], "maxUnavailable") {
		k = PDBMaxUnav
	}
	c.add(Fact{Kind: k, Subject: svc, Num: num(m[2])}, line)
}

// settingRow reads "item | value" rows of settings tables: tiers, SKUs,
// address spaces, fixed IPs, ports of backing services.
func (c *mdCtx) settingRow(t markdown.Table, r markdown.Row) {
	if len(r.Cells) < 2 {
		return
	}
	key, val := strings.ToLower(r.Cells[0]), r.Cells[1]
	sec := strings.ToLower(t.Section)
	switch {
	case strings.Contains(key, "티어") || strings.Contains(key, "계층") || strings.Contains(key, "tier"):
		subject := backingKey(sec)
		if subject == "" && (strings.Contains(sec, "aks") || strings.Contains(sec, "클러스터") || strings.Contains(sec, "cluster") || strings.Contains(sec, "kubernetes")) {
			subject = "aks"
		}
		if subject == "aks" {
			if tier := aksTier(val); tier != "" {
				c.add(Fact{Kind: Tier, Subject: subject, Value: tier}, r.Line)
			}
		} else if subject != "" && strings.TrimSpace(val) != "" {
			c.add(Fact{Kind: Tier, Subject: subject, Value: strings.Fields(val)[0]}, r.Line)
		}
	}
	// A backing service's port in a discovery or policy table.
	for i, h := range t.Header {
		if i >= len(r.Cells) || i == 0 {
			continue
		}
		hl := strings.ToLower(h)
		if !(strings.Contains(hl, "포트") || strings.Contains(hl, "port")) {
			continue
		}
		if b := backingKey(r.Cells[0]); b != "" {
			if m := portR.FindString(r.Cells[i]); m != "" {
				c.add(Fact{Kind: Port, Subject: b, Num: num(m)}, r.Line)
			}
		}
	}
}

var portR = regexp.MustCompile(`\b(\d{2,5})\b`)

var aksTierR = regexp.MustCompile(`(?i)\b(Free|Basic|Standard|Premium)\b`)

func aksTier(s string) string {
	m := aksTierR.FindString(s)
	if m == "" {
		return ""
	}
	t := strings.ToUpper(m[:1]) + strings.ToLower(m[1:])
	if t == "Basic" {
		t = "Free" // AKS's former name of the Free tier
	}
	return t
}

// backingKey names a backing service in a cell, or "".
func backingKey(s string) string {
	l := strings.ToLower(s)
	switch {
	case strings.Contains(l, "postgres"):
		return "postgresql"
	case strings.Contains(l, "redis"):
		return "redis"
	case strings.Contains(l, "service bus") || strings.Contains(l, "servicebus"):
		return "servicebus"
	}
	return ""
}

// stripDecor drops emoji, markup and surrounding punctuation from a label.
func stripDecor(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0x2190 && r <= 0x2BFF || r >= 0x1F000 || r == 0xFE0F || r == '*' || r == '`' {
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}
