package plan

import (
	"fmt"
	"math/bits"
	"net/netip"
	"sort"

	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/spec"
)

// azureReserved is how many addresses Azure keeps in every subnet.
const azureReserved = 5

// maxSubnetAddresses is the most one subnet can hold: all of IPv4.
const maxSubnetAddresses = 1 << 32

// The service CIDR. AKS puts the cluster DNS service at dnsServiceOffset
// (physarch's choice, the usual .10) and requires it inside the service
// CIDR; AKS's networking guide says the service address range "must be
// smaller than /12" (learn.microsoft.com/azure/aks/configure-azure-cni,
// "Kubernetes service address range"). /28 is the smallest range that
// holds the 10th address.
const (
	dnsServiceOffset = 10
	minServiceBits   = 13
	maxServiceBits   = 28
)

// serviceCIDRCandidates are the private ranges a service CIDR is chosen
// from when the default overlaps the VNet, in order: physarch's default,
// AKS's own default (10.0.0.0/16), then the rest of 192.168.0.0/16 and
// 172.16.0.0/12. 172.17.0.0/16 (Docker's bridge) and 172.30.0.0/16,
// 172.31.0.0/16 (which AKS reserves) are left out.
var serviceCIDRCandidates = func() []netip.Prefix {
	out := []netip.Prefix{netip.MustParsePrefix("172.16.0.0/16"), netip.MustParsePrefix("10.0.0.0/16"), netip.MustParsePrefix("192.168.0.0/16")}
	for b := 18; b <= 29; b++ {
		out = append(out, netip.PrefixFrom(netip.AddrFrom4([4]byte{172, byte(b), 0, 0}), 16))
	}
	return out
}()

// FreeServiceCIDR is the first usual range for Kubernetes services, of
// bits (a /16 for 0), that does not overlap the VNet: a hint's
// suggestion, and the one physarch import writes when the package's VNet
// takes the profile's default.
func FreeServiceCIDR(vnet netip.Prefix, bits int) (netip.Prefix, bool) {
	if bits < minServiceBits || bits > maxServiceBits {
		bits = 16
	}
	for _, c := range serviceCIDRCandidates {
		c = netip.PrefixFrom(c.Addr(), max(bits, c.Bits())).Masked()
		if !c.Overlaps(vnet) {
			return c, true
		}
	}
	return netip.Prefix{}, false
}

// subnetNeed is one subnet the environment needs, before placement.
type subnetNeed struct {
	role, name, delegation string
	required               int // addresses its contents need
	minBits                int // smallest prefix length Azure accepts (larger number = smaller)
	noNSG                  bool
	outbound               bool
}

// network sizes and places the subnets:
//   - aks: Azure CNI gives every pod a VNet address, so the subnet holds
//     Σ pools (max nodes + upgrade surge) × (max pods + 1), the surge
//     being AKS's ⌈10% of max nodes⌉, at least 1 (NodePool.SurgeNodes);
//   - the components' own (Subnetted), such as the gateway's /24 and
//     PostgreSQL Flexible Server's delegated subnet (/28 at least);
//   - endpoints: the addresses the private endpoints take, some more than
//     one (PrivateEndpoint.IPs), /28 at least.
//
// Subnets are placed largest first on aligned boundaries, so they never
// overlap; subnets pinned in the spec are checked, not trusted.
func (p *planner) network(e *Env, path string, r *renamer) {
	se := e.Settings
	np := path + ".network"
	vnet, err := netip.ParsePrefix(se.Network.VNetCIDR)
	if err != nil || !vnet.Addr().Is4() {
		p.fail(np+".vnetCIDR", "write an IPv4 CIDR such as 10.20.0.0/16", "VNet CIDR %q is not an IPv4 CIDR", se.Network.VNetCIDR)
		return
	}
	vnet = vnet.Masked()
	svc, err := netip.ParsePrefix(se.Network.ServiceCIDR)
	if err != nil || !svc.Addr().Is4() {
		p.fail(np+".serviceCIDR", "write an IPv4 CIDR such as 172.16.0.0/16", "service CIDR %q is not an IPv4 CIDR", se.Network.ServiceCIDR)
		return
	}
	svc = svc.Masked()
	if svc.Bits() < minServiceBits || svc.Bits() > maxServiceBits {
		// The DNS service gets the 10th address, which must lie inside
		// the range; AKS also refuses ranges of /12 and larger.
		p.fail(np+".serviceCIDR", fmt.Sprintf("use a /%d to /%d such as 172.16.0.0/16", minServiceBits, maxServiceBits),
			"service CIDR %s cannot be used: AKS needs the DNS service IP %s inside it and a range smaller than /12", svc, nth(svc, dnsServiceOffset))
		return
	}
	if svc.Overlaps(vnet) {
		// The hint names a range that does not overlap; when the service
		// CIDR is the profile's default, the error points at the VNet the
		// user chose (the profile's line is not theirs to edit).
		at, whose := np+".serviceCIDR", ""
		if !p.doc.Stated(at) && p.doc.Stated(np+".vnetCIDR") {
			at, whose = np+".vnetCIDR", fmt.Sprintf(" (the %s profile's default)", e.Settings.Profile)
		}
		hint := "Kubernetes service addresses must lie outside the VNet; choose a VNet range outside " + svc.String()
		if free, ok := FreeServiceCIDR(vnet, svc.Bits()); ok {
			hint = fmt.Sprintf("Kubernetes service addresses must lie outside the VNet; set network.serviceCIDR: %s, or choose a VNet range outside %s", free, svc)
		}
		p.fail(at, hint, "service CIDR %s%s overlaps the VNet %s", svc, whose, vnet)
	}
	e.Network = Network{VNet: vnet.String(), ServiceCIDR: svc.String(), DNSServiceIP: nth(svc, dnsServiceOffset).String()}

	var needs []subnetNeed
	// In 64 bits: a pool of 17 million nodes would wrap 32.
	var aksIPs int64
	for _, pool := range e.Pools {
		aksIPs += (int64(pool.Max) + int64(pool.SurgeNodes())) * (int64(pool.MaxPods) + 1)
	}
	if aksIPs+azureReserved > maxSubnetAddresses {
		p.fail(path+".nodePools.apps.max", "fewer nodes or fewer pods per node", "in %s, the AKS subnet would need %d addresses; IPv4 has %d", e.Name, aksIPs, int64(maxSubnetAddresses))
		return
	}
	needs = append(needs, subnetNeed{role: "aks", name: "snet-aks", required: int(aksIPs), minBits: 29})
	for _, c := range Facets[Subnetted](e) {
		for _, n := range c.SubnetNeeds() {
			needs = append(needs, subnetNeed{role: n.Role, name: n.Name, delegation: n.Delegation, required: n.Required, minBits: n.MinBits, noNSG: n.NoNSG, outbound: n.DefaultOutbound})
		}
	}
	if se.Network.PrivateEndpoints {
		needs = append(needs, subnetNeed{role: "endpoints", name: "snet-endpoints", required: EndpointAddresses(e.PrivateEndpoints), minBits: 28})
	}

	pinned := map[string]netip.Prefix{}
	pinnedPath := map[string]string{}
	for j, sn := range se.Network.Subnets {
		pp := fmt.Sprintf("%s.subnets[%d].cidr", np, j)
		pfx, err := netip.ParsePrefix(sn.CIDR)
		if err != nil {
			continue // validation reported it
		}
		if !pfx.Addr().Is4() {
			// Never dropped silently: the subnet would vanish from the
			// design and a computed one take its place.
			p.fail(pp, "write an IPv4 CIDR inside the VNet; AKS subnets here are IPv4", "subnet %s is not IPv4", sn.CIDR)
			continue
		}
		if pfx != pfx.Masked() {
			p.fail(pp, fmt.Sprintf("write %s", pfx.Masked()), "subnet %s has host bits set", sn.CIDR)
			continue
		}
		if _, dup := pinned[sn.Role]; dup {
			p.fail(pp, "pin each role once", "subnet role %q is pinned twice", sn.Role)
			continue
		}
		pinned[sn.Role], pinnedPath[sn.Role] = pfx, pp
	}

	var placed []Subnet
	var used []netip.Prefix
	roles := map[string]bool{}
	for _, n := range needs {
		roles[n.role] = true
	}
	for role, pfx := range sortedPins(pinned) {
		pp := pinnedPath[role]
		if !roles[role] {
			p.fail(pp, "remove the pin; this environment has no such subnet", "subnet role %q is not used in %s", role, e.Name)
			continue
		}
		if !vnet.Contains(pfx.Addr()) || pfx.Bits() < vnet.Bits() {
			p.fail(pp, fmt.Sprintf("choose a range inside %s", vnet), "subnet %s lies outside the VNet %s", pfx, vnet)
			continue
		}
		if pfx.Overlaps(svc) {
			p.fail(pp, "choose a range outside the service CIDR", "subnet %s overlaps the service CIDR %s", pfx, svc)
		}
		for _, u := range used {
			if u.Overlaps(pfx) {
				p.fail(pp, "choose ranges that do not overlap", "subnet %s overlaps subnet %s", pfx, u)
			}
		}
		used = append(used, pfx)
	}
	// Subnets are listed in the order they were needed (the cluster's,
	// the components', the private endpoints'), placed largest first.
	order := map[string]int{}
	for i, n := range needs {
		order[n.role] = i
	}
	sort.SliceStable(needs, func(i, j int) bool { return bitsFor(needs[i]) < bitsFor(needs[j]) })
	for _, n := range needs {
		bitsLen := bitsFor(n)
		name := r.use("subnet", naming.Subnet(n.name))
		sn := Subnet{Role: n.role, Name: name, Required: n.required, Delegation: n.delegation, DefaultOutbound: n.outbound}
		if !n.noNSG {
			sn.NSG = r.use("network security group", naming.NetworkSecurityGroup("nsg-"+name))
		}
		if pfx, ok := pinned[n.role]; ok {
			sn.Pinned = true
			if pfx.Bits() > bitsLen {
				p.fail(pinnedPath[n.role], fmt.Sprintf("use a /%d or larger", bitsLen), "subnet %s is too small: its %s need %d addresses", pfx, n.role, n.required)
			}
			sn.CIDR, sn.Usable = pfx.String(), size(pfx)-azureReserved
			placed = append(placed, sn)
			continue
		}
		pfx, ok := allocate(vnet, bitsLen, used)
		if !ok {
			p.fail(np+".vnetCIDR", "use a larger VNet such as a /16", "the VNet %s has no room for a /%d %s subnet (%d addresses)", vnet, bitsLen, n.role, n.required)
			continue
		}
		used = append(used, pfx)
		sn.CIDR, sn.Usable = pfx.String(), size(pfx)-azureReserved
		placed = append(placed, sn)
	}
	sort.SliceStable(placed, func(i, j int) bool { return order[placed[i].Role] < order[placed[j].Role] })
	purpose := map[string]spec.Text{}
	for _, c := range Facets[Subnetted](e) {
		for _, n := range c.SubnetNeeds() {
			purpose[n.Role] = n.Purpose
		}
	}
	for i := range placed {
		placed[i].Purpose = purpose[placed[i].Role]
	}
	e.Network.Subnets = placed
}

// bitsFor is the prefix length a need gets: the smallest subnet that holds
// its addresses plus Azure's five, but never smaller than Azure allows.
// It counts in 64 bits, so no need can wrap to a small subnet; a need
// beyond IPv4 gets length 0, which no VNet can place.
func bitsFor(n subnetNeed) int {
	total := uint64(n.required) + azureReserved
	b := 32 - bits.Len64(total-1)
	return max(0, min(b, n.minBits))
}

// allocate finds the first aligned free block of the given length.
func allocate(vnet netip.Prefix, bitsLen int, used []netip.Prefix) (netip.Prefix, bool) {
	if bitsLen < vnet.Bits() {
		return netip.Prefix{}, false
	}
	step := uint32(1) << (32 - bitsLen)
	base := u32(vnet.Addr())
	end := base + uint32(size(vnet))
	for a := base; a < end && a >= base; a += step {
		cand := netip.PrefixFrom(addr(a), bitsLen)
		free := true
		for _, u := range used {
			if u.Overlaps(cand) {
				free = false
				break
			}
		}
		if free {
			return cand, true
		}
	}
	return netip.Prefix{}, false
}

func sortedPins(m map[string]netip.Prefix) func(yield func(string, netip.Prefix) bool) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return func(yield func(string, netip.Prefix) bool) {
		for _, k := range keys {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}

func size(p netip.Prefix) int { return 1 << (32 - p.Bits()) }

func nth(p netip.Prefix, n uint32) netip.Addr { return addr(u32(p.Masked().Addr()) + n) }

func u32(a netip.Addr) uint32 {
	b := a.As4()
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func addr(v uint32) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}
