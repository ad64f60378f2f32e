package draft

import (
	"fmt"
	"math"
	"net/netip"
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

// pools sets the node sizes: the smaller of two stated sizes is taken for
// the system pool, the larger for the apps pool.
func pools(x *w, s *facts.Set, env string) {
	seen := map[string]facts.Fact{}
	var sizes []string
	for _, f := range ofEnv(s.Of(facts.VMSize), env) {
		if _, ok := azure.LookupVM(f.Subject); ok && !strings.Contains(strings.ToLower(f.Src.Section), "postgres") && !strings.Contains(f.Src.Section, "데이터") {
			if _, dup := seen[f.Subject]; !dup {
				seen[f.Subject] = f
				sizes = append(sizes, f.Subject)
			}
		}
	}
	if len(sizes) == 0 {
		return
	}
	sort.SliceStable(sizes, func(i, j int) bool {
		a, _ := azure.LookupVM(sizes[i])
		b, _ := azure.LookupVM(sizes[j])
		return a.VCPU < b.VCPU
	})
	x.line(2, "nodePools:", "")
	if len(sizes) >= 2 {
		x.line(3, "system: {vmSize: "+sizes[0]+"}", "guessed: the smaller stated size, from "+from(seen[sizes[0]]))
	}
	last := sizes[len(sizes)-1]
	x.line(3, "apps: {vmSize: "+last+"}", fmt.Sprintf("guessed: the largest stated size, from %s", from(seen[last])))
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
