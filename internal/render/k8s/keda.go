package k8s

import (
	"fmt"
	"sort"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/physarch/physarch/internal/plan"
)

// KEDA's resources (keda.sh/v1alpha1). Their Go types live in KEDA's own
// module, which would pull in KEDA and its scalers' SDKs; these few
// fields are all physarch writes, and the server-side dry run checks them
// against KEDA's real CRDs (testdata/keda-crds-v2.16.1.yaml).
type (
	// ScaledObject scales a Deployment on its triggers' metrics.
	ScaledObject struct {
		metav1.TypeMeta   `json:",inline"`
		metav1.ObjectMeta `json:"metadata"`
		Spec              ScaledObjectSpec `json:"spec"`
	}
	// ScaledObjectSpec is the part of the spec physarch fills.
	ScaledObjectSpec struct {
		ScaleTargetRef ScaleTarget `json:"scaleTargetRef"`
		// A pointer, so that 0 (scale to zero) is written, not dropped.
		MinReplicaCount *int32         `json:"minReplicaCount"`
		MaxReplicaCount int32          `json:"maxReplicaCount"`
		Triggers        []ScaleTrigger `json:"triggers"`
	}
	// ScaleTarget names the scaled Deployment.
	ScaleTarget struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
		Name       string `json:"name"`
	}
	// ScaleTrigger is one scaler and where it reads its metric.
	ScaleTrigger struct {
		Type              string            `json:"type"`
		Metadata          map[string]string `json:"metadata"`
		AuthenticationRef *AuthRef          `json:"authenticationRef,omitempty"`
	}
	// AuthRef names a TriggerAuthentication of the namespace.
	AuthRef struct {
		Name string `json:"name"`
	}
	// TriggerAuthentication says how a scaler authenticates.
	TriggerAuthentication struct {
		metav1.TypeMeta   `json:",inline"`
		metav1.ObjectMeta `json:"metadata"`
		Spec              TriggerAuthenticationSpec `json:"spec"`
	}
	// TriggerAuthenticationSpec authenticates with a workload identity.
	TriggerAuthenticationSpec struct {
		PodIdentity *PodIdentity `json:"podIdentity"`
	}
	// PodIdentity is the identity KEDA's operator uses: azure-workload is
	// AKS workload identity; IdentityID picks the worker's own identity,
	// which Terraform federates with KEDA's operator too.
	PodIdentity struct {
		Provider   string `json:"provider"`
		IdentityID string `json:"identityId,omitempty"`
	}
)

// kedaAPIVersion is the API version of KEDA's ScaledObject and
// TriggerAuthentication.
const kedaAPIVersion = "keda.sh/v1alpha1"

// kedaAuthName is a worker's TriggerAuthentication.
func kedaAuthName(worker string) string { return worker + "-keda" }

// kedaObjects are a worker's TriggerAuthentication and ScaledObject: KEDA
// scales its Deployment between the plan's bounds on the backlog of what
// it consumes, with the trigger the consumed component gives
// (KEDATriggered), authenticated as the worker's own identity.
func (c envContext) kedaObjects(sv plan.Service, w *plan.Workload) ([]any, error) {
	var triggers []ScaleTrigger
	for _, k := range plan.Facets[KEDATriggered](c.e) {
		t, ok := k.KEDATrigger(sv)
		if !ok {
			continue
		}
		meta := map[string]string{}
		for key, v := range t {
			if key != TriggerType {
				meta[key] = v
			}
		}
		if t[TriggerType] == "" {
			return nil, fmt.Errorf("worker %s: a KEDA trigger without a %q", sv.Name, TriggerType)
		}
		triggers = append(triggers, ScaleTrigger{Type: t[TriggerType], Metadata: meta, AuthenticationRef: &AuthRef{Name: kedaAuthName(sv.Name)}})
	}
	if len(triggers) == 0 {
		return nil, fmt.Errorf("worker %s: no building block it consumes (%v) offers a KEDA trigger", sv.Name, sv.Consumes)
	}
	sort.SliceStable(triggers, func(i, j int) bool { return triggers[i].Type < triggers[j].Type })
	auth := TriggerAuthentication{
		TypeMeta:   typeMeta(kedaAPIVersion, "TriggerAuthentication"),
		ObjectMeta: objectMeta(kedaAuthName(sv.Name), c.e.NamespaceOf(sv.Name), c.meta(sv.Name, nil)),
		Spec:       TriggerAuthenticationSpec{PodIdentity: &PodIdentity{Provider: "azure-workload", IdentityID: clientIDPlaceholder(sv.Name)}},
	}
	so := ScaledObject{
		TypeMeta:   typeMeta(kedaAPIVersion, "ScaledObject"),
		ObjectMeta: objectMeta(sv.Name, c.e.NamespaceOf(sv.Name), c.meta(sv.Name, nil)),
		Spec: ScaledObjectSpec{
			ScaleTargetRef:  ScaleTarget{APIVersion: "apps/v1", Kind: "Deployment", Name: sv.Name},
			MinReplicaCount: ptr(int32(w.Min)),
			MaxReplicaCount: int32(w.Max),
			Triggers:        triggers,
		},
	}
	return []any{auth, so}, nil
}
