package servicemesh

import (
	"strconv"

	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
)

// Istio's pod label and annotations (Istio, "Resource Annotations" and
// "Installing the sidecar": the revision label selects the pod for the
// revision's injection webhook; the proxy annotations size the injected
// container).
const (
	labelRevision        = "istio.io/rev"
	annotationCPU        = "sidecar.istio.io/proxyCPU"
	annotationMemory     = "sidecar.istio.io/proxyMemory"
	annotationCPULimit   = "sidecar.istio.io/proxyCPULimit"
	annotationMemLimit   = "sidecar.istio.io/proxyMemoryLimit"
	peerAuthAPIVersion   = "security.istio.io/v1"
	overlayFile          = "mesh.yaml"
	namespacePolicy      = "default"
	mtlsStrict           = "STRICT"
	mtlsPermissive       = "PERMISSIVE"
	labelName            = "app.kubernetes.io/name"
	permissiveNameSuffix = "-ingress"
)

// PeerAuthentication is Istio's mutual TLS policy
// (security.istio.io/v1); these few fields are all we write, and the
// server-side dry run checks them against Istio's CRD.
type PeerAuthentication struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              PeerAuthenticationSpec `json:"spec"`
}

// PeerAuthenticationSpec is the part of the spec physarch fills.
type PeerAuthenticationSpec struct {
	Selector      *WorkloadSelector `json:"selector,omitempty"`
	MTLS          MTLS              `json:"mtls"`
	PortLevelMTLS map[string]MTLS   `json:"portLevelMtls,omitempty"`
}

// WorkloadSelector selects pods by label.
type WorkloadSelector struct {
	MatchLabels map[string]string `json:"matchLabels"`
}

// MTLS is a mode: STRICT or PERMISSIVE.
type MTLS struct {
	Mode string `json:"mode"`
}

// PodMeta implements k8s.PodTuned: the revision label that has the
// add-on inject the pod, and the sidecar's size as the plan counted it.
func (x *Component) PodMeta(_ plan.Service) (labels, annotations map[string]string) {
	return map[string]string{labelRevision: x.Revision}, map[string]string{
		annotationCPU: x.cpu(), annotationMemory: x.mem(), annotationCPULimit: x.cpuLimit(), annotationMemLimit: x.memLimit(),
	}
}

// OverlayFile implements k8s.Filed: STRICT mutual TLS for the whole
// namespace, and for each routed service of the namespace its own port
// PERMISSIVE: the ingress controller (and API Management) reach it from
// outside the mesh, in plain HTTP inside the VNet.
func (x *Component) OverlayFile(c k8s.Context) (string, []any) {
	e := c.Env()
	objs := []any{PeerAuthentication{
		TypeMeta:   k8s.TypeMeta(peerAuthAPIVersion, "PeerAuthentication"),
		ObjectMeta: c.ObjectMeta(namespacePolicy, c.Meta("")),
		Spec:       PeerAuthenticationSpec{MTLS: MTLS{Mode: mtlsStrict}},
	}}
	for _, sv := range x.Routed {
		if e.NamespaceOf(sv.Name) != c.Namespace() {
			continue
		}
		objs = append(objs, PeerAuthentication{
			TypeMeta:   k8s.TypeMeta(peerAuthAPIVersion, "PeerAuthentication"),
			ObjectMeta: c.ObjectMeta(sv.Name+permissiveNameSuffix, c.Meta(sv.Name)),
			Spec: PeerAuthenticationSpec{
				Selector:      &WorkloadSelector{MatchLabels: map[string]string{labelName: sv.Name}},
				MTLS:          MTLS{Mode: mtlsStrict},
				PortLevelMTLS: map[string]MTLS{strconv.Itoa(sv.Port): {Mode: mtlsPermissive}},
			},
		})
	}
	return overlayFile, objs
}

// PolicyWorkloads implements k8s.Policied: the mesh runs no workload of
// its own in the environment's namespaces.
func (*Component) PolicyWorkloads() []string { return nil }

// ClusterFlows implements k8s.Policied: each meshed service's sidecar
// fetches its configuration and certificates from istiod.
func (x *Component) ClusterFlows() []plan.Flow {
	var out []plan.Flow
	for _, sv := range x.Meshed {
		out = append(out, plan.Flow{From: sv.Name, To: Name, Port: XDSPort, Proto: "TCP", Kind: "mesh"})
	}
	return out
}

// Peer implements k8s.Peered: istiod, in the add-on's namespace.
func (*Component) Peer(_ k8s.Context) networkingv1.NetworkPolicyPeer {
	return k8s.NamespacePeer(ControlPlaneNamespace)
}
