package audit

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/check"
)

func networkChecks(r *Registry) {
	r.Add(Check{
		ID: "AU010", Family: "network", Severity: check.Error,
		Title:     "A subnet lies outside its VNet's address space",
		Rationale: "Azure refuses a subnet whose range is not inside the VNet's address space; the design cannot be deployed as written.",
		Fix:       "Give the subnet a range inside the VNet's address space, or widen the address space.",
		Run:       subnetsOutside,
	}, Check{
		ID: "AU011", Family: "network", Severity: check.Error,
		Title:     "Two subnets of one environment overlap",
		Rationale: "Subnets of one VNet cannot share addresses; Azure refuses the second one.",
		Fix:       "Give each subnet its own range (physarch places subnets so they cannot overlap).",
		Run:       overlaps,
	}, Check{
		ID: "AU012", Family: "network", Severity: check.Error,
		Title:     "A fixed IP address lies outside the subnet it is drawn or listed in",
		Rationale: "A fixed private IP (an Application Gateway's frontend, a load balancer's) must come from its subnet's range, or the resource cannot be created.",
		Fix:       "Pick the address from the subnet's range (Azure reserves the first four and the last address).",
		Run:       ipsOutside,
	}, Check{
		ID: "AU013", Family: "network", Severity: check.Error,
		Title:     "One subnet has different ranges in different places",
		Rationale: "The same subnet stated with two CIDRs means a document or a diagram was not updated; whoever builds the network cannot tell which is meant.",
		Fix:       "State one range per subnet everywhere.",
		Run: func(s *facts.Set) []Finding {
			return conflicts(s.Of(facts.Subnet), envKey, func(f facts.Fact) string { return f.Value },
				func(f facts.Fact) string { return "the " + f.Env + " subnet " + f.Subject })
		},
	}, Check{
		ID: "AU014", Family: "network", Severity: check.Error,
		Title:     "An address range that is no valid CIDR",
		Rationale: "An octet above 255 or a prefix length above 32 (10.0.4.0/33) is no address range; Azure refuses it, and no other check can compare it.",
		Fix:       "Write the range as four octets of 0–255 and a prefix length of 0–32 (10.0.4.0/24).",
		Run:       invalidRanges,
	})
}

// invalidRanges reports the VNet and subnet ranges that do not parse.
func invalidRanges(s *facts.Set) []Finding {
	var out []Finding
	for _, k := range []facts.Kind{facts.VNet, facts.Subnet} {
		for _, f := range s.Of(k) {
			if _, err := netip.ParsePrefix(f.Value); err != nil {
				what := "the VNet's address space"
				if k == facts.Subnet {
					what = "the subnet " + f.Subject
				}
				out = append(out, Finding{Env: f.Env, Quotes: quotes(f), Message: fmt.Sprintf("%s states %s as %s, which is no CIDR range", at(f), what, f.Value)})
			}
		}
	}
	return out
}

func prefix(s string) (netip.Prefix, bool) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, false
	}
	return p.Masked(), true
}

func contains(outer, inner netip.Prefix) bool {
	return outer.Bits() <= inner.Bits() && outer.Contains(inner.Addr())
}

func subnetsOutside(s *facts.Set) []Finding {
	envs, vnets := byEnv(s.Of(facts.VNet))
	_, subnets := byEnv(s.Of(facts.Subnet))
	var out []Finding
	for _, e := range envs {
		seen := map[string]bool{}
		for _, sn := range subnets[e] {
			p, ok := prefix(sn.Value)
			if !ok || seen[sn.Subject+sn.Value] {
				continue
			}
			seen[sn.Subject+sn.Value] = true
			inside := false
			var names []string
			for _, v := range vnets[e] {
				if vp, ok := prefix(v.Value); ok {
					inside = inside || contains(vp, p)
					names = append(names, v.Value)
				}
			}
			if !inside {
				out = append(out, Finding{Env: e, Quotes: quotes(sn, vnets[e][0]),
					Message: fmt.Sprintf("the %s subnet %s (%s, %s) is outside the VNet's address space %s (%s)", e, sn.Subject, sn.Value, at(sn), strings.Join(uniq(names), ", "), at(vnets[e][0]))})
			}
		}
	}
	return out
}

func overlaps(s *facts.Set) []Finding {
	envs, subnets := byEnv(s.Of(facts.Subnet))
	var out []Finding
	for _, e := range envs {
		var distinct []facts.Fact
		seen := map[string]bool{}
		for _, sn := range subnets[e] {
			if !seen[sn.Subject+"="+sn.Value] {
				seen[sn.Subject+"="+sn.Value] = true
				distinct = append(distinct, sn)
			}
		}
		out = append(out, overlapsIn(e, distinct)...)
	}
	return out
}

// overlapsIn reports each subnet that lies in an earlier-listed one of
// another name, once, against the innermost such block. CIDR blocks either
// nest or are disjoint, so after sorting by address (wider first) a sweep
// with a stack of open blocks finds every overlap in O(n log n): a
// package of thousands of subnets is audited in milliseconds and gets one
// finding per subnet, not one per pair.
func overlapsIn(env string, subnets []facts.Fact) []Finding {
	type block struct {
		p netip.Prefix
		f facts.Fact
	}
	var bs []block
	for _, sn := range subnets {
		if p, ok := prefix(sn.Value); ok {
			bs = append(bs, block{p, sn})
		}
	}
	sort.SliceStable(bs, func(i, j int) bool {
		if c := bs[i].p.Addr().Compare(bs[j].p.Addr()); c != 0 {
			return c < 0
		}
		return bs[i].p.Bits() < bs[j].p.Bits()
	})
	var out []Finding
	var open []block
	for _, b := range bs {
		for len(open) > 0 && !open[len(open)-1].p.Contains(b.p.Addr()) {
			open = open[:len(open)-1]
		}
		for i := len(open) - 1; i >= 0; i-- {
			if a := open[i]; a.f.Subject != b.f.Subject {
				first, second := a.f, b.f
				if lineAfter(first, second) {
					first, second = second, first
				}
				out = append(out, Finding{Env: env, Quotes: quotes(first, second),
					Message: fmt.Sprintf("the %s subnets %s (%s, %s) and %s (%s, %s) overlap", env, first.Subject, first.Value, at(first), second.Subject, second.Value, at(second))})
				break
			}
		}
		open = append(open, b)
	}
	return out
}

// lineAfter is true when a is stated after b (by file, then line).
func lineAfter(a, b facts.Fact) bool {
	if a.Src.File != b.Src.File {
		return a.Src.File > b.Src.File
	}
	return a.Src.Line > b.Src.Line
}

func ipsOutside(s *facts.Set) []Finding {
	_, subnets := byEnv(s.Of(facts.Subnet))
	var out []Finding
	for _, ip := range s.Of(facts.IP) {
		addr, err := netip.ParseAddr(ip.Value)
		if err != nil {
			continue
		}
		if ip.Subject != "" {
			if p, ok := prefix(ip.Subject); ok && !p.Contains(addr) {
				out = append(out, Finding{Env: ip.Env, Quotes: quotes(ip),
					Message: fmt.Sprintf("%s (%s) is drawn in the subnet %s but is not in its range", ip.Value, at(ip), ip.Subject)})
			}
			continue
		}
		if len(subnets[ip.Env]) == 0 {
			continue
		}
		in := false
		for _, sn := range subnets[ip.Env] {
			if p, ok := prefix(sn.Value); ok && p.Contains(addr) {
				in = true
			}
		}
		if !in {
			out = append(out, Finding{Env: ip.Env, Quotes: quotes(ip, subnets[ip.Env][0]),
				Message: fmt.Sprintf("the fixed IP %s (%s) is in none of the %s subnets", ip.Value, at(ip), ip.Env)})
		}
	}
	return out
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
