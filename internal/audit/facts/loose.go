package facts

import (
	"fmt"
	"regexp"
	"strings"
)

// parenTier is a tier in parentheses after a figure: "$30 (Basic)".
var parenTier = regexp.MustCompile(`^\s*\(\s*(Free|Basic|Standard|Premium)\s*\)`)

// bulletR starts a list item; list items are prose, not table rows.
var bulletR = regexp.MustCompile(`^\s*([-*•+]|\d+\.)\s`)

// loose reads tables whose pipes a web page dropped: a block of lines
// under a heading whose first line names two or more environments (the
// header: "구분 개발환경 운영환경"); in each following line the dollar
// figures are the environments' columns in the header's order.
func (c *mdCtx) loose() {
	c.looseRow = map[int]bool{}
	lines := c.f.MD.Lines
	heading := map[int]bool{}
	for _, h := range c.f.MD.Headings {
		heading[h.Line] = true
	}
	plain := func(n int) bool {
		l := lines[n-1]
		return strings.TrimSpace(l) != "" && !heading[n] && !c.f.MD.InTable[n] && !c.f.MD.Code[n] && !bulletR.MatchString(l) && !strings.Contains(l, "|")
	}
	for n := 1; n <= len(lines); n++ {
		if !plain(n) || (n > 1 && plain(n-1)) {
			continue
		}
		envs := envsIn(lines[n-1])
		if len(envs) < 2 || len(amounts(lines[n-1])) > 0 {
			continue
		}
		var order []string
		for _, e := range envs {
			order = append(order, e.env)
		}
		id := fmt.Sprintf("%s:%d", c.f.Name, n)
		sec := c.f.MD.Section(n)
		costTable := costSection.MatchString(sec) && !budgetR.MatchString(sec)
		for r := n + 1; r <= len(lines) && plain(r); r++ {
			c.looseRow[r] = true
			c.looseLine(id, r, lines[r-1], order, costTable, sec)
		}
	}
}

func (c *mdCtx) looseLine(id string, n int, l string, order []string, costTable bool, sec string) {
	as := amounts(l)
	if len(as) == 0 || len(as) > len(order) {
		return
	}
	label := strings.TrimRight(strings.TrimSpace(l[:as[0].at]), "( ")
	if label == "" || budgetR.MatchString(label) {
		return
	}
	total := totalLabel.MatchString(label)
	envCost := total || (envCostLabel.MatchString(label) && !componentSec.MatchString(sec) && !componentSec.MatchString(label))
	for i, a := range as {
		env := order[i]
		if costTable {
			k := Cost
			if total {
				k = Total
			}
			c.add(Fact{Kind: k, Env: env, Subject: label, Num: a.min, Max: a.max, Table: id}, n)
		}
		if envCost {
			c.add(Fact{Kind: EnvCost, Env: env, Num: a.min, Max: a.max}, n)
		}
		// "AKS 클러스터 $30 (Basic) $400 (Standard)": the tier per column.
		if strings.Contains(strings.ToUpper(label), "AKS") {
			rest := l[a.end:]
			if i+1 < len(as) {
				rest = l[a.end:as[i+1].at]
			}
			if m := parenTier.FindStringSubmatch(rest); m != nil {
				c.add(Fact{Kind: Tier, Env: env, Subject: "aks", Value: aksTier(m[1])}, n)
			}
		}
	}
}
