package draft

import (
	"fmt"
	"math"
	"net/netip"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/catalog/azure"
	planpkg "github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

func ofEnv(fs []facts.Fact, env string) []facts.Fact {
	var out []facts.Fact
	for _, f := range fs {
		if f.Env == env {
			out = append(out, f)
		}
	}
	return out
}

// envNames are the environments the package is about (dev and prod when
// it names none).
func envNames(s *facts.Set) []string {
	seen := map[string]bool{}
	for _, f := range s.Facts {
		if f.Env == "dev" || f.Env == "prod" {
			seen[f.Env] = true
		}
	}
	var out []string
	for _, e := range []string{"dev", "prod"} {
		if seen[e] {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return []string{"dev", "prod"}
	}
	if !seen["dev"] {
		out = append([]string{"dev"}, out...)
	}
	return out
}

func environments(x *w, s *facts.Set) {
	x.line(0, "environments:", "")
	for _, e := range envNames(s) {
		x.line(1, "- name: "+e, "")
		x.line(2, "profile: "+e, "")
		var targets []string
		var notes []string
		if u, note := pick(ofEnv(s.Of(facts.Users), e), func(f facts.Fact) string { return strconv.Itoa(int(f.Num)) }); u != "" && u != "0" {
			targets = append(targets, "users: "+u)
			notes = append(notes, "users "+note)
		}
		if e == "prod" {
			if a, note := pick(ofEnv(s.Of(facts.Downtime), e), func(f facts.Fact) string { return strconv.FormatFloat(f.Max, 'f', -1, 64) }); a != "" {
				if c := x.caps[e]; c > 0 {
					note = fmt.Sprintf("conflict: the package promises %s%% (%s), but the planned components reach less (physarch sla): lowered to %g%%", a, note, c)
					a = strconv.FormatFloat(c, 'f', -1, 64)
				}
				targets = append(targets, "availability: "+a)
				notes = append(notes, "availability "+note)
			}
			for _, k := range []facts.Kind{facts.RTO, facts.RPO} {
				if v, note := pick(ofEnv(s.Of(k), e), func(f facts.Fact) string { return duration(f.Num) }); v != "" {
					targets = append(targets, string(k)+": "+v)
					notes = append(notes, string(k)+" "+note)
				}
			}
		}
		if len(targets) > 0 {
			x.line(2, "targets: {"+strings.Join(targets, ", ")+"}", strings.Join(notes, "; "))
		}
		var aks []facts.Fact
		for _, f := range ofEnv(s.Of(facts.Tier), e) {
			if f.Subject == "aks" {
				aks = append(aks, f)
			}
		}
		if tier, note := pick(aks, func(f facts.Fact) string { return f.Value }); tier != "" && tier != "Premium" && !(e == "dev" && tier == "Free") && !(e == "prod" && tier == "Standard") {
			x.line(2, "aks: {tier: "+tier+"}", note)
		} else if tier != "" {
			x.note(2, "AKS tier "+tier+" ("+note+"): the "+e+" profile's own, or one physarch does not build (Premium: long-term support only); left to the profile")
		}
		pools(x, s, e)
		if v, note := pick(ofEnv(s.Of(facts.VNet), e), func(f facts.Fact) string { return f.Value }); v != "" {
			if svc, why := serviceCIDR(e, v); svc != "" {
				x.line(2, "network: {vnetCIDR: "+v+", serviceCIDR: "+svc+"}", note+"; serviceCIDR "+why)
			} else {
				x.line(2, "network: {vnetCIDR: "+v+"}", note)
			}
		}
	}
}

// pools sets the node sizes from node-pool facts only: a VM size stated
// for another component (PostgreSQL's Standard_D4ds_v5 compute, a VM of
// its own) never sizes a node. facts.NodePool (Subject: the pool, Value:
// the size) names the pool; without it, a VMSize fact counts when its
// section is about node pools, and its row's first cell (system, app,
// apps, user) names the pool. Sizes of no named pool fill what is left:
// the smaller of two for the system pool, the larger for the apps pool.
func pools(x *w, s *facts.Set, env string) {
	type sized struct {
		size string
		f    facts.Fact
	}
	byRole := map[string][]facts.Fact{}
	var loose []sized
	seen := map[string]bool{}
	for _, f := range ofEnv(s.Of(facts.NodePool), env) {
		if _, ok := azure.LookupVM(f.Value); ok {
			role := poolRole(f.Subject)
			if role == "" {
				role = "apps" // a pool of its own name runs the services
			}
			byRole[role] = append(byRole[role], f)
		}
	}
	if len(byRole) == 0 {
		for _, f := range ofEnv(s.Of(facts.VMSize), env) {
			role := poolRole(firstCell(f.Src.Text))
			if _, ok := azure.LookupVM(f.Subject); !ok || !nodePoolSection(f.Src.Section) && (role == "" || !clusterSection.MatchString(f.Src.Section)) {
				continue
			}
			f.Value = f.Subject
			if role != "" {
				byRole[role] = append(byRole[role], f)
			} else if !seen[f.Subject] {
				seen[f.Subject] = true
				loose = append(loose, sized{f.Subject, f})
			}
		}
	}
	size := func(f facts.Fact) string { return f.Value }
	sys, sysNote := pick(byRole["system"], size)
	apps, appsNote := pick(byRole["apps"], size)
	if sys != "" {
		sysNote += " (the system pool's row)"
	}
	if apps != "" {
		appsNote += " (the apps pool's row)"
	}
	sort.SliceStable(loose, func(i, j int) bool {
		a, _ := azure.LookupVM(loose[i].size)
		b, _ := azure.LookupVM(loose[j].size)
		return a.VCPU < b.VCPU || a.VCPU == b.VCPU && a.MemoryGiB < b.MemoryGiB
	})
	if apps == "" && len(loose) > 0 {
		last := loose[len(loose)-1]
		which := "the largest node-pool size stated"
		if len(loose) == 1 {
			which = "the one node-pool size stated, for the pool the services run on"
		}
		loose = loose[:len(loose)-1]
		apps, appsNote = last.size, "guessed: "+which+", from "+from(last.f)
	}
	if sys == "" && len(loose) > 0 {
		sys, sysNote = loose[0].size, "guessed: the smaller node-pool size stated, from "+from(loose[0].f)
	}
	if sys == "" && apps == "" {
		return
	}
	x.line(2, "nodePools:", "")
	if sys != "" {
		x.line(3, "system: {vmSize: "+sys+"}", sysNote)
	}
	if apps != "" {
		if !azure.SpotOffered(apps) {
			appsNote += "; pay-as-you-go: Azure offers no B-series size as Spot"
		}
		x.line(3, "apps: {vmSize: "+apps+"}", appsNote)
	}
}

// clusterSection names a section about the cluster, where a row named
// system or app(s) is a node pool's.
var clusterSection = regexp.MustCompile(`(?i)\baks\b|kubernetes|cluster|클러스터|compute|컴퓨팅`)

// nodePoolSection is true for a section about the cluster's node pools.
func nodePoolSection(section string) bool {
	l := strings.ToLower(section)
	for _, w := range []string{"노드 풀", "노드풀", "node pool", "nodepool", "node-pool"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// firstCell is a table row's first cell ("" for a line that is no row).
func firstCell(line string) string {
	t := strings.TrimSpace(line)
	if !strings.HasPrefix(t, "|") {
		return ""
	}
	cell, _, _ := strings.Cut(t[1:], "|")
	return strings.TrimSpace(cell)
}

// poolRole reads a pool's name as the spec's pool it is: "system", "apps"
// or "" for neither.
func poolRole(name string) string {
	n := strings.ToLower(strings.Trim(strings.TrimSpace(name), "*`"))
	n = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(n, " pool"), " 노드 풀"), "pool")
	switch strings.TrimSpace(n) {
	case "system", "sys", "시스템", "systempool":
		return "system"
	case "app", "apps", "user", "application", "applications", "workload", "애플리케이션", "앱", "사용자":
		return "apps"
	}
	return ""
}

func duration(minutes float64) string {
	if minutes >= 60 && math.Mod(minutes, 60) == 0 {
		return strconv.Itoa(int(minutes/60)) + "h"
	}
	return strconv.Itoa(int(math.Round(minutes))) + "m"
}

// stated lists, as comments, the figures physarch computes itself.
func stated(x *w, s *facts.Set) {
	var lines []string
	for _, f := range s.Of(facts.Subnet) {
		lines = append(lines, fmt.Sprintf("subnet %s %s (%s) at %s", f.Subject, f.Value, f.Env, from(f)))
	}
	for _, f := range s.Of(facts.EnvCost) {
		lines = append(lines, fmt.Sprintf("monthly cost %s $%g at %s", f.Env, f.Num, from(f)))
	}
	if len(lines) == 0 {
		return
	}
	x.note(0, "")
	x.note(0, "Stated in the package, computed by physarch from the spec instead (compare after `physarch build`):")
	seen := map[string]bool{}
	for _, l := range lines {
		if !seen[l] {
			seen[l] = true
			x.note(0, "  "+l)
		}
	}
}

// serviceCIDR is a service CIDR for a VNet the package states, when the
// profile's default overlaps it ("" when it does not): Kubernetes service
// addresses must lie outside the VNet, and the package states none (AKS
// keeps it inside the cluster), so the draft picks one that builds.
func serviceCIDR(profile, vnetCIDR string) (string, string) {
	vnet, err := netip.ParsePrefix(vnetCIDR)
	if err != nil {
		return "", ""
	}
	def, ok := profileServiceCIDR(profile)
	if !ok || !def.Overlaps(vnet.Masked()) {
		return "", ""
	}
	free, ok := planpkg.FreeServiceCIDR(vnet.Masked(), def.Bits())
	if !ok {
		return "", ""
	}
	return free.String(), fmt.Sprintf("guessed: the package states none, and the %s profile's %s overlaps this VNet", profile, def)
}

// profileServiceCIDR is a built-in profile's network.serviceCIDR.
func profileServiceCIDR(profile string) (netip.Prefix, bool) {
	src, err := spec.ProfileSource(profile)
	if err != nil {
		return netip.Prefix{}, false
	}
	var p struct {
		Network struct {
			ServiceCIDR string `yaml:"serviceCIDR"`
		} `yaml:"network"`
	}
	if yaml.Unmarshal(src, &p) != nil {
		return netip.Prefix{}, false
	}
	pfx, err := netip.ParsePrefix(p.Network.ServiceCIDR)
	return pfx.Masked(), err == nil
}
