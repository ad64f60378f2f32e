package postgresql

import (
	"fmt"
	"strconv"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
	"github.com/physarch/physarch/internal/render/k8s"
)

// initJob is the Job that creates the owning services' roles (and, on
// the dev pod, their databases).
const initJob = Name + "-init"

func (c *Component) hasInitJob() bool {
	return len(c.Databases) > 0 && (c.Pod != nil || c.Flexible())
}

// Manifests implements k8s.Manifested: in dev the pod on its managed disk
// (StatefulSet and headless Service) and the Job that creates one role and
// one database per owning service; with Flexible Server the Job that
// creates the roles on the server (serverJob).
func (c *Component) Manifests(x k8s.Context) ([]any, error) {
	if c.Flexible() {
		return c.serverJob(x), nil
	}
	if c.Pod == nil {
		return nil, nil
	}
	dataDir := "/var/lib/postgresql/data"
	pod := k8s.Pod{
		DataDir: dataDir,
		Env:     []corev1.EnvVar{x.SecretEnv("POSTGRES_PASSWORD", AdminSecret), {Name: "PGDATA", Value: dataDir + "/pgdata"}},
		Args: []string{
			"-c", "max_connections=" + strconv.Itoa(c.MaxConnections),
			"-c", fmt.Sprintf("shared_buffers=%dMB", c.SharedBuffersMiB),
			"-c", fmt.Sprintf("effective_cache_size=%dMB", c.EffectiveCacheMiB),
		},
		Mounts:  []corev1.VolumeMount{{Name: "run", MountPath: "/var/run/postgresql"}},
		Volumes: []corev1.Volume{{Name: "run", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}}},
		// Ready when it accepts connections; alive while it listens.
		Readiness: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"pg_isready", "-U", "postgres", "-h", "127.0.0.1"}}}, PeriodSeconds: 10, TimeoutSeconds: 5},
		Liveness:  &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: k8s.Port(Port)}}, PeriodSeconds: 20, FailureThreshold: 6, TimeoutSeconds: 5},
	}
	out, err := x.StatefulPod(c.Pod, pod)
	if err != nil {
		return nil, err
	}
	if !c.hasInitJob() {
		return out, nil
	}
	cm := corev1.ConfigMap{
		TypeMeta:   k8s.TypeMeta("v1", "ConfigMap"),
		ObjectMeta: x.ObjectMeta(initJob, x.Meta(initJob)),
		Data:       map[string]string{"init.sh": InitScript(c.Databases)},
	}
	env := []corev1.EnvVar{{Name: "PGHOST", Value: Name}, x.SecretEnv("PGPASSWORD", AdminSecret)}
	for _, db := range c.Databases {
		env = append(env, x.SecretEnv(appenv.EnvName(db.Owner)+"_DB_PASSWORD", c.passwords[db.Owner]))
	}
	job := x.Job(initJob, "postgres:"+c.Version, []string{"/bin/sh", "/scripts/init.sh"}, env,
		[]corev1.VolumeMount{{Name: "scripts", MountPath: "/scripts", ReadOnly: true}},
		[]corev1.Volume{{Name: "scripts", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{
			LocalObjectReference: corev1.LocalObjectReference{Name: initJob},
		}}}})
	return append(out, cm, job), nil
}

// serverJob is the Job that signs in to Flexible Server as the
// administrator and creates each owning service's login role, owner of
// its database. Where a store holds the secrets it runs as its own
// workload identity and reads the administrator's and the owners'
// passwords as files from its own class, which syncs no Kubernetes
// Secret: no service's pod can mount the administrator password. Else it
// reads them from the hand-made Secret (PodSecrets). TLS is required, as
// the server requires it (require_secure_transport).
func (c *Component) serverJob(x k8s.Context) []any {
	if !c.hasInitJob() {
		return nil
	}
	env := []corev1.EnvVar{{Name: "PGHOST", Value: c.FQDN}, {Name: "PGUSER", Value: AdminLogin}, {Name: "PGDATABASE", Value: "postgres"}, {Name: "PGSSLMODE", Value: "require"}}
	mounts := []corev1.VolumeMount{{Name: "scripts", MountPath: "/scripts", ReadOnly: true}}
	volumes := []corev1.Volume{{Name: "scripts", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{
		LocalObjectReference: corev1.LocalObjectReference{Name: initJob},
	}}}}
	job := x.Job(initJob, "postgres:"+c.Version, []string{"/bin/sh", "/scripts/init.sh"}, env, mounts, volumes)
	var out []any
	dir := ""
	if id := x.Env().Identity(initJob); id != nil {
		if d, ok := x.RunAs(&job, *id); ok {
			dir = d
			out = append(out, x.JobServiceAccount(*id))
		}
	}
	if dir == "" {
		ctr := &job.Spec.Template.Spec.Containers[0]
		ctr.Env = append(ctr.Env, x.SecretEnv("PGPASSWORD", AdminSecret))
		for _, db := range c.Databases {
			ctr.Env = append(ctr.Env, x.SecretEnv(appenv.EnvName(db.Owner)+"_DB_PASSWORD", c.passwords[db.Owner]))
		}
	}
	cm := corev1.ConfigMap{
		TypeMeta:   k8s.TypeMeta("v1", "ConfigMap"),
		ObjectMeta: x.ObjectMeta(initJob, x.Meta(initJob)),
		Data:       map[string]string{"init.sh": ServerInitScript(c.Databases, c.passwords, dir)},
	}
	return append(out, cm, job)
}

// PolicyWorkloads implements k8s.Policied: the pod and the init Job get
// NetworkPolicies of their own.
func (c *Component) PolicyWorkloads() []string {
	switch {
	case c.hasInitJob() && c.Flexible():
		return []string{initJob}
	case c.hasInitJob():
		return []string{Name, initJob}
	case c.Pod != nil:
		return []string{Name}
	}
	return nil
}

// ClusterFlows implements k8s.Policied: the init Job reaches the pod.
func (c *Component) ClusterFlows() []plan.Flow {
	if !c.hasInitJob() {
		return nil
	}
	return []plan.Flow{{From: initJob, To: Name, Port: Port, Kind: "database"}}
}

// Peer implements k8s.Peered: the dev pod, or the delegated subnet.
func (c *Component) Peer(_ k8s.Context) networkingv1.NetworkPolicyPeer {
	if c.Pod != nil {
		return k8s.PodPeer(Name)
	}
	if c.Subnet.CIDR != "" {
		return k8s.BlockPeer(c.Subnet.CIDR)
	}
	return k8s.BlockPeer(k8s.Anywhere)
}

// PodSecrets implements k8s.PodSecreted: the pod's administrator password
// and the owners' passwords the init Job sets; for Flexible Server the
// same for its init Job, where no store holds them (with a store the Job
// reads its own class).
func (c *Component) PodSecrets() []string {
	if c.Flexible() && c.hasInitJob() && !c.store {
		return c.initSecrets()
	}
	if c.Pod == nil {
		return nil
	}
	out := []string{AdminSecret}
	if c.hasInitJob() {
		for _, db := range c.Databases {
			out = append(out, c.passwords[db.Owner])
		}
	}
	return out
}
