package azuresql

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
)

// initJob is the Job that creates the dev pod's databases and users.
const initJob = Name + "-init"

// dataDir is where SQL Server keeps its data, logs and secrets.
const dataDir = "/var/opt/mssql"

func (c *Component) hasInitJob() bool { return c.Pod != nil && len(c.Databases) > 0 }

// podEnv is the SQL Server container's settings: the Developer edition
// (free outside production), the licence terms it asks to accept, the sa
// password and the system's collation.
func (c *Component) podEnv(x k8s.Context) []corev1.EnvVar {
	return []corev1.EnvVar{
		{Name: "ACCEPT_EULA", Value: "Y"}, {Name: "MSSQL_PID", Value: "Developer"},
		x.SecretEnv("MSSQL_SA_PASSWORD", AdminSecret), {Name: "MSSQL_COLLATION", Value: c.Collation},
	}
}

// Manifests implements k8s.Manifested: in dev the SQL Server pod on its
// managed disk (StatefulSet and headless Service) and the Job that
// creates one contained database and user per owning service.
func (c *Component) Manifests(x k8s.Context) ([]any, error) {
	if c.Pod == nil {
		return nil, nil
	}
	ready := `SQLCMDPASSWORD="$MSSQL_SA_PASSWORD" ` + sqlcmd + ` -S 127.0.0.1 -U sa -C -b -Q "SELECT 1" -o /dev/null`
	out, err := x.StatefulPod(c.Pod, k8s.Pod{
		DataDir: dataDir,
		Env:     c.podEnv(x),
		// Ready when it answers a query; alive while it listens.
		Readiness: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"sh", "-c", ready}}}, PeriodSeconds: 10, TimeoutSeconds: 10, InitialDelaySeconds: 20},
		Liveness:  &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: k8s.Port(Port)}}, PeriodSeconds: 20, FailureThreshold: 6, TimeoutSeconds: 5, InitialDelaySeconds: 30},
	})
	if err != nil || !c.hasInitJob() {
		return out, err
	}
	cm := corev1.ConfigMap{
		TypeMeta:   k8s.TypeMeta("v1", "ConfigMap"),
		ObjectMeta: x.ObjectMeta(initJob, x.Meta(initJob)),
		Data:       map[string]string{"init.sh": InitScript(c)},
	}
	env := []corev1.EnvVar{{Name: "SQLHOST", Value: Name}, x.SecretEnv("SQLCMDPASSWORD", AdminSecret)}
	for _, db := range c.Databases {
		env = append(env, x.SecretEnv(passwordEnv(db.Owner), db.Password))
	}
	job := x.Job(initJob, c.Image, []string{"/bin/sh", "/scripts/init.sh"}, env,
		[]corev1.VolumeMount{{Name: "scripts", MountPath: "/scripts", ReadOnly: true}},
		[]corev1.Volume{{Name: "scripts", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{
			LocalObjectReference: corev1.LocalObjectReference{Name: initJob},
		}}}})
	return append(out, cm, job), nil
}

// PolicyWorkloads implements k8s.Policied: the pod and the init Job get
// NetworkPolicies of their own.
func (c *Component) PolicyWorkloads() []string {
	switch {
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

// Peer implements k8s.Peered: the dev pod, or the logical server behind
// its private endpoint (anywhere, its public endpoint, without one).
func (c *Component) Peer(x k8s.Context) networkingv1.NetworkPolicyPeer {
	if c.Pod != nil {
		return k8s.PodPeer(Name)
	}
	return x.EndpointsPeer()
}

// PodSecrets implements k8s.PodSecreted: the pod's sa password and the
// owners' passwords the init Job sets.
func (c *Component) PodSecrets() []string {
	if c.Pod == nil {
		return nil
	}
	out := []string{AdminSecret}
	if c.hasInitJob() {
		for _, db := range c.Databases {
			out = append(out, db.Password)
		}
	}
	return out
}
