package spec

import (
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/physarch/physarch/internal/catalog/azure"
)

// validator checks what the field rules cannot: values against each other
// and every reference between parts of the spec. Its work is linear in the
// spec's expanded size: suggestions are computed once per unknown name.
type validator struct {
	doc    *Document
	errs   Errors
	failed map[string]bool // paths the decoder already reported
	hints  map[string]string
	// sections are the building blocks' sections.
	sections []Section
}

func (v *validator) fail(path, hint, format string, args ...any) {
	for p := path; ; {
		if v.failed[p] {
			return // a consequence of a value already reported
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	v.errs = append(v.errs, Error{Pos: v.doc.At(path), Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// didYouMean is DidYouMean, remembered per set of options and value: a
// spec can repeat one wrong name thousands of times through an alias.
func (v *validator) didYouMean(set, val string, options []string, fallback string) string {
	key := set + "\x00" + val
	if h, ok := v.hints[key]; ok {
		return h
	}
	h := DidYouMean(val, options, fallback)
	v.hints[key] = h
	return h
}

// reservedNames are names the core's output already uses for objects of
// its own, next to the services': a service with one of these names would
// collide with them. Building blocks reserve theirs (Section.Reserved).
var reservedNames = []string{"ingress"}

// coreSubnetRoles are the subnets the core plans; building blocks add
// theirs (Section.SubnetRoles).
var coreSubnetRoles = []string{"aks", "endpoints"}

var dotSegment = regexp.MustCompile(`(^|/)\.\.?(/|$)`)

// validate checks what a typed decode cannot: values against each other,
// and every reference between parts of the spec. failed holds the paths
// the decoder already reported.
func validate(doc *Document, failed map[string]bool, sections []Section) Errors {
	v := &validator{doc: doc, failed: failed, hints: map[string]string{}, sections: sections}
	s := &doc.Spec
	if s.Metadata.Title.Ko == "" {
		v.fail("metadata", "add metadata.title.ko and/or metadata.title.en", "the system has no title")
	}
	v.services()
	v.references()
	v.callCycles()
	v.environments()
	v.placements()
	v.namespaceGroups()
	for _, sec := range sections {
		if sec.Validate != nil {
			sec.Validate(&Validation{v})
		}
	}
	return v.errs
}

func (v *validator) services() {
	s := &v.doc.Spec
	if len(s.Services) == 0 {
		v.fail("services", "declare at least one service", "the spec has no services")
	}
	names := map[string]int{}
	routes := map[string]int{}
	reserved := v.reserved()
	for i, sv := range s.Services {
		p := fmt.Sprintf("services[%d]", i)
		if j, dup := names[sv.Name]; dup {
			v.fail(p+".name", fmt.Sprintf("services[%d] has the same name", j), "service %q is declared twice", sv.Name)
		}
		names[sv.Name] = i
		for _, r := range reserved {
			if sv.Name == r {
				v.fail(p+".name", "choose another name, such as "+sv.Name+"-service", "service name %q is taken by physarch's own %s objects", sv.Name, r)
			}
		}
		if sv.Route != "" {
			raw := s.Services[i].Route
			switch {
			case dotSegment.MatchString(raw):
				v.fail(p+".route", "write the path without '.' or '..' segments", "route %q has a dot segment, which clients, gateways and ingress controllers resolve differently", raw)
			default:
				if j, dup := routes[sv.Route]; dup {
					v.fail(p+".route", fmt.Sprintf("services[%d] already serves %s", j, sv.Route), "route %q is served twice", sv.Route)
				}
				routes[sv.Route] = i
			}
		}
		v.quantities(p+".resources", sv.Resources)
		v.workloadKind(i, sv)
		if r := sv.Replicas; r != nil && r.Max < r.Min {
			v.fail(p+".replicas.max", "make max at least min", "replicas.max %d is below replicas.min %d", r.Max, r.Min)
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
			v.fail(q.path, Quantity(q.kind).Hint, "%q is not a positive %s quantity", q.val, q.kind)
			continue
		}
		if !isLimit {
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
		p := fmt.Sprintf("external[%d].name", i)
		if ext[e.Name] {
			v.fail(p, "", "external system %q is declared twice", e.Name)
		}
		if svc[e.Name] {
			v.fail(p, "give the external system another name", "%q names both a service and an external system", e.Name)
		}
		ext[e.Name] = true
	}
	svcNames, extNames := keys(svc), keys(ext)
	kindOf := map[string]string{}
	for _, sv := range s.Services {
		kindOf[sv.Name] = sv.Kind
	}
	entities := map[string]bool{}
	producers, consumers := map[string]bool{}, map[string]bool{}
	declared := v.entities()
	byKey := map[string]string{}
	// An entity list that failed to decode says nothing about the
	// services that name its entities.
	entitiesFailed := false
	for _, sec := range v.sections {
		if sec.Entities != nil && v.failedBelow("backing."+sec.BackingKey) {
			entitiesFailed = true
		}
	}
	for _, e := range declared {
		key := e.Key
		if key == "" {
			key = e.Name
		}
		if prev, dup := byKey[key]; dup {
			v.fail(e.Path, e.Collision, "%q is declared twice (as %q)", e.Name, prev)
			v.failed[e.Path] = true // its producers and consumers are not a second mistake
		}
		byKey[key] = e.Name
		entities[e.Name] = true
	}
	entityNames := keys(entities)
	for i, sv := range s.Services {
		p := fmt.Sprintf("services[%d]", i)
		for j, c := range sv.Calls {
			cp := fmt.Sprintf("%s.calls[%d]", p, j)
			switch {
			case c == sv.Name:
				v.fail(cp, "remove the call; a service calls itself in-process", "service %q calls itself", sv.Name)
			case !svc[c]:
				v.fail(cp, v.didYouMean("services", c, svcNames, "declare it under services"), "call to undefined service %q", c)
			case kindOf[c] == WorkloadCronJob || kindOf[c] == WorkloadWorker:
				v.fail(cp, "send it a message through a queue (produces on the caller, consumes on it) instead", "call to %s, a %s: it has no Service to call", c, kindOf[c])
			}
		}
		for j, e := range sv.External {
			if !ext[e] {
				v.fail(fmt.Sprintf("%s.external[%d]", p, j), v.didYouMean("external", e, extNames, "declare it under external"), "undefined external system %q", e)
			}
		}
		for _, kind := range []string{"produces", "consumes"} {
			list := sv.Produces
			if kind == "consumes" {
				list = sv.Consumes
			}
			for j, q := range list {
				if !entities[q] && !entitiesFailed {
					v.fail(fmt.Sprintf("%s.%s[%d]", p, kind, j), v.didYouMean("entities", q, entityNames, "declare it under backing (serviceBus queues or topics)"), "undefined queue or topic %q", q)
					continue
				}
				if kind == "produces" {
					producers[q] = true
				} else {
					consumers[q] = true
				}
			}
		}
	}
	for _, e := range declared {
		if !consumers[e.Name] {
			v.fail(e.Path, "add it to some service's consumes, or remove it", "%q has no consumer", e.Name)
		}
		if !producers[e.Name] {
			v.fail(e.Path, "add it to some service's produces, or remove it", "%q has no producer", e.Name)
		}
	}
}

// entities are every messaging destination the spec declares.
// reserved are the core's and every block's reserved names.
func (v *validator) reserved() []string {
	out := append([]string(nil), reservedNames...)
	for _, sec := range v.sections {
		out = append(out, sec.Reserved...)
	}
	return out
}

func (v *validator) entities() []Entity {
	s := &v.doc.Spec
	var out []Entity
	for _, sec := range v.sections {
		if sec.Entities != nil {
			out = append(out, sec.Entities(s)...)
		}
	}
	return out
}

// maxCycles bounds how many call cycles one run describes.
const maxCycles = 20

// callCycles reports cycles of synchronous calls (up to maxCycles); such a
// cycle deadlocks under load and cannot be started in any order.
func (v *validator) callCycles() {
	s := &v.doc.Spec
	index := map[string]int{}
	for i, sv := range s.Services {
		index[sv.Name] = i
	}
	const white, grey, black = 0, 1, 2
	color := make([]int, len(s.Services))
	depth := make([]int, len(s.Services)) // position on the stack while grey
	var stack []int
	found := 0
	var visit func(i int)
	visit = func(i int) {
		color[i] = grey
		depth[i] = len(stack)
		stack = append(stack, i)
		for j, c := range s.Services[i].Calls {
			k, ok := index[c]
			if !ok || k == i {
				continue
			}
			switch color[k] {
			case grey:
				if found++; found > maxCycles {
					continue
				}
				var names []string
				for _, x := range stack[depth[k]:] {
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
	region, regionKnown := azure.LookupRegion(s.Region)
	seen := map[string]bool{}
	for i, e := range s.Environments {
		p := fmt.Sprintf("environments[%d]", i)
		if seen[e.Name] {
			v.fail(p+".name", "", "environment %q is declared twice", e.Name)
		}
		seen[e.Name] = true
		if e.Profile == "" {
			v.fail(p, "add profile: dev or profile: prod", "environment %q has no profile", e.Name)
			continue
		}
		v.drRegion(p, e, s.Region, regionKnown)
		t := e.Targets
		for _, d := range []struct{ key, val string }{{"targets.rto", t.RTO}, {"targets.rpo", t.RPO}} {
			if _, err := ParseDuration(d.val); err != nil {
				v.fail(p+"."+d.key, "write a duration such as 30m, 4h or 14d, at most 10 years", "%s %q is not a duration physarch can use", lastKey(d.key), d.val)
			}
		}
		if regionKnown && t.Zones > max(region.Zones, 1) {
			at := p + ".targets.zones"
			if v.doc.At(at).File != v.doc.File {
				at = "region" // the zones are the profile's: the region is what the user chose
			}
			v.fail(at, "use targets.zones: 1, or a region with availability zones such as koreacentral",
				"region %s has no availability zones, but %s asks for %d", s.Region, e.Name, t.Zones)
		}
		v.kubernetesVersion(p, e.AKS)
		for _, pool := range []struct {
			key string
			np  NodePool
		}{{"system", e.NodePools.System}, {"apps", e.NodePools.Apps}} {
			if pool.np.Min > 0 && pool.np.Max > 0 && pool.np.Max < pool.np.Min {
				v.fail(p+".nodePools."+pool.key+".max", "make max at least min", "node pool %s max %d is below min %d", pool.key, pool.np.Max, pool.np.Min)
			}
			if pool.np.Spot && !azure.SpotOffered(pool.np.VMSize) {
				v.fail(p+".nodePools."+pool.key+".spot", SpotHint(pool.np.VMSize),
					"node pool %s asks for Spot VMs, but Azure does not offer %s (B-series) as Spot", pool.key, pool.np.VMSize)
			}
		}
		v.dedicatedPools(p, e, region, regionKnown)
		v.cidrs(p, e.Network)
	}
}

// SpotHint is what to write instead of Spot on a size Azure does not sell
// as Spot: spot: false, or a size it does.
func SpotHint(vmSize string) string {
	if alike, ok := azure.SpotAlike(vmSize); ok {
		return fmt.Sprintf("set spot: false to run %s pay-as-you-go, or choose a size Azure offers as Spot, such as %s", vmSize, alike)
	}
	return fmt.Sprintf("set spot: false to run %s pay-as-you-go, or choose a D- or E-series size", vmSize)
}

// kubernetesVersion checks the version against what AKS supports at the
// catalog's date.
func (v *validator) kubernetesVersion(p string, aks AKSSettings) {
	minor := aks.KubernetesVersion
	if parts := strings.Split(minor, "."); len(parts) == 3 {
		minor = parts[0] + "." + parts[1]
	}
	supported := azure.SupportedKubernetes(aks.Tier)
	hint := "supported now: " + strings.Join(supported, ", ")
	kv, ok := azure.LookupKubernetes(minor)
	switch {
	case !ok:
		v.fail(p+".aks.kubernetesVersion", hint, "Kubernetes %q is not a version AKS offers", aks.KubernetesVersion)
	case !kv.Supported(aks.Tier):
		v.fail(p+".aks.kubernetesVersion", hint+" (long-term support needs aks.tier: Premium)",
			"Kubernetes %s reached its end of life on AKS on %s; AKS creates no clusters on it", minor, kv.EndOfLife.Format("2006-01-02"))
	}
}

// cidrs checks that the address ranges parse as IPv4 prefixes AKS can use.
func (v *validator) cidrs(p string, n NetworkSettings) {
	for _, c := range []struct {
		key          string
		val          string
		widest, tiny int
	}{{"vnetCIDR", n.VNetCIDR, 8, 29}, {"serviceCIDR", n.ServiceCIDR, 13, 28}} {
		pfx, err := netip.ParsePrefix(c.val)
		switch {
		case err != nil || !pfx.Addr().Is4():
			v.fail(p+".network."+c.key, "write an IPv4 CIDR such as 10.20.0.0/16", "%s %q is not an IPv4 CIDR", c.key, c.val)
		case pfx.Bits() < c.widest || pfx.Bits() > c.tiny:
			v.fail(p+".network."+c.key, fmt.Sprintf("use a prefix from /%d to /%d", c.widest, c.tiny), "%s %s has a prefix length AKS does not accept here", c.key, c.val)
		}
	}
	roles := append([]string(nil), coreSubnetRoles...)
	for _, sec := range v.sections {
		roles = append(roles, sec.SubnetRoles...)
	}
	for j, sn := range n.Subnets {
		if !slices.Contains(roles, sn.Role) {
			v.fail(fmt.Sprintf("%s.network.subnets[%d].role", p, j), v.didYouMean("roles", sn.Role, roles, "one of "+strings.Join(roles, ", ")), "subnet role %q is not one this spec's building blocks have", sn.Role)
		}
		pfx, err := netip.ParsePrefix(sn.CIDR)
		if err != nil || !pfx.Addr().Is4() {
			v.fail(fmt.Sprintf("%s.network.subnets[%d].cidr", p, j), "write an IPv4 CIDR such as 10.20.0.0/22", "subnet CIDR %q is not an IPv4 CIDR", sn.CIDR)
		}
	}
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

var durationR = regexp.MustCompile(`^(\d{1,6})([smhd])$`)

// maxDuration bounds durations: RTOs, RPOs and TTLs beyond ten years are
// typing mistakes, and larger values overflow.
const maxDuration = 10 * 365 * 24 * time.Hour

// ParseDuration reads 30s, 30m, 4h or 1d, up to ten years.
// FormatDuration prints a duration as a spec writes one (12h, 30m, 90s).
func FormatDuration(d time.Duration) string {
	switch {
	case d >= time.Hour && d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d >= time.Minute && d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return fmt.Sprintf("%ds", d/time.Second)
}

func ParseDuration(s string) (time.Duration, error) {
	m := durationR.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("not a duration: %q", s)
	}
	var n int64
	fmt.Sscan(m[1], &n)
	unit := map[string]time.Duration{"s": time.Second, "m": time.Minute, "h": time.Hour, "d": 24 * time.Hour}[m[2]]
	if time.Duration(n) > maxDuration/unit {
		return 0, fmt.Errorf("duration %q is longer than ten years", s)
	}
	return time.Duration(n) * unit, nil
}

// failedBelow reports whether the decoder reported the value at path or
// one below it.
func (v *validator) failedBelow(path string) bool {
	for p := range v.failed {
		if p == path || strings.HasPrefix(p, path+".") || strings.HasPrefix(p, path+"[") {
			return true
		}
	}
	return false
}
