package facts

import (
	"regexp"
	"strings"
)

var (
	// The ways documents state allowed downtime; group 1 is the figure,
	// group 2 its unit: "월 43분 다운타임", "월 최대 18시간 중단 허용", "월
	// 7.2시간 이내 중단", "월 허용 중단 약 43분", "월 다운타임 3.6시간", "43
	// min/month downtime", "about 43 minutes of downtime a month".
	downtimeKo = []*regexp.Regexp{
		regexp.MustCompile(`월\s*(?:최대\s*|약\s*|허용\s*)*(\d[\d,]*(?:\.\d+)?)\s*(분|시간)\s*(?:이내\s*|이하\s*|까지\s*)?(?:의\s*)?(?:다운타임|중단|장애)`),
		regexp.MustCompile(`월\s*(?:허용\s*)?(?:다운타임|중단|장애)\s*(?:허용\s*|시간\s*)?(?:약\s*|최대\s*)?(\d[\d,]*(?:\.\d+)?)\s*(분|시간)`),
	}
	downtimeEn = []*regexp.Regexp{
		regexp.MustCompile(`(?i)(\d[\d,]*(?:\.\d+)?)\s*(min|minutes|h|hours)\s*(?:/\s*month|a month|per month)\s*(?:of\s*)?downtime`),
		regexp.MustCompile(`(?i)(\d[\d,]*(?:\.\d+)?)\s*(min|minutes|h|hours)\s+of\s+downtime\s*(?:/\s*month|a month|per month|monthly)`),
		regexp.MustCompile(`(?i)downtime\s+of\s+(?:about\s+|up to\s+|at most\s+)?(\d[\d,]*(?:\.\d+)?)\s*(min|minutes|h|hours)\s*(?:/\s*month|a month|per month)`),
	}
	// availR is an availability figure after its word: "가용성: 99.9%",
	// "**가용성 목표**: 95%", "Availability target | 99.5%".
	availR      = regexp.MustCompile(`(?i)(?:가용성|availability|uptime)\s*(?:목표|target|objective|slo)?\**\s*[:|=]?\s*\**\s*(?:\|\s*)?(?:약\s*|about\s*)?(\d{2}(?:\.\d+)?)\s?%`)
	haR         = regexp.MustCompile(`(?i)고가용성|high[ -]availability`)
	zoneWord    = regexp.MustCompile(`(?i)가용성\s*영역|availability\s*zone|가용 영역`)
	ratioR      = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*배`)
	svcCountR   = regexp.MustCompile(`(\d+)\s*개\s*(?:의\s*)?(?:마이크로\s?서비스|애플리케이션\s*(?:Pod|서비스))|마이크로\s?서비스\s*(\d+)\s*개|(?i)(?:^|[\s(:,])(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:micro-?services|(?:application |backend )?services)\b`)
	noHostPath  = regexp.MustCompile(`(?i)사용하지|금지|허용되지|허용 안|않습니다|않음|없음|대신|no hostpath|not allowed|never|instead|forbid|refus`)
	rtoR        = regexp.MustCompile(`(?i)\b(RTO|RPO)\b[^\d\n|]{0,24}(\d+(?:\.\d+)?)\s*(분|시간|초|일|minutes?|min|hours?|days?|h|d|s)(?:[^A-Za-z]|$)`)
	redisTierPR = regexp.MustCompile(`(?i)\b(?:azure cache for redis|redis)\s+(Basic|Standard|Premium)\b`)
	aksTierPR   = regexp.MustCompile(`(?i)\bAKS\s+(Free|Basic|Standard|Premium)\b`)
	vmSizeR     = regexp.MustCompile(`\b(?:GP_|MO_|B_)?(Standard_[A-Z][A-Za-z0-9_]+)`)
	vcpuR       = regexp.MustCompile(`(?i)(\d+)\s*vCPU`)
	memR        = regexp.MustCompile(`(?i)(\d+(?:\.\d+)?)\s*(GB|GiB)\s*(RAM|메모리)?`)
	cacheR1     = regexp.MustCompile(`\b([PC][0-6])\s*\(\s*(\d+(?:\.\d+)?)\s*(GB|GiB|MB)\s*\)`)
	cacheR2     = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*(GB|GiB)\s*\(\s*([PC][0-6])\b`)
	cacheCtx    = regexp.MustCompile(`(?i)redis|캐시|cache`)
	vnetR       = regexp.MustCompile(`(?i)vnet|virtual network|주소 공간|address space`)
	vnetCIDR    = regexp.MustCompile(`(?i)(?:vnet|virtual network|주소 공간|address space)([^/]{0,40}?)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/\d{1,3})`)
	subnetWord  = regexp.MustCompile(`(?i)snet|subnet|서브넷`)
	subnetName  = regexp.MustCompile(`(?i)subnet|^snet`)
	svcCIDR     = regexp.MustCompile(`(?i)service cidr|pod cidr|docker`)
	subnetPR    = regexp.MustCompile(`([A-Za-z][\w-]*(?:\s+Subnet)?)\s*\(\s*(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/\d{1,3})\s*\)`)
	privIPR     = regexp.MustCompile(`(?i)private ip|프라이빗 ip|사설 ip|내부 ip`)
	regionR     = regexp.MustCompile(`(?i)\b(koreacentral|koreasouth|korea central|korea south|japaneast|japan east|japanwest|japan west|eastus2?|east us(?: 2)?|westus[23]?|west us(?: [23])?|centralus|central us|westeurope|west europe|northeurope|north europe|southeastasia|southeast asia|eastasia|east asia)\b`)
	usersR      = regexp.MustCompile(`(\d[\d,]*)\s*명`)
	monthlyR    = regexp.MustCompile(`월\s*$`)
	perMonthR   = regexp.MustCompile(`^\s*(/\s*월|/\s*mo(nth)?|\s*a month|\s*per month)`)
)

// line reads the figures a line states wherever it is.
func (c *mdCtx) line(n int, l string) {
	if c.f.MD.Code[n] && strings.HasPrefix(strings.TrimSpace(l), "```") {
		return
	}
	sec := c.f.MD.Section(n)
	if r, ok := c.envRow[n]; ok {
		c.cells(n, r, sec)
	} else {
		// "- 운영환경: 가용성 99.5%, RTO 2시간" in the master index: the
		// label says whose figures follow.
		lead := ""
		if c.env[n] == "" {
			if m := leadEnvR.FindStringSubmatch(l); m != nil {
				lead = envWord(m[1])
			}
		}
		for _, f := range lineFacts(l, sec) {
			if f.Env == "" {
				f.Env = lead
			}
			c.add(f, n)
		}
	}
	if !c.f.MD.InTable[n] && !c.looseRow[n] && strings.Contains(l, "$") {
		c.proseCost(n, l)
	}
	if strings.Contains(strings.ToLower(l), "hostpath") && !noHostPath.MatchString(l) {
		c.add(Fact{Kind: HostPath, Value: "hostPath"}, n)
	}
}

// partWord names a part of an environment whose cost a line may state
// ("노드 비용 월 $1,617 (D4s_v3 × 9)").
var partWord = regexp.MustCompile(`(?i)노드|node|풀|pool|\bvm\b|인스턴스|instance|라이선스|license|×|\bx\s?\d|standard_`)

// leadEnvR is a line led by an environment's name and a colon.
var leadEnvR = regexp.MustCompile(`(?i)^\s*(?:[-*•]\s*)?\**\s*(개발\s?환경|운영\s?환경|개발|운영|스테이징|dev|development|prod|production|staging)\s*\**\s*[:：]`)

// cells reads a comparison table's row cell by cell: "| RTO | 해당 없음 |
// RTO 30분 |" states prod's RTO, "| Region | Japan East | Korea Central |"
// one region per environment. The row's label gives each cell its meaning.
func (c *mdCtx) cells(n int, r envRow, sec string) {
	label := r.cells[0]
	// A ratio ("5,000명 (100배)") compares the row's cells: read it from
	// the whole row.
	for _, f := range lineFacts(c.f.MD.Lines[n-1], sec) {
		if f.Kind == Ratio {
			c.add(f, n)
		}
	}
	for i, cell := range r.cells {
		env := r.cols[i]
		if i == 0 || env == "" {
			continue // the label, or a difference or note column
		}
		for _, f := range lineFacts(label+" "+cell, sec) {
			if f.Kind == Ratio {
				continue
			}
			f.Env, f.Cell = env, label+" | "+cell
			c.add(f, n)
		}
	}
}

// lineFacts are the figures a line of a document or a diagram label states.
//
// Each pattern runs only on lines holding its cheap marker (a unit, a
// keyword): auditing must stay fast enough to run on every save.
func lineFacts(l, section string) []Fact {
	var out []Fact
	lower := strings.ToLower(l)
	for _, m := range when(strings.Contains(lower, "aks"), aksTierPR, l) {
		out = append(out, Fact{Kind: Tier, Subject: "aks", Value: aksTier(m[1])})
	}
	for _, m := range when(strings.Contains(lower, "redis"), redisTierPR, l) {
		out = append(out, Fact{Kind: Tier, Subject: "redis", Value: strings.ToUpper(m[1][:1]) + strings.ToLower(m[1][1:])})
	}
	if strings.Contains(lower, "korea") || strings.Contains(lower, "east") || strings.Contains(lower, "west") || strings.Contains(lower, "north") || strings.Contains(lower, "japan") || strings.Contains(lower, "central") || strings.Contains(lower, "asia") {
		for _, m := range regionR.FindAllString(l, -1) {
			out = append(out, Fact{Kind: Region, Value: RegionKey(m)})
		}
	}
	// Before the digit test: "seven services" has none.
	if !strings.Contains(l, "개") && !strings.Contains(lower, "services") {
	} else if m := svcCountR.FindStringSubmatch(l); m != nil {
		out = append(out, Fact{Kind: ServiceCount, Num: countWord(m[1] + m[2] + m[3])})
	}
	if !strings.ContainsAny(l, "0123456789") {
		return out
	}
	cidr := strings.Contains(l, "/") && strings.Count(l, ".") >= 3
	if strings.Contains(l, "%") {
		res := downtimeKo
		if !strings.Contains(l, "월") {
			res = nil
			if strings.Contains(lower, "downtime") {
				res = downtimeEn
			}
		}
		for _, re := range res {
			if m := re.FindStringSubmatchIndex(l); m != nil {
				out = append(out, downtime(l, m[0], l[m[2]:m[3]], l[m[4]:m[5]])...)
				break
			}
		}
	}
	if strings.Contains(l, "%") && (strings.Contains(l, "가용성") || strings.Contains(lower, "availability") || strings.Contains(lower, "uptime")) && !zoneWord.MatchString(l) {
		// "고가용성", "high availability" name a feature, not a target.
		if m := availR.FindStringSubmatch(haR.ReplaceAllString(l, "")); m != nil {
			if p := num(m[1]); p > 0 && p < 100 {
				out = append(out, Fact{Kind: Availability, Num: p})
			}
		}
	}
	if !strings.Contains(l, "배") {
	} else if m := ratioR.FindStringSubmatch(l); m != nil {
		if r, ok := ratioOf(l); ok {
			out = append(out, Fact{Kind: Ratio, Num: num(m[1]), Max: r})
		}
	}
	for _, m := range when(strings.Contains(lower, "rto") || strings.Contains(lower, "rpo"), rtoR, l) {
		k := RTO
		if strings.EqualFold(m[1], "RPO") {
			k = RPO
		}
		out = append(out, Fact{Kind: k, Num: minutes(num(m[2]), m[3]), Value: m[2] + m[3]})
	}
	if !strings.Contains(l, "Standard_") {
	} else if vms := vmSizeR.FindAllStringSubmatchIndex(l, -1); len(vms) == 1 {
		cpu, mem := vcpuR.FindStringSubmatch(l), memR.FindStringSubmatch(l)
		if cpu != nil && mem != nil {
			out = append(out, Fact{Kind: VMSize, Subject: l[vms[0][2]:vms[0][3]], Num: num(cpu[1]), Max: num(mem[1])})
		}
	} else {
		// "Standard_D2s_v5 (2 vCPU, 8 GiB) | Standard_D8s_v5 (8 vCPU, 64
		// GiB)": each size with the figures up to the next one.
		for i, vm := range vms {
			end := len(l)
			if i+1 < len(vms) {
				end = vms[i+1][0]
			}
			seg := l[vm[1]:end]
			cpu, mem := vcpuR.FindStringSubmatch(seg), memR.FindStringSubmatch(seg)
			if cpu != nil && mem != nil {
				out = append(out, Fact{Kind: VMSize, Subject: l[vm[2]:vm[3]], Num: num(cpu[1]), Max: num(mem[1])})
			}
		}
	}
	if (strings.Contains(l, "B") || strings.Contains(l, "MB")) && (cacheCtx.MatchString(l) || cacheCtx.MatchString(section)) {
		if m := cacheR1.FindStringSubmatch(l); m != nil {
			out = append(out, Fact{Kind: CacheSize, Subject: m[1], Num: gb(m[2], m[3])})
		} else if m := cacheR2.FindStringSubmatch(l); m != nil {
			out = append(out, Fact{Kind: CacheSize, Subject: m[3], Num: gb(m[1], m[2])})
		}
	}
	if !cidr {
	} else if m := vnetCIDR.FindStringSubmatch(l); m != nil && !svcCIDR.MatchString(l) && !subnetWord.MatchString(m[1]) {
		out = append(out, Fact{Kind: VNet, Value: m[2]})
	}
	for _, m := range when(cidr, subnetPR, l) {
		if !vnetR.MatchString(m[1]) && subnetName.MatchString(m[1]) {
			out = append(out, Fact{Kind: Subnet, Subject: SubnetKey(m[1]), Value: m[2]})
		}
	}
	if strings.Contains(lower, "ip") && privIPR.MatchString(l) {
		if m := ipR.FindStringSubmatch(l); m != nil {
			out = append(out, Fact{Kind: IP, Value: m[1]})
		}
	}
	if strings.Contains(l, "사용자") || strings.Contains(strings.ToLower(l), "users") {
		if m := usersR.FindStringSubmatch(l); m != nil {
			out = append(out, Fact{Kind: Users, Num: num(m[1])})
		}
	}
	return out
}

// when runs re on l only if ok.
func when(ok bool, re *regexp.Regexp, l string) [][]string {
	if !ok {
		return nil
	}
	return re.FindAllStringSubmatch(l, -1)
}

func gb(n, unit string) float64 {
	if strings.EqualFold(unit, "MB") {
		return num(n) / 1024
	}
	return num(n)
}

// RegionKey is a region's ARM name ("Korea Central" is koreacentral).
func RegionKey(s string) string { return strings.ToLower(strings.ReplaceAll(s, " ", "")) }

// downtime is a downtime claim with the percentage stated before it.
func downtime(l string, at int, n, unit string) []Fact {
	ps := pctR.FindAllStringSubmatch(l[:at], -1)
	if len(ps) == 0 {
		return nil
	}
	p := num(ps[len(ps)-1][1])
	if p <= 0 || p >= 100 {
		return nil
	}
	return []Fact{{Kind: Downtime, Num: minutes(num(n), unit), Max: p, Value: n + unit}}
}

// proseCost reads an environment's monthly cost in running text:
// "개발환경 월 $143, 운영환경 월 $2,860", "월 $200 이하".
func (c *mdCtx) proseCost(n int, l string) {
	if budgetR.MatchString(l) {
		return
	}
	prev := 0
	for _, a := range amounts(l) {
		before, after := l[prev:a.at], l[a.end:]
		prev = a.end
		if !monthlyR.MatchString(before) && !perMonthR.MatchString(after) {
			continue
		}
		env := ""
		if es := envsIn(before); len(es) > 0 {
			env = es[len(es)-1].env
		}
		bound := boundR.MatchString(strings.TrimPrefix(strings.TrimSpace(after), "/월"))
		// Without an environment word the figure is the document's own
		// when it is a bound ("월 $200 이하") or the line is about the
		// environment's cost and names no component ("월 $95 수준의 최소
		// 비용"): "Redis 월 $50" is a component's.
		if env == "" {
			about := costSection.MatchString(l) || perMonthR.MatchString(after)
			if !bound && !(about && !componentSec.MatchString(l) && !backingR.MatchString(l) && !partWord.MatchString(l)) {
				continue
			}
			env = c.env[n]
		}
		if env == "" {
			continue
		}
		c.add(Fact{Kind: EnvCost, Env: env, Num: a.min, Max: a.max, Bound: bound}, n)
	}
}

// countWord reads "7" or "seven".
func countWord(s string) float64 {
	for i, w := range []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"} {
		if strings.EqualFold(s, w) {
			return float64(i + 2)
		}
	}
	return num(s)
}
