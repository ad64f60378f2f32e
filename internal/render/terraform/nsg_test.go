package terraform_test

import (
	"testing"

	"github.com/physarch/physarch/internal/render/terraform"
	"github.com/physarch/physarch/internal/testplan"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestNSGsEnforcedAndClosed: every NSG in Terraform ends with the plan's
// DenyVnetInBound (every protocol, every port), and the endpoints subnet
// lets its NSG judge the private endpoints' traffic, which Azure skips
// unless private_endpoint_network_policies says otherwise.
func TestNSGsEnforcedAndClosed(t *testing.T) {
	pl := testplan.Example(t, "kt-event-marketing")
	files, err := terraform.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	rs := readback.TerraformOf(t, files, "prod")
	nsgs := readback.Find(rs, "azurerm_network_security_group")
	if len(nsgs) == 0 {
		t.Fatal("no NSG")
	}
	for _, n := range nsgs {
		closed := false
		for _, r := range n.Blocks["security_rule"] {
			closed = closed || (r.Attrs["name"] == "DenyVnetInBound" && r.Attrs["access"] == "Deny" && r.Attrs["protocol"] == "*" &&
				r.Attrs["destination_port_range"] == "*" && r.Attrs["source_address_prefix"] == "VirtualNetwork" && r.Attrs["priority"] == "4096")
		}
		if !closed {
			t.Errorf("NSG %s has no DenyVnetInBound", n.Attrs["name"])
		}
	}
	for _, s := range readback.Find(rs, "azurerm_subnet") {
		if s.Name == "endpoints" && s.Attrs["private_endpoint_network_policies"] != "NetworkSecurityGroupEnabled" {
			t.Errorf("the endpoints subnet does not apply its NSG to the private endpoints: %v", s.Attrs)
		}
	}
}
