package plan_test

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/plan"
)

// droneDelivery is the prod environment of the example with every kind of
// endpoint that takes more than one address, with prodExtra appended to
// its prod environment (the spec's last lines).
func droneDelivery(t *testing.T, prodExtra string) *plan.Env {
	t.Helper()
	_, data, err := examples.Spec("drone-delivery")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range mustPlan(t, string(data)+prodExtra).Envs {
		if e.Name == "prod" {
			return e
		}
	}
	t.Fatal("drone-delivery has no prod")
	return nil
}

// TestEndpointsSubnetCountsEveryAddress: the endpoints subnet holds the
// addresses the endpoints take, not one per endpoint: a Cosmos DB
// endpoint takes one per region and one global, a registry's one for
// itself and one for its data endpoint. Before the fix the subnet needed
// one address per endpoint and a five-region account did not fit.
func TestEndpointsSubnetCountsEveryAddress(t *testing.T) {
	cases := []struct {
		name, extra string
		// want is each endpoint's addresses, by handle.
		want  map[string]int
		total int
		bits  int // the subnet's prefix length
	}{
		{"single-region Cosmos DB", "", map[string]int{
			"cosmosdb": 2, "redis": 1, "blobstorage": 1, "blobstorage-blob_secondary": 1,
			"servicebus": 1, "eventhubs": 1, "keyvault": 1, "registry": 2}, 10, 28},
		{"Cosmos DB in five regions", "    cosmosDB:\n      readRegions: [japaneast, southeastasia, eastasia, westeurope]\n", map[string]int{
			"cosmosdb": 6, "redis": 1, "blobstorage": 1, "blobstorage-blob_secondary": 1,
			"servicebus": 1, "eventhubs": 1, "keyvault": 1, "registry": 2}, 14, 27},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := droneDelivery(t, c.extra)
			got := map[string]int{}
			for _, p := range e.PrivateEndpoints {
				got[p.Handle] = p.Addresses()
			}
			if len(got) != len(c.want) {
				t.Errorf("endpoints %v, want %v", got, c.want)
			}
			for h, n := range c.want {
				if got[h] != n {
					t.Errorf("%s takes %d addresses, want %d", h, got[h], n)
				}
			}
			sn, ok := e.Network.Subnet("endpoints")
			if !ok {
				t.Fatal("no endpoints subnet")
			}
			if sn.Required != c.total || plan.EndpointAddresses(e.PrivateEndpoints) != c.total {
				t.Errorf("subnet needs %d addresses (sum %d), want %d", sn.Required, plan.EndpointAddresses(e.PrivateEndpoints), c.total)
			}
			pfx := netip.MustParsePrefix(sn.CIDR)
			if pfx.Bits() != c.bits || sn.Usable < sn.Required {
				t.Errorf("subnet %s (%d usable) for %d addresses, want a /%d", sn.CIDR, sn.Usable, sn.Required, c.bits)
			}
		})
	}
}

// TestEndpointHandles: a component's first endpoint keeps the names it
// always had (pe-<component>-<system>-<env>); a further one adds its key,
// so two endpoints of one component never share a name.
func TestEndpointHandles(t *testing.T) {
	e := droneDelivery(t, "")
	names := map[string]string{}
	for _, p := range e.PrivateEndpoints {
		if prev, dup := names[p.Name]; dup {
			t.Errorf("%s and %s are both named %s", prev, p.Handle, p.Name)
		}
		names[p.Name] = p.Handle
		if p.Key == "" {
			t.Errorf("%s has no key; the subresource is the default", p.Handle)
		}
	}
	want := map[string]string{
		"pe-blobstorage-drone-delivery-prod":                "blobstorage",
		"pe-blobstorage-blob-secondary-drone-delivery-prod": "blobstorage-blob_secondary",
		"pe-cosmosdb-drone-delivery-prod":                   "cosmosdb",
		"pe-registry-drone-delivery-prod":                   "registry",
	}
	for n, h := range want {
		if names[n] != h {
			t.Errorf("%s is %q, want the endpoint %s", n, names[n], h)
		}
	}
	for _, p := range e.PrivateEndpoints {
		if p.First() != !strings.Contains(p.Handle, "-") {
			t.Errorf("%s: First() = %v", p.Handle, p.First())
		}
	}
}
