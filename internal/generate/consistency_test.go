package generate

import (
	"fmt"
	"github.com/physarch/physarch/internal/render/msg"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/component/postgresql"
	"github.com/physarch/physarch/internal/component/redis"
	"github.com/physarch/physarch/internal/component/servicebus"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/terraform"
)

// facts collects, per figure ("replicas prod/user-service"), the value each
// file states for it.
type facts map[string]map[string]string

func (f facts) add(key, file, val string) {
	if f[key] == nil {
		f[key] = map[string]string{}
	}
	f[key][file] = val
}

// TestCrossFileConsistency reads every figure that more than one file
// states back from each file and requires them to agree with each other and
// with the plan.
func TestCrossFileConsistency(t *testing.T) {
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			p, data, _ := examples.Spec(name)
			pl, files, err := Spec(p, data, Options{Lang: md.Ko})
			if err != nil {
				t.Fatal(err)
			}
			f := facts{}
			for _, file := range files {
				base := path.Base(file.Path)
				env := envOf(pl, base)
				switch {
				case strings.HasSuffix(base, ".md"):
					readMarkdown(t, f, base, env, file.Data)
				case strings.HasSuffix(base, ".mmd"):
					readMermaid(f, base, env, string(file.Data))
				case strings.HasPrefix(file.Path, k8s.Dir+"/") && strings.HasSuffix(base, ".yaml"):
					readManifests(t, f, pl, file.Path, file.Data)
				case strings.HasPrefix(file.Path, terraform.Dir+"/") && strings.HasSuffix(base, ".tf"):
					readTerraform(t, f, file.Path, file.Data)
				}
			}
			expectPlan(f, pl)
			prices, _ := azure.Embedded()
			reports, err := cost.Estimate(pl, prices)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range availability.Estimate(pl) {
				f.add("avail "+r.Env, "plan", fmt.Sprintf("%.4f%%", r.Percent))
			}
			for _, r := range reports {
				// the documents print amounts with thousands separators
				f.add("cost "+r.Env, "plan", msg.USDRange(r.TotalMin, r.TotalMax))
			}
			kinds := map[string]int{}
			for key, byFile := range f {
				kinds[strings.Fields(key)[0]]++
				if len(byFile) < 2 {
					continue
				}
				var vals []string
				for file, v := range byFile {
					vals = append(vals, file+"="+v)
				}
				sort.Strings(vals)
				for _, v := range byFile {
					if v != byFile["plan"] {
						t.Errorf("%s disagrees across files: %s", key, strings.Join(vals, ", "))
						break
					}
				}
			}
			// The deployable output must state each kind of figure too.
			for _, k := range []string{"replicas", "resources", "nodes", "vm", "subnet", "port", "queues", "pgsku", "redissku", "nsg", "vnet"} {
				read := 0
				for key, byFile := range f {
					for file := range byFile {
						if strings.HasPrefix(key, k+" ") && strings.HasPrefix(file, "deploy/") {
							read++
							if _, ok := byFile["plan"]; !ok {
								t.Errorf("%s read from %s has no plan figure to compare with", key, file)
							}
						}
					}
				}
				if k == "queues" && len(pl.Destinations) == 0 || k == "pgsku" && !hasFlexiblePG(pl) || k == "redissku" && !hasRedis(pl) {
					continue
				}
				if read == 0 {
					t.Errorf("no %q figure was read from the Kubernetes manifests or Terraform; the extractors are out of date", k)
				}
			}
			// Every kind of figure must have been read from at least one
			// file besides the plan, or this test proves nothing.
			for _, k := range []string{"replicas", "nodes", "vm", "subnet", "port", "queues", "pgsku", "vnet", "cost", "avail"} {
				read := 0
				for key, byFile := range f {
					if strings.HasPrefix(key, k+" ") && len(byFile) >= 3 {
						read++
					}
				}
				if k == "queues" && len(pl.Destinations) == 0 || k == "pgsku" && !hasFlexiblePG(pl) {
					continue
				}
				if read == 0 {
					t.Errorf("no %q figure was found in two files; the extractors are out of date", k)
				}
			}
		})
	}
}

func envOf(pl *plan.Plan, file string) string {
	for _, e := range pl.Envs {
		if strings.HasSuffix(strings.TrimSuffix(strings.TrimSuffix(file, ".md"), ".mmd"), "-"+e.Name) {
			return e.Name
		}
	}
	return ""
}

// expectPlan states each figure as the plan has it, under the file "plan".
func expectPlan(f facts, pl *plan.Plan) {
	for _, e := range pl.Envs {
		for _, w := range e.Workloads {
			f.add("replicas "+e.Name+"/"+w.Name, "plan", span(w.Min, w.Max))
		}
		for _, w := range append(append([]plan.Workload(nil), e.Workloads...), e.Backing...) {
			f.add("resources "+e.Name+"/"+w.Name, "plan", strings.Join([]string{w.CPURequest, w.MemRequest, w.CPULimit, w.MemLimit}, "/"))
		}
		for _, p := range e.Pools {
			f.add("nodes "+e.Name+"/"+p.Name, "plan", span(p.Min, p.Max))
			f.add("vm "+e.Name+"/"+p.Name, "plan", p.VMSize)
		}
		for _, s := range e.Network.Subnets {
			f.add("subnet "+e.Name+"/"+s.Name, "plan", s.CIDR)
		}
		f.add("vnet "+e.Name, "plan", e.Network.VNet)
		for _, s := range pl.Services {
			f.add("port "+e.Name+"/"+s.Name, "plan", fmt.Sprint(s.Port))
		}
		// The components' own pods (dev's PostgreSQL, Redis, Azurite, ...).
		for _, b := range e.Backing {
			f.add("port "+e.Name+"/"+b.Name, "plan", fmt.Sprint(b.Port))
		}
		if b, ok := plan.Find[*servicebus.Component](e); ok {
			f.add("queues "+e.Name, "plan", strings.Join(sorted(append(append([]string{}, b.Queues...), b.Topics...)), ","))
		}
		if pg, ok := plan.Find[*postgresql.Component](e); ok && pg.Flexible() {
			f.add("pgsku "+e.Name, "plan", pg.SKU)
		}
		if r, ok := plan.Find[*redis.Component](e); ok && r.Managed() {
			f.add("redissku "+e.Name, "plan", r.SKU)
		}
		for _, r := range e.SecurityRules {
			sn, _ := e.Network.Subnet(r.Subnet)
			f.add("nsg "+e.Name+"/nsg-"+sn.Name+"/"+r.Name, "plan", strings.Join([]string{r.Direction, strings.Join(r.Ports, ","), r.Source, r.Destination}, " "))
		}
	}
}

func span(lo, hi int) string {
	if lo == hi {
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

func sorted(s []string) []string { sort.Strings(s); return s }

// readMarkdown parses a document with goldmark (GFM tables) and reads the
// tables and code blocks that carry figures.
func readMarkdown(t *testing.T, f facts, file, env string, src []byte) {
	doc := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(src))
	var queues []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.Table:
			head, rows := tableCells(n, src)
			col := func(name string) int {
				for i, h := range head {
					if h == name {
						return i
					}
				}
				return -1
			}
			if env != "" {
				if c := col("Replicas"); c >= 0 && col("서비스") == 0 {
					for _, r := range rows {
						f.add("replicas "+env+"/"+r[0], file, r[c])
					}
				}
				if c := col("CPU Requests"); c >= 0 && (col("서비스") == 0) && col("Memory Limits") >= 0 {
					for _, r := range rows {
						f.add("resources "+env+"/"+r[0], file, strings.Join([]string{r[c], r[col("Memory Requests")], r[col("CPU Limits")], r[col("Memory Limits")]}, "/"))
					}
				}
				if c := col("노드 수"); c >= 0 {
					for _, r := range rows {
						f.add("nodes "+env+"/"+r[0], file, r[c])
						f.add("vm "+env+"/"+r[0], file, r[col("VM 크기")])
					}
				}
				if c := col("월 비용 (USD, 최소–최대 규모)"); c >= 0 && len(rows) > 0 && rows[len(rows)-1][0] == "합계" {
					f.add("cost "+env, file, rows[len(rows)-1][c])
				}
				if c := col("최소 노드"); c >= 0 {
					for _, r := range rows {
						f.add("nodes "+env+"/"+r[0], file+"#11.2", span(atoi(r[c]), atoi(r[col("최대 노드")])))
					}
				}
				if c := col("주소 대역"); c >= 0 {
					for _, r := range rows {
						f.add("subnet "+env+"/"+r[0], file, r[c])
					}
				}
				if c := col("내부 주소"); c >= 0 {
					for _, r := range rows {
						if strings.HasSuffix(r[c], ".svc.cluster.local") {
							f.add("port "+env+"/"+strings.Split(r[c], ".")[0], file, r[col("포트")])
						}
					}
				}
				if col("생산자") == 1 || col("생산자") == 2 {
					for _, r := range rows {
						queues = append(queues, r[0])
					}
				}
				if len(head) == 2 && (head[0] == "구성 항목" || head[0] == "구분") {
					for _, r := range rows {
						switch {
						case r[0] == "SKU" && strings.HasPrefix(r[1], "GP_") || strings.HasPrefix(r[1], "B_") || strings.HasPrefix(r[1], "MO_"):
							f.add("pgsku "+env, file, r[1])
						case r[0] == "구성 요소 기준 가용성":
							f.add("avail "+env, file, strings.Fields(r[1])[0])
						case r[0] == "VNet" || r[0] == "주소 공간":
							f.add("vnet "+env, file, r[1])
						}
					}
				}
			}
			if file == "physical-architecture.md" && len(head) > 1 && head[0] == "구분" {
				for _, r := range rows {
					for i := 1; i < len(r) && i < len(head); i++ {
						switch r[0] {
						case "컴퓨팅":
							for _, part := range strings.Split(r[i], ", ") {
								vm, n, ok := strings.Cut(part, " × ")
								if ok {
									f.add("nodes "+head[i]+"/"+poolOf(vm, r[i]), file, n)
								}
							}
						case "구성 요소 기준 가용성":
							f.add("avail "+head[i], file+"#"+r[0], strings.Fields(r[i])[0])
						case "총 월간 비용", "월 비용 (추정)", "월간 비용 (추정)":
							f.add("cost "+head[i], file+"#"+r[0], r[i])
						case "주 데이터베이스":
							if sku, ok := strings.CutPrefix(r[i], "PostgreSQL Flexible "); ok {
								f.add("pgsku "+head[i], file, sku)
							}
						}
					}
				}
			}
		case *ast.FencedCodeBlock:
			if string(n.Language(src)) != "yaml" || env == "" {
				break
			}
			var body strings.Builder
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				body.Write(seg.Value(src))
			}
			var hpa struct {
				Config map[string]struct {
					Min int `yaml:"min_replicas"`
					Max int `yaml:"max_replicas"`
				} `yaml:"hpa_configuration"`
			}
			if err := yaml.Unmarshal([]byte(body.String()), &hpa); err != nil {
				t.Errorf("%s: HPA block is not YAML: %v", file, err)
			}
			for svc, b := range hpa.Config {
				f.add("replicas "+env+"/"+svc, file+"#hpa", span(b.Min, b.Max))
			}
		}
		return ast.WalkContinue, nil
	})
	if len(queues) > 0 {
		f.add("queues "+env, file, strings.Join(sorted(queues), ","))
	}
}

// poolOf maps a master-table "VM × n" entry to its pool by position: the
// system pool is listed first.
func poolOf(vm, cell string) string {
	if strings.HasPrefix(cell, vm) {
		return "system"
	}
	return "apps"
}

func tableCells(tbl *east.Table, src []byte) (head []string, rows [][]string) {
	for row := tbl.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, strings.TrimSpace(nodeText(c, src)))
		}
		if _, ok := row.(*east.TableHeader); ok {
			head = cells
		} else {
			rows = append(rows, cells)
		}
	}
	return head, rows
}

func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

var (
	mmdLabel    = regexp.MustCompile(`\[\(?"([^"]*)"\)?\]`)
	mmdReplicas = regexp.MustCompile(`^([a-z0-9-]+)<br/>replicas (\d+)(?:, HPA (\d+)–(\d+))?`)
	mmdPool     = regexp.MustCompile(`^(system|apps): (\S+)(?: Spot)? × (\S+)$`)
	mmdSubnet   = regexp.MustCompile(`^(snet-[a-z]+)<br/>([0-9./]+)$`)
	mmdPort     = regexp.MustCompile(`^([a-z0-9-]+):(\d+)$`)
)

// readMermaid reads the figures in a diagram's node labels.
func readMermaid(f facts, file, env, src string) {
	var queues []string
	for _, m := range mmdLabel.FindAllStringSubmatch(src, -1) {
		label := m[1]
		if r := mmdReplicas.FindStringSubmatch(label); r != nil {
			v := r[2]
			if r[3] != "" {
				v = r[3] + "–" + r[4]
			}
			f.add("replicas "+env+"/"+r[1], file, v)
		}
		if r := mmdPool.FindStringSubmatch(label); r != nil {
			f.add("nodes "+env+"/"+r[1], file, r[3])
			f.add("vm "+env+"/"+r[1], file, r[2])
		}
		if r := mmdSubnet.FindStringSubmatch(label); r != nil {
			f.add("subnet "+env+"/"+r[1], file, r[2])
		}
		if r := mmdPort.FindStringSubmatch(label); r != nil {
			f.add("port "+env+"/"+r[1], file, r[2])
		}
		if q, ok := strings.CutPrefix(label, "queue: "); ok {
			queues = append(queues, q)
		}
		if q, ok := strings.CutPrefix(label, "topic: "); ok {
			queues = append(queues, q)
		}
		if v, ok := strings.CutPrefix(label, "VNet "); ok {
			f.add("vnet "+env, file, v)
		}
		if sku, ok := strings.CutPrefix(label, "PostgreSQL Flexible "); ok {
			if s, _, ok := strings.Cut(sku, "<br/>"); ok {
				f.add("pgsku "+env, file, s)
			}
		}
	}
	if len(queues) > 0 {
		f.add("queues "+env, file, strings.Join(sorted(queues), ","))
	}
}

func atoi(s string) int {
	var n int
	fmt.Sscan(s, &n)
	return n
}

// hasFlexiblePG reports whether some environment runs Flexible Server.
func hasFlexiblePG(pl *plan.Plan) bool {
	for _, e := range pl.Envs {
		if pg, ok := plan.Find[*postgresql.Component](e); ok && pg.Flexible() {
			return true
		}
	}
	return false
}

func hasRedis(pl *plan.Plan) bool {
	for _, e := range pl.Envs {
		if r, ok := plan.Find[*redis.Component](e); ok && r.Managed() {
			return true
		}
	}
	return false
}
