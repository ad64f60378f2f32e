package blobstorage

import (
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
)

// initJob is the Job that creates the containers in Azurite.
const initJob = Name + "-init"

// azuriteArgs run the emulator's blob service on all addresses, its data
// on the managed disk, accepting the API versions newer SDKs send and
// sending no telemetry (Azurite 3.34+ collects it unless told not to).
func azuriteArgs(dataDir string) []string {
	return []string{"azurite", "--blobHost", "0.0.0.0", "--blobPort", "10000", "--location", dataDir, "--skipApiVersionCheck", "--disableTelemetry"}
}

// answers is a shell test that Azurite's blob endpoint answers HTTP: any
// status line will do (anonymous requests are refused, which proves the
// server is serving). busybox wget is in the image (Alpine).
const answers = "wget -q -S -O /dev/null http://127.0.0.1:10000/ 2>&1 | grep -q 'HTTP/'"

// azuriteAccounts is Azurite's AZURITE_ACCOUNTS: the one account, named as
// the managed account is, with the key from keyRef (a Kubernetes $(VAR)
// or a compose interpolation).
func (c *Component) azuriteAccounts(keyRef string) string { return c.Account + ":" + keyRef }

func (c *Component) hasInitJob() bool { return c.Pod != nil && len(c.Containers) > 0 }

// Manifests implements k8s.Manifested: in dev Azurite on its managed disk
// (StatefulSet and headless Service) and the Job that creates the
// containers in it.
func (c *Component) Manifests(x k8s.Context) ([]any, error) {
	if c.Pod == nil {
		return nil, nil
	}
	dataDir := "/data"
	out, err := x.StatefulPod(c.Pod, k8s.Pod{
		DataDir: dataDir,
		Env:     []corev1.EnvVar{x.SecretEnv("AZURITE_KEY", Secret), {Name: "AZURITE_ACCOUNTS", Value: c.azuriteAccounts("$(AZURITE_KEY)")}},
		Args:    azuriteArgs(dataDir),
		// Azurite has no unauthenticated health endpoint: ready when its
		// blob endpoint answers HTTP, alive while the port listens.
		Readiness: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"sh", "-c", answers}}}, PeriodSeconds: 10, TimeoutSeconds: 5},
		Liveness:  &corev1.Probe{ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: k8s.Port(PortAzurite)}}, PeriodSeconds: 20, FailureThreshold: 6, TimeoutSeconds: 5},
	})
	if err != nil {
		return nil, err
	}
	if !c.hasInitJob() {
		return out, nil
	}
	cm := corev1.ConfigMap{
		TypeMeta:   k8s.TypeMeta("v1", "ConfigMap"),
		ObjectMeta: x.ObjectMeta(initJob, x.Meta(initJob)),
		Data:       map[string]string{"init.sh": InitScript(c.Account, c.Containers)},
	}
	// The Azure CLI keeps its configuration and logs under its config
	// directory; the root filesystem is read-only, so it goes to /tmp.
	env := []corev1.EnvVar{x.SecretEnv("AZURE_STORAGE_ACCOUNT_KEY", Secret), {Name: "HOME", Value: "/tmp"},
		{Name: "AZURE_CONFIG_DIR", Value: "/tmp/.azure"}, {Name: "AZURE_CORE_COLLECT_TELEMETRY", Value: "false"}}
	job := x.Job(initJob, AzureCLIImage, []string{"/bin/sh", "/scripts/init.sh"}, env,
		[]corev1.VolumeMount{{Name: "scripts", MountPath: "/scripts", ReadOnly: true}, {Name: "tmp", MountPath: "/tmp"}},
		[]corev1.Volume{
			{Name: "scripts", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{LocalObjectReference: corev1.LocalObjectReference{Name: initJob}}}},
			{Name: "tmp", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}},
		})
	// The Azure CLI is a Python program that needs more memory than the
	// small shell scripts Jobs are sized for.
	res := &job.Spec.Template.Spec.Containers[0].Resources
	res.Requests[corev1.ResourceMemory] = k8s.Quantity("256Mi")
	res.Limits[corev1.ResourceMemory] = k8s.Quantity("512Mi")
	res.Limits[corev1.ResourceCPU] = k8s.Quantity("500m")
	return append(out, cm, job), nil
}

// PolicyWorkloads implements k8s.Policied: Azurite and the init Job get
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

// ClusterFlows implements k8s.Policied: the init Job reaches Azurite.
func (c *Component) ClusterFlows() []plan.Flow {
	if !c.hasInitJob() {
		return nil
	}
	return []plan.Flow{{From: initJob, To: Name, Port: PortAzurite, Proto: "HTTP", Kind: "storage"}}
}

// Peer implements k8s.Peered: the dev pod, the account behind its private
// endpoint, or its public endpoint wherever that is.
func (c *Component) Peer(x k8s.Context) networkingv1.NetworkPolicyPeer {
	pod := ""
	if c.Pod != nil {
		pod = Name
	}
	return x.ServicePeer(pod, c.endpoint)
}

// PodSecrets implements k8s.PodSecreted: Azurite's key, which the pod and
// the init Job read.
func (c *Component) PodSecrets() []string {
	if c.Pod == nil {
		return nil
	}
	return []string{Secret}
}

// UsesIdentity implements k8s.Identified: a service using the managed
// account signs in as its workload identity.
func (c *Component) UsesIdentity(sv plan.Service) bool {
	_, ok := c.User(sv.Name)
	return ok && c.Managed()
}
