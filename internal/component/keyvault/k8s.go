package keyvault

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
)

// SecretProviderClass is the Secrets Store CSI driver's resource
// (secrets-store.csi.x-k8s.io/v1). Its Go types live in the driver's own
// module, which would pull in the driver; these few fields are all we
// write, and the server-side dry run checks them against the real CRD.
type SecretProviderClass struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              SecretProviderClassSpec `json:"spec"`
}

// SecretProviderClassSpec is the part of the spec physarch fills.
type SecretProviderClassSpec struct {
	Provider      string            `json:"provider"`
	Parameters    map[string]string `json:"parameters"`
	SecretObjects []SecretObject    `json:"secretObjects,omitempty"`
}

// SecretObject syncs mounted objects into a Kubernetes Secret.
type SecretObject struct {
	SecretName string             `json:"secretName"`
	Type       string             `json:"type"`
	Data       []SecretObjectData `json:"data"`
}

// SecretObjectData maps one Key Vault object to one Secret key.
type SecretObjectData struct {
	ObjectName string `json:"objectName"`
	Key        string `json:"key"`
}

// OverlayFile is where the classes go in each overlay.
const OverlayFile = "secret-provider-class.yaml"

// OverlayFile implements k8s.Filed: one SecretProviderClass per workload
// that reads secrets. It mounts exactly that workload's Key Vault secrets
// with that workload's identity and, for a service, syncs them into the
// service's own Secret; a component's Job (Mounted) reads the files only,
// so no Kubernetes Secret holds what it reads (an administrator
// password). No value is written anywhere.
func (c *Component) OverlayFile(x k8s.Context) (string, []any) {
	e := x.Env()
	var out []any
	for _, id := range e.Identities {
		if id.SecretClass == "" || e.NamespaceOf(id.Service) != x.Namespace() {
			continue // a class serves the pods of its own namespace only
		}
		var objects strings.Builder
		objects.WriteString("array:\n")
		var data []SecretObjectData
		for _, n := range id.Secrets {
			fmt.Fprintf(&objects, "  - |\n    objectName: %s\n    objectType: secret\n", n)
			data = append(data, SecretObjectData{ObjectName: n, Key: n})
		}
		spc := SecretProviderClass{
			TypeMeta:   k8s.TypeMeta("secrets-store.csi.x-k8s.io/v1", "SecretProviderClass"),
			ObjectMeta: x.ObjectMeta(id.SecretClass, x.Meta(id.Service)),
			Spec: SecretProviderClassSpec{
				Provider: "azure",
				Parameters: map[string]string{
					"usePodIdentity": "false",
					"clientID":       k8s.ClientIDPlaceholder(id.Service),
					"keyvaultName":   c.Vault,
					"tenantId":       k8s.Placeholder("tenant_id"),
					"objects":        objects.String(),
				},
			},
		}
		if !id.Mounted {
			spc.Spec.SecretObjects = []SecretObject{{SecretName: id.SecretClass, Type: "Opaque", Data: data}}
		}
		out = append(out, spc)
	}
	return OverlayFile, out
}

// SecretVolume implements k8s.SecretSynced: mounting the CSI volume is
// what makes the driver sync Key Vault into the Kubernetes Secret the
// service's settings read; the service's own class, with only its own
// secrets.
func (*Component) SecretVolume(id plan.WorkloadIdentity) (corev1.Volume, corev1.VolumeMount) {
	readOnly := true
	vol := corev1.Volume{Name: "secrets-store", VolumeSource: corev1.VolumeSource{CSI: &corev1.CSIVolumeSource{
		Driver: "secrets-store.csi.k8s.io", ReadOnly: &readOnly,
		VolumeAttributes: map[string]string{"secretProviderClass": id.SecretClass},
	}}}
	return vol, corev1.VolumeMount{Name: "secrets-store", MountPath: "/mnt/secrets-store", ReadOnly: true}
}
