package plan

import "github.com/physarch/physarch/internal/catalog/azure/naming"

// PrivateEndpoint is one managed service reached through the endpoints
// subnet. The subnet's size, the cost, the prod document's table and the
// Terraform endpoints all come from this one list.
type PrivateEndpoint struct {
	Service     string // the component (or core service) it reaches
	Name        string // the private endpoint resource
	Title       string
	Subresource string // the private link group ID
	DNSZone     string
	// Ports are what the cluster opens to the endpoint (the NSG rules).
	Ports []int
}

// privateEndpoints lists what the environment reaches privately: each
// component's endpoints (Endpointed), in registration order. Service Bus
// offers private endpoints only on Premium.
func privateEndpoints(e *Env, system string, r *renamer) []PrivateEndpoint {
	if !e.Settings.Network.PrivateEndpoints {
		return nil
	}
	var out []PrivateEndpoint
	for _, c := range Facets[Endpointed](e) {
		out = append(out, c.PrivateEndpoints()...)
	}
	for i := range out {
		out[i].Name = r.use("private endpoint", naming.PrivateEndpoint("pe-"+out[i].Service+"-"+system+"-"+e.Name))
	}
	return out
}
