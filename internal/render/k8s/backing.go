package k8s

import (
	"strconv"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/physarch/physarch/internal/plan"
)

// backingObjects are the components' own objects (dev's PostgreSQL pod
// and its init Job, the Redis pod).
func (c envContext) backingObjects() ([]any, error) {
	var out []any
	for _, m := range plan.Facets[Manifested](c.e) {
		objs, err := m.Manifests(Context{c: c})
		if err != nil {
			return nil, err
		}
		out = append(out, objs...)
	}
	return out, nil
}

// Pod is what a component's own pod runs besides the workload's sizing:
// its data directory, settings, arguments, probes and extra volumes.
type Pod struct {
	DataDir             string
	Env                 []corev1.EnvVar
	Args                []string
	Readiness, Liveness *corev1.Probe
	Mounts              []corev1.VolumeMount
	Volumes             []corev1.Volume
}

// StatefulPod is a component's one-replica StatefulSet on a managed disk
// (never hostPath) and its headless Service.
func (x Context) StatefulPod(b *plan.Workload, p Pod) ([]any, error) {
	c := x.c
	res, err := requirements(b)
	if err != nil {
		return nil, err
	}
	labels := c.meta(b.Name, nil)
	ctr := corev1.Container{
		Name: b.Name, Image: b.Image, ImagePullPolicy: corev1.PullAlways,
		Ports:           []corev1.ContainerPort{{Name: b.Name, ContainerPort: int32(b.Port), Protocol: corev1.ProtocolTCP}},
		Resources:       res,
		SecurityContext: containerSecurity(),
		VolumeMounts:    append([]corev1.VolumeMount{{Name: "tmp", MountPath: "/tmp"}}, p.Mounts...),
		Env:             p.Env,
		Args:            p.Args,
		ReadinessProbe:  p.Readiness,
		LivenessProbe:   p.Liveness,
	}
	volumes := append([]corev1.Volume{{Name: "tmp", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}}}, p.Volumes...)
	ss := appsv1.StatefulSet{
		TypeMeta:   typeMeta("apps/v1", "StatefulSet"),
		ObjectMeta: objectMeta(b.Name, c.e.Namespace, labels),
		Spec: appsv1.StatefulSetSpec{
			Replicas:    ptr(int32(b.Min)),
			ServiceName: b.Name,
			Selector:    &metaSelector{MatchLabels: selector(b.Name)},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: objectMeta("", "", labels),
				Spec: corev1.PodSpec{
					AutomountServiceAccountToken: ptr(false),
					SecurityContext:              podSecurity(true),
					Containers:                   []corev1.Container{ctr},
					Volumes:                      volumes,
				},
			},
		},
	}
	c.place(&ss.Spec.Template.Spec, b.Name)
	ss.Spec.Template.Spec.Containers[0].VolumeMounts = append(ss.Spec.Template.Spec.Containers[0].VolumeMounts, corev1.VolumeMount{Name: "data", MountPath: p.DataDir})
	if b.StorageGB > 0 {
		// A managed-disk StorageClass, never hostPath: the data outlives
		// the node.
		ss.Spec.VolumeClaimTemplates = []corev1.PersistentVolumeClaim{{
			ObjectMeta: objectMeta("data", "", nil),
			Spec: corev1.PersistentVolumeClaimSpec{
				AccessModes:      []corev1.PersistentVolumeAccessMode{corev1.ReadWriteOnce},
				StorageClassName: ptr(b.StorageClass),
				Resources:        corev1.VolumeResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceStorage: quantity(strconv.Itoa(b.StorageGB) + "Gi")}},
			},
		}}
	} else {
		ss.Spec.Template.Spec.Volumes = append(ss.Spec.Template.Spec.Volumes, corev1.Volume{Name: "data", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}})
	}
	svc := corev1.Service{
		TypeMeta:   typeMeta("v1", "Service"),
		ObjectMeta: objectMeta(b.Name, c.e.Namespace, labels),
		// Headless: the StatefulSet's governing Service, and the one pod's
		// address is all a client needs.
		Spec: corev1.ServiceSpec{
			ClusterIP: corev1.ClusterIPNone,
			Selector:  selector(b.Name),
			Ports:     []corev1.ServicePort{{Name: b.Name, Port: int32(b.Port), TargetPort: port(b.Port), Protocol: corev1.ProtocolTCP}},
		},
	}
	return []any{svc, ss}, nil
}

// Job is a component's one-off Job in the environment, placed like the
// workloads, with the small fixed sizing a script needs.
func (x Context) Job(name, image string, command []string, env []corev1.EnvVar, mounts []corev1.VolumeMount, volumes []corev1.Volume) batchv1.Job {
	c := x.c
	labels := c.meta(name, nil)
	job := batchv1.Job{
		TypeMeta:   typeMeta("batch/v1", "Job"),
		ObjectMeta: objectMeta(name, c.e.Namespace, labels),
		Spec: batchv1.JobSpec{
			BackoffLimit:            ptr(int32(10)),
			TTLSecondsAfterFinished: ptr(int32(3600)),
			Template: corev1.PodTemplateSpec{
				ObjectMeta: objectMeta("", "", labels),
				Spec: corev1.PodSpec{
					RestartPolicy:                corev1.RestartPolicyOnFailure,
					AutomountServiceAccountToken: ptr(false),
					SecurityContext:              podSecurity(false),
					Containers: []corev1.Container{{
						Name: "init", Image: image, ImagePullPolicy: corev1.PullAlways,
						Command: command,
						Env:     env,
						Resources: corev1.ResourceRequirements{
							Requests: corev1.ResourceList{corev1.ResourceCPU: quantity(plan.JobCPURequest), corev1.ResourceMemory: quantity(plan.JobMemRequest), corev1.ResourceEphemeralStorage: quantity("64Mi")},
							Limits:   corev1.ResourceList{corev1.ResourceCPU: quantity(plan.JobCPULimit), corev1.ResourceMemory: quantity(plan.JobMemLimit), corev1.ResourceEphemeralStorage: quantity("128Mi")},
						},
						SecurityContext: containerSecurity(),
						VolumeMounts:    mounts,
					}},
					Volumes: volumes,
				},
			},
		},
	}
	c.place(&job.Spec.Template.Spec, name)
	return job
}

// JobServiceAccount is the ServiceAccount a component's Job runs as, with
// its own identity's client ID (Terraform's workload_identity_client_ids).
func (x Context) JobServiceAccount(id plan.WorkloadIdentity) corev1.ServiceAccount {
	c := x.c
	sa := corev1.ServiceAccount{
		TypeMeta:   typeMeta("v1", "ServiceAccount"),
		ObjectMeta: objectMeta(id.ServiceAccount, c.e.Namespace, c.meta(id.Service, nil)),
	}
	sa.Annotations = map[string]string{wiClientID: clientIDPlaceholder(id.Service)}
	return sa
}

// RunAs makes a component's Job run as its own workload identity (its
// ServiceAccount, the workload identity label) and mount its own class of
// the secret store (SecretSynced), read-only. It returns the directory the
// secrets appear in as files, one per secret, or false where no store
// syncs the environment's secrets (the Job then reads the hand-made
// Secret).
func (x Context) RunAs(job *batchv1.Job, id plan.WorkloadIdentity) (dir string, ok bool) {
	c := x.c
	if !c.csi || id.SecretClass == "" {
		return "", false
	}
	spec := &job.Spec.Template.Spec
	spec.ServiceAccountName = id.ServiceAccount
	// A copy: the Job and its pod template share one label map.
	labels := map[string]string{wiUse: "true"}
	for k, v := range job.Spec.Template.Labels {
		labels[k] = v
	}
	job.Spec.Template.Labels = labels
	vol, mount := c.synced.SecretVolume(id)
	spec.Volumes = append(spec.Volumes, vol)
	spec.Containers[0].VolumeMounts = append(spec.Containers[0].VolumeMounts, mount)
	return mount.MountPath, true
}
