package redis

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
)

// Manifests implements k8s.Manifested: in dev the pod (StatefulSet and
// headless Service) with the password, memory limit, eviction policy and
// persistence the environment asks for; with Azure Managed Redis's OSS
// clustering policy the NetworkPolicies that let the caching services
// reach the cache's node ports.
func (c *Component) Manifests(x k8s.Context) ([]any, error) {
	if c.OSS() {
		return c.nodePolicies(x), nil
	}
	if c.Pod == nil {
		return nil, nil
	}
	dataDir := "/data"
	args := []string{"--requirepass", "$(REDIS_PASSWORD)", "--dir", dataDir}
	if c.MaxMemory != "" {
		args = append(args, "--maxmemory", c.MaxMemory)
	}
	if c.Eviction != "" {
		args = append(args, "--maxmemory-policy", c.Eviction)
	}
	switch c.Persistence {
	case "aof":
		args = append(args, "--appendonly", "yes")
	case "rdb":
		args = append(args, "--save", "900 1", "--appendonly", "no")
	default:
		args = append(args, "--save", "", "--appendonly", "no")
	}
	ping := `redis-cli -a "$REDIS_PASSWORD" --no-auth-warning ping | grep -q PONG`
	return x.StatefulPod(c.Pod, k8s.Pod{
		DataDir: dataDir,
		Env:     []corev1.EnvVar{x.SecretEnv("REDIS_PASSWORD", Secret)},
		Args:    args,
		// Ready when it answers with the password; alive while it listens.
		Readiness: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"sh", "-c", ping}}}, PeriodSeconds: 10, TimeoutSeconds: 5},
		Liveness:  &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: k8s.Port(PortPlain)}}, PeriodSeconds: 20, FailureThreshold: 6},
	})
}

// nodePolicies allow each caching service egress to the node ports of an
// OSS-clustered cache, besides the endpoint port its own policy allows.
// The ports are listed one by one rather than as port..endPort: Azure
// Network Policy Manager ignores endPort and would open only the first
// (Azure/AKS issue 2857), and NetworkPolicies add up, so this policy only
// widens what the service's own allows.
func (c *Component) nodePolicies(x k8s.Context) []any {
	ports := make([]networkingv1.NetworkPolicyPort, 0, NodePortLast-NodePortFirst+1)
	tcp := corev1.ProtocolTCP
	for p := NodePortFirst; p <= NodePortLast; p++ {
		port := k8s.Port(p)
		ports = append(ports, networkingv1.NetworkPolicyPort{Protocol: &tcp, Port: &port})
	}
	var out []any
	for _, sv := range x.Plan().Services {
		if !sv.Cache {
			continue
		}
		out = append(out, networkingv1.NetworkPolicy{
			TypeMeta:   k8s.TypeMeta("networking.k8s.io/v1", "NetworkPolicy"),
			ObjectMeta: x.ObjectMeta("allow-"+sv.Name+"-redis-nodes", x.Meta(sv.Name)),
			Spec: networkingv1.NetworkPolicySpec{
				PodSelector: *k8s.PodPeer(sv.Name).PodSelector,
				PolicyTypes: []networkingv1.PolicyType{networkingv1.PolicyTypeEgress},
				Egress:      []networkingv1.NetworkPolicyEgressRule{{To: []networkingv1.NetworkPolicyPeer{c.Peer(x)}, Ports: ports}},
			},
		})
	}
	return out
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

// Peer implements k8s.Peered: the dev pod, or the managed cache behind
// its private endpoint.
func (c *Component) Peer(x k8s.Context) networkingv1.NetworkPolicyPeer {
	if c.Pod != nil {
		return k8s.PodPeer(Name)
	}
	return x.EndpointsPeer()
}

// PodSecrets implements k8s.PodSecreted: the pod's password.
func (c *Component) PodSecrets() []string {
	if c.Pod == nil {
		return nil
	}
	return []string{Secret}
}
