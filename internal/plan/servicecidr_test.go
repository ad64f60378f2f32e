package plan_test

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/plan"
)

// TestServiceCIDROverlap: a VNet that takes the profile's service CIDR is
// an error at the user's VNet line (not the profile's), a stated service
// CIDR inside the VNet an error at that line; either hint names a range
// that does not overlap the VNet, never the clashing one.
func TestServiceCIDROverlap(t *testing.T) {
	cases := []struct {
		name, network string
		line, col     int
		msg, hint     string
	}{
		{"VNet on the profile's service CIDR", "{vnetCIDR: 172.16.0.0/16}", 17, 25, "service CIDR 172.16.0.0/16 (the prod profile's default) overlaps the VNet 172.16.0.0/16", "set network.serviceCIDR: 10.0.0.0/16"},
		{"VNet around it", "{vnetCIDR: 172.16.0.0/12}", 17, 25, "overlaps the VNet 172.16.0.0/12", "set network.serviceCIDR: 10.0.0.0/16"},
		{"VNet on both defaults", "{vnetCIDR: 10.0.0.0/8, serviceCIDR: 10.1.0.0/16}", 17, 50, "service CIDR 10.1.0.0/16 overlaps the VNet 10.0.0.0/8", "set network.serviceCIDR: 172.16.0.0/16"},
		{"stated service CIDR inside the VNet", "{serviceCIDR: 10.20.128.0/17}", 17, 28, "service CIDR 10.20.128.0/17 overlaps the VNet 10.20.0.0/16", "set network.serviceCIDR: 172.16.0.0/17"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(shop, "    targets: {users: 1000}\n", "    targets: {users: 1000}\n    network: "+c.network+"\n", 1)
			errs := planErr(t, src)
			if len(errs) != 1 {
				t.Fatalf("want one error, got %v", errs)
			}
			e := errs[0]
			if e.Pos.File != "shop.yaml" || e.Pos.Line != c.line || e.Pos.Col != c.col {
				t.Errorf("position %v, want shop.yaml:%d:%d", e.Pos, c.line, c.col)
			}
			if !strings.Contains(e.Msg, c.msg) || !strings.Contains(e.Hint, c.hint) {
				t.Errorf("error %q hint %q; want %q, %q", e.Msg, e.Hint, c.msg, c.hint)
			}
		})
	}
}

func TestFreeServiceCIDR(t *testing.T) {
	for _, c := range []struct {
		vnet string
		bits int
		want string
	}{
		{"10.10.0.0/16", 16, "172.16.0.0/16"},
		{"172.16.0.0/16", 16, "10.0.0.0/16"},
		{"172.16.0.0/12", 16, "10.0.0.0/16"},
		{"10.0.0.0/8", 16, "172.16.0.0/16"},
		{"172.16.0.0/16", 20, "10.0.0.0/20"},
		{"172.16.0.0/16", 0, "10.0.0.0/16"},
	} {
		got, ok := plan.FreeServiceCIDR(netip.MustParsePrefix(c.vnet), c.bits)
		if !ok || got.String() != c.want {
			t.Errorf("FreeServiceCIDR(%s, %d) = %v, %v; want %s", c.vnet, c.bits, got, ok, c.want)
		}
	}
}
