package k8s

import (
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
