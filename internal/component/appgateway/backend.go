package appgateway

import "github.com/physarch/physarch/internal/plan"

// Backend is the cluster's own ingress controller behind the gateway
// (ingress.behindGateway): a LoadBalancer Service on an internal load
// balancer whose address AKS assigns from the node subnet when the
// add-on creates the Service. Neither add-on lets the address be chosen
// (the Istio add-on reverts an address set on its gateway's Service), so
// Terraform cannot know it on the first apply: the gateway's pool takes
// it from the variable BackendVariable, and the documents print Command,
// which reads it from the cluster, and the apply that follows. The
// component implements it without importing this package's other parts.
type Backend interface {
	GatewayBackend() BackendService
}

// BackendService is the controller's Service as the gateway reaches it.
type BackendService struct {
	// Namespace and Service name the LoadBalancer Service; Port is the
	// port the gateway sends plain HTTP to (TLS ends at the gateway).
	Namespace, Service string
	Port               int
}

// BackendVariable is the Terraform variable with the controller's private
// address: empty on the first apply, when the pool is still empty.
const BackendVariable = "ingress_private_ip"

// backend is the controller behind the gateway, if any.
func backend(e *plan.Env) (BackendService, bool) {
	for _, b := range plan.Facets[Backend](e) {
		return b.GatewayBackend(), true
	}
	return BackendService{}, false
}

// Ref is the Service as documents name it: namespace/name, in a code span.
func (b BackendService) Ref() string { return "`" + b.Namespace + "/" + b.Service + "`" }

// AddressCommand is the command that prints the Service's private
// address, run where kubectl reaches the cluster (the jump host where
// the cluster is private).
func (b BackendService) AddressCommand() string {
	return "kubectl -n " + b.Namespace + " get service " + b.Service + " -o jsonpath='{.status.loadBalancer.ingress[0].ip}'"
}
