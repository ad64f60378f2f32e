package spec

import (
	"fmt"
	"net/netip"
	"regexp"
	"sort"
	"strings"
	"time"

	"k8s.io/apimachinery/pkg/api/resource"
)

type validator struct {
	doc  *Document
	errs Errors
}

func (v *validator) fail(path, hint, format string, args ...any) {
	v.errs = append(v.errs, Error{Pos: v.doc.At(path), Msg: fmt.Sprintf(format, args...), Hint: hint})
}

var (
	dnsLabel  = regexp.MustCompile(`^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$`)
	envName   = regexp.MustCompile(`^[a-z][a-z0-9-]{0,14}$`)
	routeRe   = regexp.MustCompile(`^/[A-Za-z0-9/_.-]*$`)
	entityRe  = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$`)
	regionRe  = regexp.MustCompile(`^[a-z][a-z0-9]+$`)
	durationR = regexp.MustCompile(`^(\d+)([smhd])$`)
)

// validate checks what a typed decode cannot: values in range, names well
// formed, and every reference between parts of the spec.
func validate(doc *Document) Errors {
	v := &validator{doc: doc}
	s := &doc.Spec
	if s.APIVersion != APIVersion {
		v.fail("apiVersion", "write apiVersion: "+APIVersion, "apiVersion is %q; this physarch reads %s", s.APIVersion, APIVersion)
	}
	if s.Kind != Kind {
		v.fail("kind", "write kind: "+Kind, "kind is %q; expected %s", s.Kind, Kind)
	}
	if !dnsLabel.MatchString(s.Metadata.Name) || len(s.Metadata.Name) > 40 {
		v.fail("metadata.name", "use lower-case letters, digits and '-', at most 40 characters", "metadata.name %q is not a valid system name", s.Metadata.Name)
	}
	if s.Metadata.Title.Ko == "" {
		v.fail("metadata", "add metadata.title.ko and/or metadata.title.en", "the system has no title")
	}
	if s.Cloud != "azure" {
		v.fail("cloud", "write cloud: azure", "cloud %q is not supported; physarch designs for azure", s.Cloud)
	}
	if !regionRe.MatchString(s.Region) {
		v.fail("region", "use an Azure region name such as koreacentral", "region %q is not an Azure region name", s.Region)
	}
	v.services()
	v.references()
	v.callCycles()
	v.environments()
	return v.errs
}

func (v *validator) services() {
	s := &v.doc.Spec
	if len(s.Services) == 0 {
		v.fail("services", "declare at least one service", "the spec has no services")
	}
	names := map[string]int{}
	routes := map[string]int{}
	for i, sv := range s.Services {
		p := fmt.Sprintf("services[%d]", i)
		if !dnsLabel.MatchString(sv.Name) {
			v.fail(p+".name", "use lower-case letters, digits and '-'", "service name %q is not a valid Kubernetes name", sv.Name)
		}
		if j, dup := names[sv.Name]; dup {
			v.fail(p+".name", fmt.Sprintf("services[%d] has the same name", j), "service %q is declared twice", sv.Name)
		}
		names[sv.Name] = i
		if sv.Port < 1 || sv.Port > 65535 {
			v.fail(p+".port", "use a port from 1 to 65535", "port %d is out of range", sv.Port)
		}
		if sv.Route != "" {
			if !routeRe.MatchString(sv.Route) {
				v.fail(p+".route", "write a path prefix such as /api/users", "route %q is not a path prefix", sv.Route)
			} else if j, dup := routes[sv.Route]; dup {
				v.fail(p+".route", fmt.Sprintf("services[%d] already serves it", j), "route %q is served twice", sv.Route)
			}
			routes[sv.Route] = i
		}
		if sv.Health != "" && !strings.HasPrefix(sv.Health, "/") {
			v.fail(p+".health", "write a path such as /actuator/health", "health path %q must start with /", sv.Health)
		}
		v.quantities(p+".resources", sv.Resources)
		if r := sv.Replicas; r != nil {
			if r.Min < 1 {
				v.fail(p+".replicas.min", "at least 1", "replicas.min %d must be at least 1", r.Min)
			}
			if r.Max < r.Min {
				v.fail(p+".replicas.max", "make max at least min", "replicas.max %d is below replicas.min %d", r.Max, r.Min)
			}
		}
		if sv.Load.RequestsPerUserPerMinute < 0 || sv.Load.CPUMillisPerRequest < 0 {
			v.fail(p+".load", "use numbers of zero or more", "load figures cannot be negative")
		}
	}
}

func (v *validator) quantities(p string, r Resources) {
	req := map[string]resource.Quantity{}
	bad := map[string]bool{} // a limit derived from a bad request is not reported again
	for _, q := range []struct{ path, kind, val string }{
		{p + ".requests.cpu", "cpu", r.Requests.CPU},
		{p + ".requests.memory", "memory", r.Requests.Memory},
		{p + ".limits.cpu", "cpu", r.Limits.CPU},
		{p + ".limits.memory", "memory", r.Limits.Memory},
	} {
		isLimit := strings.Contains(q.path, ".limits.")
		if isLimit && bad[q.kind] {
			continue
		}
		parsed, err := resource.ParseQuantity(q.val)
		if err != nil || parsed.Sign() <= 0 {
			bad[q.kind] = true
			hint := "write a CPU quantity such as 250m or 1"
			if q.kind == "memory" {
				hint = "write a memory quantity such as 512Mi or 1Gi"
			}
			v.fail(q.path, hint, "%q is not a positive %s quantity", q.val, q.kind)
			continue
		}
		if strings.Contains(q.path, ".requests.") {
			req[q.kind] = parsed
		} else if rq, ok := req[q.kind]; ok && parsed.Cmp(rq) < 0 {
			v.fail(q.path, "Kubernetes rejects a limit below its request; raise the limit", "%s limit %s is below its request %s", q.kind, q.val, rq.String())
		}
	}
}

// references checks every name one part of the spec uses for another.
func (v *validator) references() {
	s := &v.doc.Spec
	svc := map[string]bool{}
	for _, sv := range s.Services {
		svc[sv.Name] = true
	}
	ext := map[string]bool{}
	for i, e := range s.External {
		if !dnsLabel.MatchString(e.Name) {
			v.fail(fmt.Sprintf("external[%d].name", i), "use lower-case letters, digits and '-'", "external system name %q is not valid", e.Name)
		}
		if ext[e.Name] {
			v.fail(fmt.Sprintf("external[%d].name", i), "", "external system %q is declared twice", e.Name)
		}
		ext[e.Name] = true
	}
	entities := map[string]bool{}
	producers, consumers := map[string]bool{}, map[string]bool{}
	if sb := s.Backing.ServiceBus; sb != nil {
		for kind, list := range map[string][]string{"queues": sb.Queues, "topics": sb.Topics} {
			for i, q := range list {
				p := fmt.Sprintf("backing.serviceBus.%s[%d]", kind, i)
				if !entityRe.MatchString(q) {
					v.fail(p, "letters, digits, '.', '_', '-', at most 50 characters", "%q is not a valid Service Bus entity name", q)
				}
				if entities[q] {
					v.fail(p, "queue and topic names share one namespace", "%q is declared twice", q)
				}
				entities[q] = true
			}
		}
	}
	owners := map[string]int{}
	for i, sv := range s.Services {
		p := fmt.Sprintf("services[%d]", i)
		for j, c := range sv.Calls {
			cp := fmt.Sprintf("%s.calls[%d]", p, j)
			switch {
			case c == sv.Name:
				v.fail(cp, "remove the call; a service calls itself in-process", "service %q calls itself", sv.Name)
			case !svc[c]:
				v.fail(cp, DidYouMean(c, keys(svc), "declare it under services"), "call to undefined service %q", c)
			}
		}
		for j, e := range sv.External {
			if !ext[e] {
				v.fail(fmt.Sprintf("%s.external[%d]", p, j), DidYouMean(e, keys(ext), "declare it under external"), "undefined external system %q", e)
			}
		}
		for kind, list := range map[string][]string{"produces": sv.Produces, "consumes": sv.Consumes} {
			for j, q := range list {
				if !entities[q] {
					v.fail(fmt.Sprintf("%s.%s[%d]", p, kind, j), DidYouMean(q, keys(entities), "declare it under backing.serviceBus"), "undefined queue or topic %q", q)
					continue
				}
				if kind == "produces" {
					producers[q] = true
				} else {
					consumers[q] = true
				}
			}
		}
		if sv.Database != "" {
			if !dnsLabel.MatchString(strings.ReplaceAll(sv.Database, "_", "-")) {
				v.fail(p+".database", "use lower-case letters, digits and '_'", "database name %q is not valid", sv.Database)
			}
			if j, dup := owners[sv.Database]; dup {
				v.fail(p+".database", fmt.Sprintf("services[%d] (%s) owns it; one database per owning service", j, s.Services[j].Name), "database %q is owned by two services", sv.Database)
			}
			owners[sv.Database] = i
			if s.Backing.PostgreSQL == nil {
				v.fail(p+".database", "add backing.postgresql", "service %q owns a database but the spec declares no PostgreSQL", sv.Name)
			}
		}
		if sv.Cache && s.Backing.Redis == nil {
			v.fail(p+".cache", "add backing.redis", "service %q uses the cache but the spec declares no Redis", sv.Name)
		}
	}
	if sb := s.Backing.ServiceBus; sb != nil {
		for kind, list := range map[string][]string{"queues": sb.Queues, "topics": sb.Topics} {
			for i, q := range list {
				p := fmt.Sprintf("backing.serviceBus.%s[%d]", kind, i)
				if !consumers[q] {
					v.fail(p, "add it to some service's consumes, or remove it", "%q has no consumer", q)
				}
				if !producers[q] {
					v.fail(p, "add it to some service's produces, or remove it", "%q has no producer", q)
				}
			}
		}
	}
}

// callCycles reports each cycle of synchronous calls once; such a cycle
// deadlocks under load and cannot be started in any order.
func (v *validator) callCycles() {
	s := &v.doc.Spec
	index := map[string]int{}
	for i, sv := range s.Services {
		index[sv.Name] = i
	}
	const white, grey, black = 0, 1, 2
	color := make([]int, len(s.Services))
	var stack []int
	var visit func(i int)
	visit = func(i int) {
		color[i] = grey
		stack = append(stack, i)
		for j, c := range s.Services[i].Calls {
			k, ok := index[c]
			if !ok || k == i {
				continue
			}
			switch color[k] {
			case grey:
				var names []string
				start := 0
				for n, x := range stack {
					if x == k {
						start = n
					}
				}
				for _, x := range stack[start:] {
					names = append(names, s.Services[x].Name)
				}
				names = append(names, c)
				v.fail(fmt.Sprintf("services[%d].calls[%d]", i, j), "make one of these calls asynchronous through a queue", "cycle of synchronous calls: %s", strings.Join(names, " → "))
			case white:
				visit(k)
			}
		}
		stack = stack[:len(stack)-1]
		color[i] = black
	}
	for i := range s.Services {
		if color[i] == white {
			visit(i)
		}
	}
}

func (v *validator) environments() {
	s := &v.doc.Spec
	if len(s.Environments) == 0 {
		v.fail("environments", "add dev and prod environments", "the spec has no environments")
	}
	seen := map[string]bool{}
	for i, e := range s.Environments {
		p := fmt.Sprintf("environments[%d]", i)
		if !envName.MatchString(e.Name) {
			v.fail(p+".name", "lower-case letters and digits, at most 15 characters", "environment name %q is not valid", e.Name)
		}
		if seen[e.Name] {
			v.fail(p+".name", "", "environment %q is declared twice", e.Name)
		}
		seen[e.Name] = true
		if e.Profile == "" {
			v.fail(p, "add profile: dev or profile: prod", "environment %q has no profile", e.Name)
			continue
		}
		t := e.Targets
		if t.Users < 1 {
			v.fail(p+".targets.users", "peak concurrent users, at least 1", "targets.users %d must be at least 1", t.Users)
		}
		if t.Availability <= 0 || t.Availability >= 100 {
			v.fail(p+".targets.availability", "a percentage below 100 such as 99.9; no design reaches 100%", "availability target %g%% is impossible", t.Availability)
		}
		if t.Zones < 1 || t.Zones > 3 {
			v.fail(p+".targets.zones", "Azure regions have up to 3 availability zones", "zones %d must be 1, 2 or 3", t.Zones)
		}
		if t.BudgetUSD < 0 {
			v.fail(p+".targets.budgetUSD", "", "budget cannot be negative")
		}
		for _, d := range []struct{ key, val string }{{"rto", t.RTO}, {"rpo", t.RPO}} {
			if _, err := ParseDuration(d.val); err != nil {
				v.fail(p+".targets."+d.key, "write a duration such as 30m, 4h or 1d", "%s %q is not a duration", d.key, d.val)
			}
		}
		v.enum(p+".aks.tier", e.AKS.Tier, "Free", "Standard", "Premium")
		v.enum(p+".aks.networkPolicy", e.AKS.NetworkPolicy, "azure", "calico", "cilium")
		v.enum(p+".postgresql.mode", e.PostgreSQL.Mode, "pod", "flexible")
		v.enum(p+".postgresql.ha", e.PostgreSQL.HA, "none", "samezone", "zoneredundant")
		v.enum(p+".redis.mode", e.Redis.Mode, "pod", "managed")
		if e.Redis.Mode == "managed" {
			v.enum(p+".redis.tier", e.Redis.Tier, "Basic", "Standard", "Premium")
		}
		v.enum(p+".serviceBus.tier", e.ServiceBus.Tier, "Basic", "Standard", "Premium")
		v.enum(p+".ingress.controller", e.Ingress.Controller, "nginx", "agic")
		v.enum(p+".ingress.frontDoor", e.Ingress.FrontDoor, "none", "Standard", "Premium")
		if e.Ingress.Controller == "nginx" && e.Ingress.WAF {
			v.fail(p+".ingress.waf", "use controller: agic for the Application Gateway WAF", "a WAF needs the Application Gateway; the NGINX ingress has none")
		}
		if e.PostgreSQL.HA == "zoneredundant" && t.Zones < 2 {
			v.fail(p+".targets.zones", "use postgresql.ha: samezone, or targets.zones: 2 or more", "zone-redundant HA needs at least 2 zones; this environment has %d", t.Zones)
		}
		if e.Scaling.TargetCPUUtilization < 10 || e.Scaling.TargetCPUUtilization > 95 {
			v.fail(p+".scaling.targetCPUUtilization", "a percentage from 10 to 95, usually 70", "CPU target %d%% is out of range", e.Scaling.TargetCPUUtilization)
		}
		if e.Scaling.Headroom < 1 {
			v.fail(p+".scaling.headroom", "1.0 means no spare; 1.5 means 50% spare", "headroom %g is below 1", e.Scaling.Headroom)
		}
		for _, c := range []struct{ key, val string }{{"vnetCIDR", e.Network.VNetCIDR}, {"serviceCIDR", e.Network.ServiceCIDR}} {
			if _, err := netip.ParsePrefix(c.val); err != nil {
				v.fail(p+".network."+c.key, "write an IPv4 CIDR such as 10.20.0.0/16", "%s %q is not a CIDR", c.key, c.val)
			}
		}
		for j, sn := range e.Network.Subnets {
			sp := fmt.Sprintf("%s.network.subnets[%d]", p, j)
			v.enum(sp+".role", sn.Role, "aks", "gateway", "database", "endpoints")
			if _, err := netip.ParsePrefix(sn.CIDR); err != nil {
				v.fail(sp+".cidr", "write an IPv4 CIDR such as 10.20.0.0/22", "subnet CIDR %q is not a CIDR", sn.CIDR)
			}
		}
	}
}

func (v *validator) enum(path, val string, allowed ...string) {
	for _, a := range allowed {
		if val == a {
			return
		}
	}
	v.fail(path, DidYouMean(val, allowed, "one of "+strings.Join(allowed, ", ")), "%q is not allowed here", val)
}

// DidYouMean returns a "did you mean" hint for val, or fallback.
func DidYouMean(val string, options []string, fallback string) string {
	if s := suggest(val, options); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return fallback
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out) // ties in suggest must break the same way every run
	return out
}

// ParseDuration reads 30s, 30m, 4h or 1d.
func ParseDuration(s string) (time.Duration, error) {
	m := durationR.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("not a duration: %q", s)
	}
	var n int64
	fmt.Sscan(m[1], &n)
	unit := map[string]time.Duration{"s": time.Second, "m": time.Minute, "h": time.Hour, "d": 24 * time.Hour}[m[2]]
	return time.Duration(n) * unit, nil
}
