package k8s

import (
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/plan"
)

// Internals the external tests read.
const (
	PatchFile  = patchFile
	LabelName  = labelName
	WIClientID = wiClientID
)

// EnvContext is an environment's overlay context.
type EnvContext = envContext

// NewEnvContext makes an overlay context.
func NewEnvContext(pl *plan.Plan, e *plan.Env) EnvContext { return newEnvContext(pl, e) }

func (c envContext) PolicyFor(name string) (networkingv1.NetworkPolicy, bool) {
	return c.policyFor(name)
}

// Context is the context components' manifests see.
func (c envContext) Context() Context { return Context{c: c} }

// NamespaceContext is the context of one namespace's overlay files.
func (c envContext) NamespaceContext(ns plan.Namespace) Context { return Context{c: c, ns: &ns} }

func (c envContext) ServiceAccount(sv plan.Service) corev1.ServiceAccount {
	return c.serviceAccount(sv)
}
func (c envContext) DeploymentPatch(sv plan.Service, w *plan.Workload) (appsv1.Deployment, error) {
	return c.deploymentPatch(sv, w)
}
func (c envContext) CronJobPatch(sv plan.Service, w *plan.Workload) (batchv1.CronJob, error) {
	return c.cronJobPatch(sv, w)
}

// HandMadeSecrets are the keys of the Secret the user creates.
func HandMadeSecrets(pl *plan.Plan, e *plan.Env, csi bool) []string {
	return envContext{pl: pl, e: e, csi: csi}.handMadeSecrets()
}

// Overlay renders one environment's overlay.
var Overlay = overlay

var XKustomization = kustomization
