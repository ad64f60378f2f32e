package registry

import (
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is the container registry block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the environment's registry.
type Component struct {
	// Registry is its name: alphanumerics only, 5–50, globally unique.
	Registry string
	// SKU is its tier: Premium where private endpoints are used, Basic
	// otherwise.
	SKU string
	// ZoneRedundant is whether a Premium registry spans the zones.
	ZoneRedundant bool
	// Replica is the region a Premium registry is geo-replicated to: the
	// DR region of a standby (dr.mode standby-region), so the images are
	// still readable there when the home region is lost; "" otherwise.
	Replica string
	// ReplicaZones is how many zones the replica's region has.
	ReplicaZones int
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Plan implements plan.Kind: every environment pulls its images from a
// registry of its own.
func (Kind) Plan(c *plan.Context) plan.Component {
	e := c.Env
	r := &Component{
		Registry: c.Name("container registry", naming.ContainerRegistry("acr"+strings.ReplaceAll(c.Plan.Name, "-", "")+e.Name)),
		SKU:      "Basic",
	}
	if e.Settings.Network.PrivateEndpoints {
		r.SKU = "Premium"
		r.ZoneRedundant = len(e.Zones) > 1
		// Only a standby keeps a replica: geo-restore's twelve hours leave
		// time to push the images again, and its price stays the one
		// the examples record.
		if e.DR.Name == azure.DRStandbyRegion {
			r.Replica = e.Settings.DRRegion(e.Region)
			if reg, ok := azure.LookupRegion(r.Replica); ok {
				r.ReplicaZones = reg.Zones
			}
		}
	}
	return r
}

// Premium reports whether the registry is Premium, which alone offers
// private endpoints and zone redundancy.
func (c *Component) Premium() bool { return c.SKU == "Premium" }

// LoginServer is where images are pushed and pulled.
func (c *Component) LoginServer() string { return c.Registry + ".azurecr.io" }

// PrivateEndpoints implements plan.Endpointed. The endpoint takes two
// addresses, one for the registry and one for its data endpoint
// (<registry>.<region>.data.azurecr.io), and one more per geo-replica
// (Microsoft, "Connect privately to an Azure container registry using
// Azure Private Link", learn.microsoft.com/azure/container-registry/container-registry-private-link,
// "Get endpoint IP configuration"): the DR replica's.
func (c *Component) PrivateEndpoints() []plan.PrivateEndpoint {
	if !c.Premium() {
		return nil
	}
	return []plan.PrivateEndpoint{{Service: Name, Title: "Container Registry", Subresource: "registry", DNSZone: "privatelink.azurecr.io", IPs: c.endpointIPs(), Ports: []int{plan.PortHTTPS}}}
}

// endpointIPs is the private endpoint's addresses: the registry's, its
// data endpoint's, and one per geo-replica's data endpoint.
func (c *Component) endpointIPs() int {
	if c.Replica != "" {
		return 3
	}
	return 2
}
