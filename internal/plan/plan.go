package plan

import (
	"fmt"
	"math"
	"strconv"
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
	}
	// Names every environment shares: queues, topics and databases.
	shared := &renamer{}
	bus := map[string]string{}
	if s.Backing.ServiceBus != nil {
		for _, q := range s.Backing.ServiceBus.Queues {
			bus[q] = shared.use("Service Bus queue", naming.ServiceBusQueue(q))
			pl.Queues = append(pl.Queues, bus[q])
		}
		for _, t := range s.Backing.ServiceBus.Topics {
			bus[t] = shared.use("Service Bus topic", naming.ServiceBusTopic(t))
			pl.Topics = append(pl.Topics, bus[t])
		}
	}
	busNames := func(names []string) []string {
		var out []string
		for _, n := range names {
			out = append(out, or(bus[n], n))
		}
		return out
	}
	if s.Backing.Redis != nil {
		pl.RedisVer = or(s.Backing.Redis.Version, "7.2")
	}
	for _, sv := range s.Services {
		db := ""
		if sv.Database != "" {
			db = shared.use("PostgreSQL database", naming.PostgresDatabase(sv.Database))
			pl.Databases = append(pl.Databases, Database{Name: db, Owner: sv.Name})
		}
		pl.Services = append(pl.Services, Service{
			Name: sv.Name, Title: sv.Title, Port: sv.Port, Route: sv.Route, Runtime: sv.Runtime,
			Image: sv.Image, Health: sv.Health, Database: db, DBPool: sv.DBPool, Cache: sv.Cache,
			Calls: sv.Calls, Produces: busNames(sv.Produces), Consumes: busNames(sv.Consumes), External: sv.External,
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
	for z := 1; z <= se.Targets.Zones; z++ {
		e.Zones = append(e.Zones, z)
	}
	before := len(p.errs)
	if !p.workloads(e, path) {
		// Replica figures out of bounds make every later figure
		// meaningless (and unbounded): stop here.
		return nil
	}
	ctx := &Context{Doc: p.doc, Plan: pl, Env: e, Index: i, p: p, r: r}
	for _, k := range p.kinds {
		if c := k.Plan(ctx); c != nil {
			e.Components = append(e.Components, c)
		}
	}
	p.backingPods(pl, e, path)
	p.pools(e, path)
	p.managed(pl, e, path)
	e.PrivateEndpoints = privateEndpoints(e, pl.Name, r)
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
	for _, c := range r.changes {
		if e.inUse(c.Resource) {
			e.NameChanges = append(e.NameChanges, c)
		}
	}
	e.DowntimeMinutes = math.Round((100-se.Targets.Availability)/100*730*60*10) / 10
	if len(p.errs) > before {
		return nil
	}
	return e
}

// managed resolves Redis and Service Bus for the environment.
func (p *planner) managed(pl *Plan, e *Env, path string) {
	s := &p.doc.Spec
	se := e.Settings
	if s.Backing.Redis != nil {
		r := &Redis{Mode: se.Redis.Mode, Tier: se.Redis.Tier, Shards: se.Redis.Shards, Persistence: se.Redis.Persistence,
			Eviction: se.Redis.EvictionPolicy, Version: pl.RedisVer, MaxMemory: se.Redis.MaxMemory}
		if r.Mode == "managed" {
			sku, ok := azure.LookupRedis(se.Redis.Tier, se.Redis.SKU)
			if !ok {
				p.fail(path+".redis.sku", hintFrom(se.Redis.SKU, azure.RedisNames(se.Redis.Tier)), "Redis %s size %q is not in the catalog", se.Redis.Tier, se.Redis.SKU)
				return
			}
			r.SKU, r.MemoryMiB = sku.Name, sku.MemoryMiB
			// Azure Cache for Redis runs major version 6 (4 is retired);
			// the spec's version applies to the dev pods.
			r.Version = "6"
			r.Host, r.Port = e.Names.Redis+".redis.cache.windows.net", 6380
		} else {
			r.SKU = "redis:" + pl.RedisVer
			r.Host, r.Port = fmt.Sprintf("redis.%s.svc.cluster.local", e.Namespace), 6379
			r.MemoryMiB = redisMaxMemoryMiB(se.Redis.MaxMemory, se.Redis.Memory)
		}
		e.Redis = r
	}
	if len(pl.Queues)+len(pl.Topics) > 0 {
		e.Bus = &ServiceBus{
			Namespace: e.Names.ServiceBus, Tier: se.ServiceBus.Tier,
			MessagingUnits: se.ServiceBus.MessagingUnits, MaxSizeMB: se.ServiceBus.MaxSizeMB,
			TTL: se.ServiceBus.MessageTTL, Queues: pl.Queues, Topics: pl.Topics,
		}
		if e.Bus.Tier == "Basic" && len(pl.Topics) > 0 {
			p.fail(path+".serviceBus.tier", "use tier Standard or Premium, or queues only", "Service Bus Basic has no topics, but the spec declares %d", len(pl.Topics))
		}
		if e.Bus.Tier == "Premium" && e.Bus.MessagingUnits < 1 {
			p.fail(path+".serviceBus.messagingUnits", "Premium needs 1, 2, 4, 8 or 16 messaging units", "Service Bus Premium with %d messaging units", e.Bus.MessagingUnits)
		}
	}
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

// redisMaxMemoryMiB is what a Redis pod may cache: its maxmemory setting
// ("200mb", "1gb"), else its memory request.
func redisMaxMemoryMiB(maxMemory, request string) int {
	m := strings.ToLower(strings.TrimSpace(maxMemory))
	for _, u := range []struct {
		suffix string
		mul    float64
	}{{"gb", 1024}, {"mb", 1}, {"kb", 1.0 / 1024}, {"g", 1000 * 1000 * 1000 / 1048576.0}, {"m", 1000 * 1000 / 1048576.0}} {
		if n, ok := strings.CutSuffix(m, u.suffix); ok {
			if v, err := strconv.ParseFloat(n, 64); err == nil {
				return int(v * u.mul)
			}
		}
	}
	return int(mebi(request))
}
