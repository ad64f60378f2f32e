package k8s

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/physarch/physarch/internal/plan"
)

// Facets a component offers the manifests. Each is optional.
type (
	// Manifested is a component with objects of its own in the
	// environment's overlay (a pod and its Service, an init Job).
	Manifested interface {
		Manifests(c Context) ([]any, error)
	}
	// Policied is a component whose own workloads get NetworkPolicies,
	// with the flows only the cluster sees (a Job reaching the database).
	Policied interface {
		PolicyWorkloads() []string
		ClusterFlows() []plan.Flow
	}
	// Peered is a component the workloads reach: who it is to a
	// NetworkPolicy (a pod of the namespace, or an address block).
	Peered interface {
		Peer(c Context) networkingv1.NetworkPolicyPeer
	}
	// PodSecreted is a component whose own pods read secrets from the
	// hand-made Secret even where Key Vault holds the services'.
	PodSecreted interface {
		PodSecrets() []string
	}
	// SecretSynced is a component that syncs each service's secrets from
	// a store outside the cluster into a Secret of the service's own
	// (WorkloadIdentity.SecretClass): Key Vault through the Secrets Store
	// CSI driver. Where one does, the services' pods run as their
	// workload identity and mount the volume it gives, and the hand-made
	// Secret keeps only what the components' own pods read (PodSecreted).
	SecretSynced interface {
		SecretVolume(id plan.WorkloadIdentity) (corev1.Volume, corev1.VolumeMount)
	}
	// IngressServed is the ingress controller (the component whose ID is
	// plan.IngressName, Peered for the services' policies): the class of
	// the Ingress it serves, and the host its rule answers ("" for any).
	IngressServed interface {
		IngressClass() string
		IngressHost() string
	}
	// IngressTuned is an ingress controller that needs more on each
	// Ingress than its class and host: annotations (the certificate it
	// serves, the HTTP→HTTPS redirect, the protocol to the pods), and one
	// exact path of its own, ProbePath, routed to ProbeService (a
	// service; "" for none), which the edge's health probe asks for.
	IngressTuned interface {
		IngressAnnotations() map[string]string
		IngressProbe() (path, service string)
	}
	// IngressSecured is an ingress controller whose Ingress carries TLS
	// of its own (the Secret a controller syncs a Key Vault certificate
	// into, for the host).
	IngressSecured interface {
		IngressTLS() []networkingv1.IngressTLS
	}
	// PodTuned is the component that injects a sidecar (plan.Sidecared)
	// into a service's pods: the labels that select the pod for injection
	// and the annotations that size the injected container.
	PodTuned interface {
		PodMeta(sv plan.Service) (labels, annotations map[string]string)
	}
	// Registered is the registry the services' images are pulled from:
	// the name each overlay rewrites a service's image to.
	Registered interface {
		ImageName(image string) string
	}
	// Filed is a component with objects in a file of its own in the
	// overlay (Key Vault's SecretProviderClasses), listed after the
	// Ingress; no objects, no file.
	Filed interface {
		OverlayFile(c Context) (name string, objs []any)
	}
	// Identified is a component the services reach as their Azure
	// workload identity (a storage account that takes no key): a service
	// it names runs its pods with the workload identity label and its
	// ServiceAccount carries its identity's client ID, whether or not a
	// secret store needs the identity too.
	Identified interface {
		UsesIdentity(sv plan.Service) bool
	}
	// KEDATriggered is a component a worker (kind worker) can be scaled
	// on: the KEDA trigger for the backlog sv consumes from it, or false
	// when sv consumes nothing of it. The map's TriggerType key is the
	// trigger's type (azure-servicebus, azure-eventhub); every other key
	// is a metadata field, written as given (the target, such as
	// messageCount, from sv.Worker.MessagesPerReplica). The core adds the
	// authentication: the worker's workload identity (podIdentity
	// provider azure-workload).
	KEDATriggered interface {
		KEDATrigger(sv plan.Service) (trigger map[string]string, ok bool)
	}
)

// TriggerType is the key of a KEDATrigger's map that holds the trigger's
// type rather than a metadata field.
const TriggerType = "type"

// Context is what a component's manifests read from the environment's
// overlay: names, labels, placement and the Secret its pods read.
type Context struct {
	c envContext
	// ns is the namespace an overlay file is written for (Filed); nil
	// for the environment's own namespace.
	ns *plan.Namespace
}

// Plan is the system's plan.
func (x Context) Plan() *plan.Plan { return x.c.pl }

// Env is the environment.
func (x Context) Env() *plan.Env { return x.c.e }

// Meta is the labels of one workload's objects.
func (x Context) Meta(name string) map[string]string { return x.c.meta(name, nil) }

// ObjectMeta names an object of the environment's namespace.
func (x Context) ObjectMeta(name string, labels map[string]string) metav1.ObjectMeta {
	return objectMeta(name, x.Namespace(), labels)
}

// Namespace is the namespace the objects being written go to: the one a
// Filed file is written for, else the environment's own.
func (x Context) Namespace() string {
	if x.ns != nil {
		return x.ns.Name
	}
	return x.c.e.Namespace
}

// SecretEnv is an environment variable read from one key of the Secret
// the environment's own pods read.
func (x Context) SecretEnv(name, key string) corev1.EnvVar {
	return secretEnv(x.c.e.Names.SecretProvider, name, key)
}

// Placeholder marks a value only the deployment knows: a Terraform output,
// which the README says how to set.
func Placeholder(output string) string { return placeholder(output) }

// ClientIDPlaceholder is where a service's identity's client ID goes.
func ClientIDPlaceholder(service string) string { return clientIDPlaceholder(service) }

// PodPeer is a workload of the namespace, by name.
func PodPeer(name string) networkingv1.NetworkPolicyPeer {
	return networkingv1.NetworkPolicyPeer{PodSelector: &metaSelector{MatchLabels: selector(name)}}
}

// NamespacePeer is every pod of another namespace, by name.
func NamespacePeer(ns string) networkingv1.NetworkPolicyPeer {
	return networkingv1.NetworkPolicyPeer{NamespaceSelector: &metaSelector{MatchLabels: map[string]string{labelNSName: ns}}}
}

// BlockPeer is an address block, such as a subnet.
func BlockPeer(cidr string) networkingv1.NetworkPolicyPeer {
	return networkingv1.NetworkPolicyPeer{IPBlock: &networkingv1.IPBlock{CIDR: cidr}}
}

// ServicePeer is where clients reach a managed service: its dev pod
// (pod names it; "" where none runs), else the service behind its private
// endpoint, else its public endpoint, wherever that is.
func (x Context) ServicePeer(pod string, endpoint bool) networkingv1.NetworkPolicyPeer {
	switch {
	case pod != "":
		return PodPeer(pod)
	case endpoint:
		return x.EndpointsPeer()
	}
	return BlockPeer(Anywhere)
}

// Anywhere is the address block of everything.
const Anywhere = anywhere

// TypeMeta is an object's API version and kind.
func TypeMeta(apiVersion, kind string) metav1.TypeMeta { return typeMeta(apiVersion, kind) }

// Port is a port as Kubernetes objects take it.
func Port(p int) intstr.IntOrString { return port(p) }

// Quantity parses a quantity the caller knows to be valid.
func Quantity(s string) resource.Quantity { return quantity(s) }

// EndpointsPeer is who a managed service reached through a private
// endpoint is: the endpoints subnet, or anywhere where the environment
// has none (the service's public endpoint).
func (x Context) EndpointsPeer() networkingv1.NetworkPolicyPeer {
	if s, ok := x.c.e.Network.Subnet("endpoints"); ok {
		return BlockPeer(s.CIDR)
	}
	return BlockPeer(anywhere)
}
