package cosmosdb

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
)

// mongoDataDir is where the mongo image keeps its data.
const mongoDataDir = "/data/db"

// wiredTigerGB is the mongo pod's cache: its memory request's share that
// WiredTiger may take, leaving the rest to connections and the OS (the
// image's default, half of the node's memory, ignores the pod's limit).
func (c *Component) wiredTigerGB() string {
	gib := float64(c.Pod.MemRequestMiB) / 1024 / 2
	if gib < 0.25 {
		gib = 0.25
	}
	return gb(gib)
}

// Manifests implements k8s.Manifested: in mode pod the mongo container
// (StatefulSet on a managed disk and its headless Service) standing in for
// the API for MongoDB, its root password from the account's secret. HOME
// points at the writable /tmp: the root filesystem is read-only and the
// image's init scripts run mongosh, which writes there.
func (c *Component) Manifests(x k8s.Context) ([]any, error) {
	if c.Pod == nil {
		return nil, nil
	}
	ping := []string{"mongosh", "--quiet", "--norc", "--eval", "db.adminCommand('ping').ok"}
	return x.StatefulPod(c.Pod, k8s.Pod{
		DataDir: mongoDataDir,
		Env: []corev1.EnvVar{
			{Name: "MONGO_INITDB_ROOT_USERNAME", Value: "root"},
			x.SecretEnv("MONGO_INITDB_ROOT_PASSWORD", Secret),
			{Name: "HOME", Value: "/tmp"},
		},
		Args: []string{"mongod", "--bind_ip_all", "--dbpath", mongoDataDir, "--wiredTigerCacheSizeGB", c.wiredTigerGB()},
		// Ready when it answers a ping; alive while it listens.
		Readiness: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: ping}}, PeriodSeconds: 10, TimeoutSeconds: 5},
		Liveness:  &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: k8s.Port(PortMongoPod)}}, PeriodSeconds: 20, FailureThreshold: 6, TimeoutSeconds: 5},
	})
}

// PolicyWorkloads implements k8s.Policied: the pod gets a NetworkPolicy.
func (c *Component) PolicyWorkloads() []string {
	if c.Pod == nil {
		return nil
	}
	return []string{Name}
}

// ClusterFlows implements k8s.Policied: none but the services'.
func (c *Component) ClusterFlows() []plan.Flow { return nil }

// Peer implements k8s.Peered: the pod, the account behind its private
// endpoint, or its public endpoint wherever that is.
func (c *Component) Peer(x k8s.Context) networkingv1.NetworkPolicyPeer {
	pod := ""
	if c.Pod != nil {
		pod = Name
	}
	return x.ServicePeer(pod, c.endpoint)
}

// PodSecrets implements k8s.PodSecreted: the pod's root password.
func (c *Component) PodSecrets() []string {
	if c.Pod == nil {
		return nil
	}
	return []string{Secret}
}
