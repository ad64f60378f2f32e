package plan

import (
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure/naming"
)

// PrivateEndpoint is one managed service reached through the endpoints
// subnet. The subnet's size, the cost, the prod document's table, the
// diagrams and the Terraform endpoints all come from this one list.
type PrivateEndpoint struct {
	Service string // the component (or core service) it reaches
	// Key tells one component's endpoints apart; the planner sets it to
	// the subresource where the block leaves it empty. A component's
	// endpoints have distinct keys.
	Key string
	// Handle is what the endpoint is called, unique in the environment,
	// set by the planner: the component alone for its first endpoint (the
	// names every single-endpoint component has always had), the
	// component and the key for each further one. The Azure name and the
	// Terraform identifier are made from it.
	Handle      string
	Name        string // the private endpoint resource
	Title       string
	Subresource string // the private link group ID
	DNSZone     string
	// IPs is how many addresses of the endpoints subnet the endpoint takes
	// (its network interface has one IP configuration per FQDN the
	// service publishes: Cosmos DB one per region and one global, a
	// registry one for itself and one per region's data endpoint); 0
	// means 1. The block says where its count comes from.
	IPs int
	// Ports are what the cluster opens to the endpoint (the NSG rules).
	Ports []int
}

// Addresses is how many addresses of the endpoints subnet it takes.
func (p PrivateEndpoint) Addresses() int { return max(p.IPs, 1) }

// First reports whether it is its component's first endpoint, the one
// named after the component alone.
func (p PrivateEndpoint) First() bool { return p.Handle == p.Service }

// EndpointAddresses is how many addresses a list of private endpoints
// takes: what the endpoints subnet is sized for.
func EndpointAddresses(eps []PrivateEndpoint) int {
	n := 0
	for _, p := range eps {
		n += p.Addresses()
	}
	return n
}

// privateEndpoints lists what the environment reaches privately: each
// component's endpoints (Endpointed), in registration order. Service Bus
// offers private endpoints only on Premium. Two endpoints of one component
// with the same key would get one name: that is the block's mistake, and
// an error.
func (p *planner) privateEndpoints(e *Env, path, system string, r *renamer) []PrivateEndpoint {
	if !e.Settings.Network.PrivateEndpoints {
		return nil
	}
	var out []PrivateEndpoint
	handles := map[string]bool{}
	for _, c := range Facets[Endpointed](e) {
		eps := c.PrivateEndpoints()
		keys := map[string]bool{}
		for i := range eps {
			pe := &eps[i]
			if pe.Key == "" {
				pe.Key = pe.Subresource
			}
			pe.Handle = pe.Service
			if i > 0 {
				pe.Handle = pe.Service + "-" + pe.Key
			}
			if keys[pe.Key] || handles[pe.Handle] {
				p.fail(path+".network.privateEndpoints", "report this: the building block must give each of its endpoints a key of its own",
					"in %s, %s lists two private endpoints with the key %q", e.Name, pe.Service, pe.Key)
				continue
			}
			keys[pe.Key], handles[pe.Handle] = true, true
			pe.Name = r.use("private endpoint", naming.PrivateEndpoint("pe-"+strings.ReplaceAll(pe.Handle, "_", "-")+"-"+system+"-"+e.Name))
			out = append(out, *pe)
		}
	}
	return out
}
