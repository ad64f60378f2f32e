package k8s

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Label keys every object carries (the Kubernetes recommended labels).
const (
	labelName    = "app.kubernetes.io/name"
	labelPartOf  = "app.kubernetes.io/part-of"
	labelManaged = "app.kubernetes.io/managed-by"
	labelEnv     = "physarch.dev/environment"
	labelPool    = "kubernetes.azure.com/agentpool"
	labelZone    = "topology.kubernetes.io/zone"
	labelHost    = "kubernetes.io/hostname"
	labelNSName  = "kubernetes.io/metadata.name"
)

func typeMeta(apiVersion, kind string) metav1.TypeMeta {
	return metav1.TypeMeta{APIVersion: apiVersion, Kind: kind}
}

func objectMeta(name, namespace string, labels map[string]string) metav1.ObjectMeta {
	return metav1.ObjectMeta{Name: name, Namespace: namespace, Labels: labels}
}

func selector(name string) map[string]string { return map[string]string{labelName: name} }

func ptr[T any](v T) *T { return &v }

func port(p int) intstr.IntOrString { return intstr.FromInt32(int32(p)) }

type metaSelector = metav1.LabelSelector

// runAsUID is the one non-root UID every container runs as: the apps' images
// and the official postgres and redis images (which run as any UID) alike,
// so runAsNonRoot can be verified by the kubelet without reading the image.
const runAsUID = 10001

// containerSecurity is every container's context: non-root, read-only
// root filesystem, no privilege escalation, every capability dropped.
func containerSecurity() *corev1.SecurityContext {
	return &corev1.SecurityContext{
		RunAsNonRoot:             ptr(true),
		RunAsUser:                ptr(int64(runAsUID)),
		RunAsGroup:               ptr(int64(runAsUID)),
		ReadOnlyRootFilesystem:   ptr(true),
		AllowPrivilegeEscalation: ptr(false),
		Privileged:               ptr(false),
		Capabilities:             &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
	}
}

// podSecurity is every pod's context; fsGroup makes mounted volumes
// writable for runAsUID where the pod writes to them.
func podSecurity(fsGroup bool) *corev1.PodSecurityContext {
	p := &corev1.PodSecurityContext{
		RunAsNonRoot:   ptr(true),
		SeccompProfile: &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault},
	}
	if fsGroup {
		p.FSGroup = ptr(int64(runAsUID))
	}
	return p
}
