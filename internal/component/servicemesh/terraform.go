package servicemesh

import "github.com/physarch/physarch/internal/render/terraform"

// Cluster implements terraform.ClusterAddon: the Istio-based service mesh
// add-on with the one revision, and the ingress gateway the environment's
// controller is, if it is the mesh's (internal behind the Application
// Gateway, else external); none where another controller is the way in.
func (x *Component) Cluster(b terraform.Block) {
	m := b.Child("service_mesh_profile")
	m.Set("mode", "Istio")
	m.Set("revisions", []string{x.Revision})
	m.Set("internal_ingress_gateway_enabled", x.Gateway == Internal)
	m.Set("external_ingress_gateway_enabled", x.Gateway == External)
}
