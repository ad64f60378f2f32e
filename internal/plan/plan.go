package plan

import (
	"fmt"
	"math"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/spec"
)

// planner carries the document (for error positions) and collects errors so
// that one run reports all of them.
type planner struct {
	doc   *spec.Document
	errs  spec.Errors
	kinds []Kind
}

func (p *planner) fail(path, hint, format string, args ...any) {
	p.errs = append(p.errs, spec.Error{Pos: p.doc.At(path), Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Build resolves a validated document into a plan, with the building
// blocks' components, or returns spec.Errors for targets the design cannot
// meet.
func Build(doc *spec.Document, kinds ...Kind) (*Plan, error) {
	p := &planner{doc: doc, kinds: kinds}
	s := &doc.Spec
	pl := &Plan{
		Name:     s.Metadata.Name,
		Title:    s.Metadata.Title,
		Cloud:    s.Cloud,
		Region:   s.Region,
		External: s.External,
		doc:      doc,
		kinds:    kinds,
	}
	// Names every environment shares: messaging destinations.
	shared := &renamer{}
	named := map[string]string{}
	for _, k := range kinds {
		if d, ok := k.(Declaring); ok {
			for _, dest := range d.Destinations(doc, shared.use) {
				pl.Destinations = append(pl.Destinations, dest)
				named[dest.Declared] = dest.Name
			}
		}
	}
	destinations := func(names []string) []string {
		var out []string
		for _, n := range names {
			out = append(out, or(named[n], n))
		}
		return out
	}
	for i, sv := range s.Services {
		pl.Services = append(pl.Services, Service{
			Name: sv.Name, Title: sv.Title, Kind: sv.Kind, CronJob: cronJob(sv), Worker: worker(doc, i, sv), Group: sv.Namespace,
			Port: sv.Port, Route: sv.Route, Runtime: sv.Runtime,
			Image: sv.Image, Health: sv.Health, Database: sv.Database, DBPool: sv.DBPool, Cache: sv.Cache,
			Calls: sv.Calls, Produces: destinations(sv.Produces), Consumes: destinations(sv.Consumes), External: sv.External,
		})
	}
	for i := range s.Environments {
		if env := p.env(pl, i, shared.changes); env != nil {
			pl.Envs = append(pl.Envs, env)
		}
	}
	if err := p.errs.Err(); err != nil {
		return nil, err
	}
	return pl, nil
}

func (p *planner) env(pl *Plan, i int, shared []NameChange) *Env {
	s := &p.doc.Spec
	se := s.Environments[i]
	path := fmt.Sprintf("environments[%d]", i)
	r := &renamer{changes: append([]NameChange(nil), shared...)}
	e := &Env{
		Name:      se.Name,
		Profile:   se.Profile,
		Title:     se.Title,
		Namespace: r.use("Kubernetes namespace", naming.Namespace(pl.Name+"-"+se.Name)),
		Names:     r.names(pl.Name, se.Name),
		Settings:  se,
		RTO:       se.Targets.RTO,
		RPO:       se.Targets.RPO,
	}
	// The loader accepts only the catalog's modes.
	e.DR, _ = azure.LookupDRMode(se.DR.Mode)
	e.Region = pl.Region
	if r, ok := azure.LookupRegion(pl.Region); ok {
		e.RegionZones = r.Zones
	}
	for z := 1; z <= se.Targets.Zones; z++ {
		e.Zones = append(e.Zones, z)
	}
	before := len(p.errs)
	if !p.workloads(e, path) {
		// Replica figures out of bounds make every later figure
		// meaningless (and unbounded): stop here.
		return nil
	}
	e.indexWorkloads()
	ctx := &Context{Doc: p.doc, Plan: pl, Env: e, Index: i, p: p, r: r}
	e.Rates = rates(ctx, p.kinds)
	for _, k := range p.kinds {
		if c := k.Plan(ctx); c != nil {
			e.Components = append(e.Components, c)
		}
	}
	sidecars(e)
	p.backingPods(e, path)
	p.namespaces(e, pl, r)
	p.pools(e, path)
	e.PrivateEndpoints = p.privateEndpoints(e, path, pl.Name, r)
	p.network(e, path, r)
	for _, c := range Facets[Placed](e) {
		c.Place(e)
	}
	e.Flows = pl.flows(e)
	e.SecurityRules = securityRules(e)
	e.Secrets = pl.secrets(e, r)
	for _, sv := range pl.Services {
		if w := e.Workload(sv.Name); w != nil {
			w.Secrets = pl.secretRefs(e, sv)
		}
	}
	e.Identities = pl.identities(e, r)
	monitor(e, pl, r)
	e.Recovery = recovery(e, pl.Name)
	// Components name only what they deploy, so every change is in use.
	e.NameChanges = append(e.NameChanges, r.changes...)
	e.DowntimeMinutes = math.Round((100-se.Targets.Availability)/100*730*60*10) / 10
	if len(p.errs) > before {
		return nil
	}
	return e
}

// cronJob is a kind: cronjob's settings as the plan holds them.
func cronJob(sv spec.Service) *CronJob {
	cj := sv.CronJob
	if sv.Kind != spec.WorkloadCronJob || cj == nil {
		return nil
	}
	return &CronJob{Schedule: cj.Schedule, TimeZone: cj.TimeZone, ConcurrencyPolicy: cj.ConcurrencyPolicy,
		StartingDeadlineSeconds: cj.StartingDeadlineSeconds, ActiveDeadlineSeconds: cj.ActiveDeadlineSeconds,
		Parallelism: cj.Parallelism, Completions: cj.Completions, BackoffLimit: cj.BackoffLimit}
}

// worker is a kind: worker's target, and which of its figures the spec
// states.
func worker(doc *spec.Document, i int, sv spec.Service) *Worker {
	w := sv.Worker
	if sv.Kind != spec.WorkloadWorker || w == nil {
		return nil
	}
	p := fmt.Sprintf("services[%d].worker.", i)
	return &Worker{MessagesPerReplica: w.MessagesPerReplica,
		MinStated: doc.Stated(p + "minReplicas"), MaxStated: doc.Stated(p + "maxReplicas"), TargetStated: doc.Stated(p + "messagesPerReplica")}
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func hintFrom(val string, options []string) string {
	return spec.DidYouMean(val, options, fmt.Sprintf("known: %s", strings.Join(options, ", ")))
}

// VaryEnv plans one environment of the spec again, changed by change
// (which may change that environment only): what Vary gives for a change
// that keeps only that environment, without copying the rest of the spec.
// The plan holds that environment alone.
func (pl *Plan) VaryEnv(env string, change func(*spec.Spec, *spec.Environment)) (*Plan, error) {
	if pl.doc == nil {
		return nil, fmt.Errorf("the plan of %s keeps no spec to vary", pl.Name)
	}
	doc, ok := spec.Loader{}.VaryEnv(pl.doc, env, change)
	if !ok {
		return nil, fmt.Errorf("the plan of %s has no environment %s", pl.Name, env)
	}
	return Build(doc, pl.kinds...)
}

// CanVary reports whether the plan keeps the spec it was built from (every
// plan Build returns does; one assembled by hand in a test does not).
func (pl *Plan) CanVary() bool { return pl.doc != nil }

// Vary plans the spec this plan was built from again, changed by change
// (another tier, zone count or user count), with the same building blocks:
// decisions and what-ifs compare a plan with its alternatives through the
// one planner, never through arithmetic of their own. The change is judged
// as the loader judges a spec, so an alternative the spec could not state
// is refused with the loader's error.
func (pl *Plan) Vary(change func(*spec.Spec)) (*Plan, error) {
	if pl.doc == nil {
		return nil, fmt.Errorf("the plan of %s keeps no spec to vary", pl.Name)
	}
	sections := make([]spec.Section, len(pl.kinds))
	for i, k := range pl.kinds {
		sections[i] = k.Section()
	}
	doc, err := spec.Loader{Sections: sections}.Vary(pl.doc, change)
	if err != nil {
		return nil, err
	}
	return Build(doc, pl.kinds...)
}
