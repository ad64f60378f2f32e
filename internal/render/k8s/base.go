package k8s

import (
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// baseObjects are what a service is in every environment: its Service and
// the Deployment's shape (a worker: the Deployment only; a cronjob: its
// CronJob). Sizing, placement and secrets come from the environment
// overlays as patches.
func baseObjects(pl *plan.Plan, sv plan.Service) []any {
	labels := map[string]string{labelName: sv.Name, labelPartOf: pl.Name, labelManaged: "physarch"}
	switch sv.Kind {
	case spec.WorkloadCronJob:
		return []any{cronJob(sv, labels)}
	case spec.WorkloadWorker:
		return []any{deployment(sv, labels)}
	}
	svc := corev1.Service{
		TypeMeta:   typeMeta("v1", "Service"),
		ObjectMeta: objectMeta(sv.Name, "", labels),
		Spec: corev1.ServiceSpec{
			Type:     corev1.ServiceTypeClusterIP,
			Selector: selector(sv.Name),
			Ports:    []corev1.ServicePort{{Name: "http", Port: int32(sv.Port), TargetPort: port(sv.Port), Protocol: corev1.ProtocolTCP}},
		},
	}
	return []any{svc, deployment(sv, labels)}
}

// container is the service's container as every environment runs it.
func container(sv plan.Service) corev1.Container {
	c := corev1.Container{
		Name:  sv.Name,
		Image: sv.Image,
		// Always: the kubelet re-checks the tag, so a re-pushed tag cannot
		// run stale code on some nodes.
		ImagePullPolicy: corev1.PullAlways,
		Ports:           []corev1.ContainerPort{{Name: "http", ContainerPort: int32(sv.Port), Protocol: corev1.ProtocolTCP}},
		EnvFrom:         []corev1.EnvFromSource{{ConfigMapRef: &corev1.ConfigMapEnvSource{LocalObjectReference: corev1.LocalObjectReference{Name: sv.Name + "-config"}}}},
		SecurityContext: containerSecurity(),
		// The root filesystem is read-only; runtimes (the JVM, Python)
		// still need a scratch directory.
		VolumeMounts: []corev1.VolumeMount{{Name: "tmp", MountPath: "/tmp"}},
	}
	if sv.Health != "" {
		get := func() corev1.ProbeHandler {
			return corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: sv.Health, Port: port(sv.Port)}}
		}
		// Startup gives slow runtimes (the JVM) up to 5 minutes. Readiness
		// asks the health path and takes the pod out of the Service after
		// 2 misses in 10 s. Liveness only asks whether the port accepts
		// connections: a health path that checks dependencies would make
		// one database outage restart every pod.
		c.StartupProbe = &corev1.Probe{ProbeHandler: get(), PeriodSeconds: 10, FailureThreshold: 30, TimeoutSeconds: 3}
		c.ReadinessProbe = &corev1.Probe{ProbeHandler: get(), PeriodSeconds: 5, FailureThreshold: 2, TimeoutSeconds: 2}
		c.LivenessProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: port(sv.Port)}}, PeriodSeconds: 10, FailureThreshold: 3, TimeoutSeconds: 3}
	}
	return c
}

// podSpec is the pod every environment runs the service's container in.
func podSpec(sv plan.Service) corev1.PodSpec {
	return corev1.PodSpec{
		ServiceAccountName:            sv.Name,
		SecurityContext:               podSecurity(true),
		TerminationGracePeriodSeconds: ptr(int64(30)),
		Containers:                    []corev1.Container{container(sv)},
		// Bounded by the container's ephemeral-storage limit.
		Volumes: []corev1.Volume{{Name: "tmp", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}}},
	}
}

// deployment is a service's or a worker's Deployment; it sets no replica
// count, because its HPA (a worker's: KEDA's) owns it.
func deployment(sv plan.Service, labels map[string]string) appsv1.Deployment {
	return appsv1.Deployment{
		TypeMeta:   typeMeta("apps/v1", "Deployment"),
		ObjectMeta: objectMeta(sv.Name, "", labels),
		Spec: appsv1.DeploymentSpec{
			Selector:             &metaSelector{MatchLabels: selector(sv.Name)},
			RevisionHistoryLimit: ptr(int32(5)),
			Strategy: appsv1.DeploymentStrategy{
				Type: appsv1.RollingUpdateDeploymentStrategyType,
				RollingUpdate: &appsv1.RollingUpdateDeployment{
					MaxUnavailable: ptr(port(0)),
					MaxSurge:       ptr(port(1)),
				},
			},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: objectMeta("", "", labels),
				Spec:       podSpec(sv),
			},
		},
	}
}

// cronJob is a kind: cronjob's CronJob: its schedule and the Job each run
// starts, whose pod is the service's, without ports or probes (it runs to
// completion and serves nothing).
func cronJob(sv plan.Service, labels map[string]string) batchv1.CronJob {
	cj := sv.CronJob
	pod := podSpec(sv)
	pod.RestartPolicy = corev1.RestartPolicyOnFailure
	ctr := &pod.Containers[0]
	ctr.Ports, ctr.StartupProbe, ctr.ReadinessProbe, ctr.LivenessProbe = nil, nil, nil, nil
	out := batchv1.CronJob{
		TypeMeta:   typeMeta("batch/v1", "CronJob"),
		ObjectMeta: objectMeta(sv.Name, "", labels),
		Spec: batchv1.CronJobSpec{
			Schedule:                   cj.Schedule,
			ConcurrencyPolicy:          batchv1.ConcurrencyPolicy(cj.ConcurrencyPolicy),
			StartingDeadlineSeconds:    ptr(int64(cj.StartingDeadlineSeconds)),
			SuccessfulJobsHistoryLimit: ptr(int32(3)),
			FailedJobsHistoryLimit:     ptr(int32(1)),
			JobTemplate: batchv1.JobTemplateSpec{
				ObjectMeta: objectMeta("", "", labels),
				Spec: batchv1.JobSpec{
					Parallelism:           ptr(int32(cj.Parallelism)),
					Completions:           ptr(int32(cj.Completions)),
					BackoffLimit:          ptr(int32(cj.BackoffLimit)),
					ActiveDeadlineSeconds: ptr(int64(cj.ActiveDeadlineSeconds)),
					Template:              corev1.PodTemplateSpec{ObjectMeta: objectMeta("", "", labels), Spec: pod},
				},
			},
		},
	}
	if cj.TimeZone != "" {
		out.Spec.TimeZone = ptr(cj.TimeZone)
	}
	return out
}
