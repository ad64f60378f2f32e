package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"sync"
	"time"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/audit"
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/mermaid"
	"github.com/physarch/physarch/internal/spec"
)

// model is one good build in one language: what the API serves. Its
// figures are the pipeline's own values, copied, never recomputed.
type model struct {
	Name     string    `json:"name"`
	Title    spec.Text `json:"title"`
	Region   string    `json:"region"`
	Lang     md.Lang   `json:"lang"`
	SpecFile string    `json:"spec_file"`
	Spec     string    `json:"spec"`
	// SpecSHA is the SHA-256 of the spec's bytes: the page shows which
	// save it draws (the end-to-end test times a save by it).
	SpecSHA string `json:"spec_sha256"`
	// Complete is false for the quick build a save gets first: no
	// decisions, documents or zip yet (the full build follows).
	Complete bool `json:"complete"`
	// BuildMS is how long the build took, for the timing the page reports.
	BuildMS  int64       `json:"build_ms"`
	Envs     []envView   `json:"environments"`
	Findings []finding   `json:"findings"`
	Audit    *auditView  `json:"audit,omitempty"`
	Docs     []docEntry  `json:"documents"`
	Prices   priceOrigin `json:"prices"`

	files    []render.File // every generated file, for the documents and the zip
	specData []byte
	costs    []*cost.Report
	html     sync.Map // document path → rendered HTML
}

type priceOrigin struct {
	Origin string `json:"origin"`
	Date   string `json:"date"`
}

type envView struct {
	Name     string    `json:"name"`
	Profile  string    `json:"profile"`
	Title    spec.Text `json:"title"`
	Zones    []int     `json:"zones"`
	PeakRPS  float64   `json:"peak_rps"`
	Users    int       `json:"users"`
	Diagrams []diagram `json:"diagrams"`
	// Cost is the environment's report exactly as physarch cost
	// --format json prints it; CostKo names its rows in Korean.
	Cost      *cost.Report         `json:"cost"`
	CostKo    map[string]string    `json:"cost_names_ko"`
	Avail     *availability.Report `json:"availability"`
	AvailKo   map[string]string    `json:"availability_names_ko"`
	Capacity  capacity             `json:"capacity"`
	Figures   *decision.Figures    `json:"figures,omitempty"`
	Decisions []decisionView       `json:"decisions"`
}

type diagram struct {
	Kind   string `json:"kind"` // physical or network
	Path   string `json:"path"`
	Source string `json:"source"`
}

type capacity struct {
	Workloads []workload `json:"workloads"`
	Pools     []pool     `json:"pools"`
	VNet      string     `json:"vnet"`
	Subnets   []subnet   `json:"subnets"`
	NodesMin  int        `json:"nodes_min"`
	NodesMax  int        `json:"nodes_max"`
}

type workload struct {
	Name      string  `json:"name"`
	Kind      string  `json:"kind"`
	Namespace string  `json:"namespace"`
	Pool      string  `json:"pool"`
	CPU       string  `json:"cpu_request"`
	Memory    string  `json:"memory_request"`
	PeakRPS   float64 `json:"peak_rps"`
	Needed    int     `json:"replicas_needed"`
	Min       int     `json:"replicas_min"`
	Max       int     `json:"replicas_max"`
	// Backing marks a component's own pod (dev's PostgreSQL, say).
	Backing bool `json:"backing,omitempty"`
}

type pool struct {
	Name     string   `json:"name"`
	Mode     string   `json:"mode"`
	VMSize   string   `json:"vm_size"`
	VCPU     int      `json:"vcpu"`
	Memory   int      `json:"memory_gib"`
	Min      int      `json:"nodes_min"`
	Max      int      `json:"nodes_max"`
	Zones    []int    `json:"zones"`
	Spot     bool     `json:"spot"`
	Services []string `json:"services,omitempty"`
}

type subnet struct {
	Name     string `json:"name"`
	Role     string `json:"role"`
	CIDR     string `json:"cidr"`
	Required int    `json:"required"`
	Usable   int    `json:"usable"`
}

type decisionView struct {
	ID           string        `json:"id"`
	Topic        spec.Text     `json:"topic"`
	Choice       spec.Text     `json:"choice"`
	Reason       spec.Text     `json:"reason"`
	Alternatives []alternative `json:"alternatives"`
}

type alternative struct {
	Choice spec.Text `json:"choice"`
	Note   spec.Text `json:"note"`
	decision.Figures
	DeltaMin float64 `json:"delta_min_usd"`
	DeltaMax float64 `json:"delta_max_usd"`
	Refused  string  `json:"refused,omitempty"`
}

type finding struct {
	Rule       string `json:"rule"`
	Severity   string `json:"severity"`
	Title      string `json:"title"`
	Message    string `json:"message"`
	Fix        string `json:"fix"`
	Env        string `json:"environment,omitempty"`
	Path       string `json:"path"`
	File       string `json:"file"`
	Line       int    `json:"line"`
	Col        int    `json:"column"`
	Suppressed string `json:"suppressed,omitempty"`
}

type auditView struct {
	Files    []string        `json:"files"`
	Findings []audit.Finding `json:"findings"`
	Error    string          `json:"error,omitempty"`
}

type docEntry struct {
	Path  string `json:"path"`
	Title string `json:"title"`
}

// build runs the whole pipeline on data in lang: every panel, the
// documents and the zip.
func build(opt Options, data []byte, lang md.Lang) (*model, error) {
	return assemble(opt, data, lang, true)
}

// quick runs the part of the pipeline the main panels need (plan, cost,
// availability, diagrams, rules) and leaves out what only the decisions,
// the documents and the zip need (the decisions re-plan the spec once
// per alternative; the deploy renderers write hundreds of files). After
// a save the page repaints from it first; the full build follows.
func quick(opt Options, data []byte, lang md.Lang) (*model, error) {
	return assemble(opt, data, lang, false)
}

func assemble(opt Options, data []byte, lang md.Lang, full bool) (*model, error) {
	start := time.Now()
	doc, err := components.Load(opt.Spec, data)
	if err != nil {
		return nil, err
	}
	pl, err := components.Plan(doc)
	if err != nil {
		return nil, err
	}
	prices, err := opt.Prices(doc.Spec.Region)
	if err != nil {
		return nil, err
	}
	var res *generate.Result
	if full {
		if res, err = generate.Run(pl, generate.Options{Lang: lang, Prices: prices}); err != nil {
			return nil, err
		}
	} else {
		// The same estimates generate.Run makes, and the same Mermaid
		// files it writes; only the renderers the panels do not read
		// are left for the full build.
		res = &generate.Result{Avail: availability.Estimate(pl), Files: mermaid.Render(pl, lang)}
		if res.Costs, err = cost.Estimate(pl, prices); err != nil {
			return nil, err
		}
	}
	sum := sha256.Sum256(data)
	m := &model{Name: pl.Name, Title: pl.Title, Region: pl.Region, Lang: lang, SpecFile: opt.Spec, Spec: string(data), SpecSHA: hex.EncodeToString(sum[:]), Complete: full,
		files: res.Files, specData: data, costs: res.Costs, Prices: priceOrigin{prices.Origin, prices.Date}}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
		if path.Dir(f.Path) == render.PackageDir && path.Ext(f.Path) == ".md" {
			m.Docs = append(m.Docs, docEntry{Path: f.Path, Title: path.Base(f.Path)})
		}
	}
	for i, e := range pl.Envs {
		v := envView{Name: e.Name, Profile: e.Profile, Title: e.Title, Zones: e.Zones, PeakRPS: e.PeakRPS, Users: doc.Spec.Environments[i].Targets.Users,
			Cost:     findEnv(res.Costs, e.Name, func(r *cost.Report) string { return r.Env }),
			Avail:    findEnv(res.Avail, e.Name, func(r *availability.Report) string { return r.Env }),
			Capacity: capacityOf(e)}
		for _, d := range []diagram{{Kind: "physical", Path: path.Join(render.PackageDir, docs.DiagramName(e))}, {Kind: "network", Path: path.Join(render.PackageDir, docs.NetworkName(e))}} {
			if src, ok := files[d.Path]; ok {
				d.Source = src
				v.Diagrams = append(v.Diagrams, d)
			}
		}
		if v.Cost == nil || v.Avail == nil {
			return nil, fmt.Errorf("environment %s: the pipeline gave no cost or availability report", e.Name)
		}
		v.CostKo = map[string]string{}
		for _, c := range v.Cost.Components {
			if c.NameKo != "" {
				v.CostKo[c.Name] = c.NameKo
			}
		}
		v.AvailKo = map[string]string{}
		for _, c := range v.Avail.Components {
			if c.NameKo != "" {
				v.AvailKo[c.Name] = c.NameKo
			}
		}
		fig := decision.FiguresOf(e, v.Cost, v.Avail)
		v.Figures = &fig
		if d := findEnv(res.Decisions, e.Name, func(r *decision.Report) string { return r.Env }); d != nil {
			v.Decisions = decisionsOf(d)
		}
		m.Envs = append(m.Envs, v)
	}
	ctx := &check.Context{Doc: doc, Plan: pl, Cost: map[string]*cost.Report{}, Avail: map[string]*availability.Report{}, Prices: prices}
	for _, r := range res.Costs {
		ctx.Cost[r.Env] = r
	}
	for _, r := range res.Avail {
		ctx.Avail[r.Env] = r
	}
	for _, f := range components.Checks().Run(ctx, opt.Check) {
		m.Findings = append(m.Findings, finding{Rule: f.Rule, Severity: f.Severity.String(), Title: f.Title, Message: f.Message, Fix: f.Fix, Env: f.Env,
			Path: f.Path, File: f.Pos.File, Line: f.Pos.Line, Col: f.Pos.Col, Suppressed: f.Suppressed})
	}
	if opt.Audit != nil && full {
		fs, names, err := opt.Audit()
		a := &auditView{Files: names, Findings: fs}
		if err != nil {
			a.Error = err.Error()
		}
		m.Audit = a
	}
	m.BuildMS = time.Since(start).Milliseconds()
	return m, nil
}

func findEnv[R any](rs []R, env string, name func(R) string) R {
	var zero R
	for _, r := range rs {
		if name(r) == env {
			return r
		}
	}
	return zero
}

func capacityOf(e *plan.Env) capacity {
	c := capacity{VNet: e.Network.VNet}
	c.NodesMin, c.NodesMax = e.TotalNodes()
	for i, w := range append(append([]plan.Workload{}, e.Workloads...), e.Backing...) {
		c.Workloads = append(c.Workloads, workload{Name: w.Name, Kind: w.Kind, Namespace: w.Namespace, Pool: w.Pool, CPU: w.CPURequest, Memory: w.MemRequest,
			PeakRPS: w.PeakRPS, Needed: w.Needed, Min: w.Min, Max: w.Max, Backing: i >= len(e.Workloads)})
	}
	for _, p := range e.Pools {
		c.Pools = append(c.Pools, pool{Name: p.Name, Mode: p.Mode, VMSize: p.VMSize, VCPU: p.VCPU, Memory: p.MemoryGiB, Min: p.Min, Max: p.Max, Zones: p.Zones, Spot: p.Spot, Services: p.Services})
	}
	for _, s := range e.Network.Subnets {
		c.Subnets = append(c.Subnets, subnet{Name: s.Name, Role: s.Role, CIDR: s.CIDR, Required: s.Required, Usable: s.Usable})
	}
	return c
}

func decisionsOf(d *decision.Report) []decisionView {
	var out []decisionView
	for _, r := range d.Records {
		v := decisionView{ID: r.ID, Topic: r.Topic, Choice: r.Choice, Reason: r.Reason}
		for _, o := range r.Outcomes {
			v.Alternatives = append(v.Alternatives, alternative{Choice: o.Choice, Note: o.Note, Figures: o.Figures, DeltaMin: o.DeltaMin, DeltaMax: o.DeltaMax, Refused: o.Refused})
		}
		out = append(out, v)
	}
	return out
}
