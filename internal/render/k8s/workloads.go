package k8s

import (
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

// Annotation and label of AKS workload identity.
const (
	wiClientID = "azure.workload.identity/client-id"
	wiUse      = "azure.workload.identity/use"
)

// envContext is what every overlay object of one environment needs.
type envContext struct {
	pl       *plan.Plan
	e        *plan.Env
	csi      bool // secrets come from a store outside the cluster (SecretSynced)
	synced   SecretSynced
	env      *appenv.Builder
	services map[string]bool
	flowsOf  map[string][]plan.Flow // flows by each endpoint, in plan order
}

func newEnvContext(pl *plan.Plan, e *plan.Env) envContext {
	c := envContext{pl: pl, e: e, env: appenv.New(pl, e, appenv.ClusterHosts(e)),
		services: map[string]bool{}, flowsOf: map[string][]plan.Flow{}}
	if synced := plan.Facets[SecretSynced](e); len(synced) > 0 {
		c.synced, c.csi = synced[0], true
	}
	for _, sv := range pl.Services {
		c.services[sv.Name] = true
	}
	flows := append([]plan.Flow(nil), e.Flows...)
	for _, p := range plan.Facets[Policied](e) {
		flows = append(flows, p.ClusterFlows()...)
	}
	for _, f := range flows {
		c.flowsOf[f.From] = append(c.flowsOf[f.From], f)
		if f.To != f.From {
			c.flowsOf[f.To] = append(c.flowsOf[f.To], f)
		}
	}
	return c
}

func (c envContext) meta(name string, extra map[string]string) map[string]string {
	l := map[string]string{labelPartOf: c.pl.Name, labelManaged: "physarch", labelEnv: c.e.Name}
	if name != "" {
		l[labelName] = name
	}
	for k, v := range extra {
		l[k] = v
	}
	return l
}

// deploymentPatch is the strategic-merge patch that sizes and places a
// service's Deployment in one environment.
func (c envContext) deploymentPatch(sv plan.Service, w *plan.Workload) (appsv1.Deployment, error) {
	tmpl, err := c.podPatch(sv, w)
	if err != nil {
		return appsv1.Deployment{}, err
	}
	return appsv1.Deployment{
		TypeMeta:   typeMeta("apps/v1", "Deployment"),
		ObjectMeta: objectMeta(sv.Name, "", nil),
		// No replicas: the HPA owns the count (from the plan's minimum up),
		// and a static count would be reset by every apply.
		Spec: appsv1.DeploymentSpec{Template: tmpl},
	}, nil
}

// cronJobPatch is the strategic-merge patch that sizes and places the pod
// of a cronjob's runs, as deploymentPatch does a Deployment's. The
// schedule is repeated because the typed CronJob always writes it.
func (c envContext) cronJobPatch(sv plan.Service, w *plan.Workload) (batchv1.CronJob, error) {
	tmpl, err := c.podPatch(sv, w)
	if err != nil {
		return batchv1.CronJob{}, err
	}
	return batchv1.CronJob{
		TypeMeta:   typeMeta("batch/v1", "CronJob"),
		ObjectMeta: objectMeta(sv.Name, "", nil),
		Spec: batchv1.CronJobSpec{
			Schedule:    sv.CronJob.Schedule,
			JobTemplate: batchv1.JobTemplateSpec{Spec: batchv1.JobSpec{Template: tmpl}},
		},
	}, nil
}

// podPatch is the pod template part of a workload's patch: requests and
// limits, secrets, placement and the workload identity label.
func (c envContext) podPatch(sv plan.Service, w *plan.Workload) (corev1.PodTemplateSpec, error) {
	res, err := requirements(w)
	if err != nil {
		return corev1.PodTemplateSpec{}, err
	}
	_, secrets := c.env.For(sv)
	secret := c.secretOf(sv.Name)
	var env []corev1.EnvVar
	for _, s := range secrets {
		env = append(env, secretEnv(secret, s.Name, s.Key))
	}
	ctr := corev1.Container{Name: sv.Name, Resources: res, Env: env}
	pod := corev1.PodSpec{Containers: []corev1.Container{ctr}}
	c.place(&pod, sv.Name)
	if id := c.e.Identity(sv.Name); c.csi && id != nil && id.SecretClass != "" {
		// Mounting the store's volume is what makes it sync the
		// service's secrets into the Kubernetes Secret the env vars read.
		vol, mount := c.synced.SecretVolume(*id)
		pod.Containers[0].VolumeMounts = []corev1.VolumeMount{mount}
		pod.Volumes = []corev1.Volume{vol}
	}
	tmplLabels := map[string]string{}
	if c.identityOn(sv) {
		tmplLabels[wiUse] = "true"
	}
	meta := objectMeta("", "", nil)
	if w.Sidecar != nil {
		// The component that injects the sidecar selects the pod and
		// sizes its container as the plan counted it.
		for _, t := range plan.Facets[PodTuned](c.e) {
			labels, annotations := t.PodMeta(sv)
			for k, v := range labels {
				tmplLabels[k] = v
			}
			meta.Annotations = annotations
		}
	}
	meta.Labels = nilIfEmpty(tmplLabels)
	return corev1.PodTemplateSpec{ObjectMeta: meta, Spec: pod}, nil
}

// place puts pods on their pool (the apps pool, or the dedicated pool the
// service names), tolerates its taints (Spot, a dedicated pool's), and in
// a multi-zone pool spreads replicas over zones and nodes.
func (c envContext) place(pod *corev1.PodSpec, name string) {
	pool := c.e.Pool("apps")
	if w := c.e.Workload(name); w != nil && w.Pool != "" {
		pool = c.e.Pool(w.Pool)
	}
	if pool == nil {
		return
	}
	pod.NodeSelector = map[string]string{labelPool: pool.Name}
	for _, t := range pool.Taints {
		kv, effect, _ := strings.Cut(t, ":")
		k, v, _ := strings.Cut(kv, "=")
		pod.Tolerations = append(pod.Tolerations, corev1.Toleration{Key: k, Operator: corev1.TolerationOpEqual, Value: v, Effect: corev1.TaintEffect(effect)})
	}
	if len(pool.Zones) > 1 {
		pod.TopologySpreadConstraints = []corev1.TopologySpreadConstraint{{
			MaxSkew: 1, TopologyKey: labelZone, WhenUnsatisfiable: corev1.DoNotSchedule,
			LabelSelector: &metaSelector{MatchLabels: selector(name)},
		}}
		pod.Affinity = &corev1.Affinity{PodAntiAffinity: &corev1.PodAntiAffinity{
			PreferredDuringSchedulingIgnoredDuringExecution: []corev1.WeightedPodAffinityTerm{{
				Weight: 100,
				PodAffinityTerm: corev1.PodAffinityTerm{
					TopologyKey: labelHost, LabelSelector: &metaSelector{MatchLabels: selector(name)},
				},
			}},
		}}
	}
}

func nilIfEmpty(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return m
}

func (c envContext) serviceAccount(sv plan.Service) corev1.ServiceAccount {
	sa := corev1.ServiceAccount{
		TypeMeta:   typeMeta("v1", "ServiceAccount"),
		ObjectMeta: objectMeta(sv.Name, c.e.NamespaceOf(sv.Name), c.meta(sv.Name, nil)),
	}
	if c.identityOn(sv) {
		sa.Annotations = map[string]string{wiClientID: clientIDPlaceholder(sv.Name)}
	}
	return sa
}

// identityOn reports whether a service's pods run as its workload
// identity: to read secrets from the store (csi), or to reach a component
// that takes identities rather than keys (Identified).
func (c envContext) identityOn(sv plan.Service) bool {
	if c.csi {
		return true
	}
	for _, f := range plan.Facets[Identified](c.e) {
		if f.UsesIdentity(sv) {
			return true
		}
	}
	return false
}

func (c envContext) configMap(sv plan.Service) corev1.ConfigMap {
	vars, _ := c.env.For(sv)
	data := map[string]string{}
	for _, v := range vars {
		data[v.Name] = v.Value
	}
	return corev1.ConfigMap{
		TypeMeta:   typeMeta("v1", "ConfigMap"),
		ObjectMeta: objectMeta(sv.Name+"-config", c.e.NamespaceOf(sv.Name), c.meta(sv.Name, nil)),
		Data:       data,
	}
}

func (c envContext) hpa(w *plan.Workload) autoscalingv2.HorizontalPodAutoscaler {
	metric := func(r corev1.ResourceName, pct int) autoscalingv2.MetricSpec {
		return autoscalingv2.MetricSpec{Type: autoscalingv2.ResourceMetricSourceType, Resource: &autoscalingv2.ResourceMetricSource{
			Name: r, Target: autoscalingv2.MetricTarget{Type: autoscalingv2.UtilizationMetricType, AverageUtilization: ptr(int32(pct))},
		}}
	}
	metrics := []autoscalingv2.MetricSpec{metric(corev1.ResourceCPU, w.HPACPU)}
	if w.HPAMem > 0 {
		metrics = append(metrics, metric(corev1.ResourceMemory, w.HPAMem))
	}
	return autoscalingv2.HorizontalPodAutoscaler{
		TypeMeta:   typeMeta("autoscaling/v2", "HorizontalPodAutoscaler"),
		ObjectMeta: objectMeta(w.Name, c.e.NamespaceOf(w.Name), c.meta(w.Name, nil)),
		Spec: autoscalingv2.HorizontalPodAutoscalerSpec{
			ScaleTargetRef: autoscalingv2.CrossVersionObjectReference{APIVersion: "apps/v1", Kind: "Deployment", Name: w.Name},
			MinReplicas:    ptr(int32(w.Min)),
			MaxReplicas:    int32(w.Max),
			Metrics:        metrics,
		},
	}
}

func (c envContext) pdb(w *plan.Workload) policyv1.PodDisruptionBudget {
	p := policyv1.PodDisruptionBudget{
		TypeMeta:   typeMeta("policy/v1", "PodDisruptionBudget"),
		ObjectMeta: objectMeta(w.Name, c.e.NamespaceOf(w.Name), c.meta(w.Name, nil)),
		Spec:       policyv1.PodDisruptionBudgetSpec{Selector: &metaSelector{MatchLabels: selector(w.Name)}},
	}
	field, v := w.PDB()
	if field == "minAvailable" {
		p.Spec.MinAvailable = ptr(port(v))
	} else {
		p.Spec.MaxUnavailable = ptr(port(v))
	}
	return p
}

// placeholder marks a value only the deployment knows (a Terraform output);
// the README says where each comes from.
func placeholder(output string) string { return "SET-FROM-TERRAFORM-OUTPUT-" + output }

// clientIDPlaceholder is where a service's identity's client ID goes: its
// entry in the Terraform output map workload_identity_client_ids.
func clientIDPlaceholder(service string) string {
	return placeholder("workload_identity_client_ids." + service)
}

// secretOf is the Kubernetes Secret a service's settings read: its own,
// synced by its SecretProviderClass from the store that holds the secrets
// (SecretSynced), or the environment's, created by the user, where no
// store does.
func (c envContext) secretOf(service string) string {
	if id := c.e.Identity(service); c.csi && id != nil && id.SecretClass != "" {
		return id.SecretClass
	}
	return c.e.Names.SecretProvider
}

// secretEnv is an environment variable read from one key of a Secret: the
// manifests name secrets, never hold them.
func secretEnv(secret, name, key string) corev1.EnvVar {
	return corev1.EnvVar{Name: name, ValueFrom: &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{
		LocalObjectReference: corev1.LocalObjectReference{Name: secret}, Key: key,
	}}}
}
