package k8s_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/physarch/physarch/internal/component/registry"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/realtools"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/spec"
	"github.com/physarch/physarch/internal/testplan"
)

// kedaCRDs are KEDA's ScaledObject and TriggerAuthentication CRDs,
// vendored and pinned (see the file's header for its source).
const kedaCRDs = "testdata/keda-crds-v2.16.1.yaml"

// startKubeWithKEDA is a real kube-apiserver with the Secrets Store CSI
// driver's CRD and KEDA's.
func startKubeWithKEDA(t *testing.T) *realtools.Kube {
	kube := realtools.StartKube(t)
	kube.InstallCRDs(t)
	kube.InstallCRDFile(t, kedaCRDs)
	return kube
}

// TestRealAPIServerAcceptsWorkloads applies every overlay of the
// workload-kinds sample (a service, a cronjob, two KEDA workers) to a
// real kube-apiserver with KEDA's CRDs installed, then reads the server's
// CronJobs and ScaledObjects back against the plan: no HPA for a cronjob
// or a worker, a ScaledObject per worker with the plan's bounds.
func TestRealAPIServerAcceptsWorkloads(t *testing.T) {
	kube := startKubeWithKEDA(t)
	pl := testplan.Workloads(t)
	files, err := k8s.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	dir := realtools.WriteFiles(t, files)
	for _, e := range pl.Envs {
		t.Run(e.Name, func(t *testing.T) {
			// A dry run creates no namespace: the objects of every one need
			// it to exist.
			for _, ns := range e.Namespaces {
				if out, err := kube.Kubectl("create", "namespace", ns.Name, "--save-config"); err != nil {
					t.Fatalf("create namespace %s: %v\n%s", ns.Name, err, out)
				}
			}
			out, warnings, err := kube.KubectlSplit("apply", "-k", filepath.Join(dir, k8s.Dir, "overlays", e.Name), "--dry-run=server", "-o", "json")
			if err != nil {
				t.Fatalf("kube-apiserver rejected %s: %v\n%s\n%s", e.Name, err, warnings, out)
			}
			if w := strings.TrimSpace(warnings); w != "" {
				t.Errorf("kube-apiserver warned about %s:\n%s", e.Name, w)
			}
			var list serverList
			if err := json.Unmarshal([]byte(out), &list); err != nil {
				t.Fatal(err)
			}
			checkWorkloadsAgainstPlan(t, pl, e, list)
		})
	}
}

func checkWorkloadsAgainstPlan(t *testing.T, pl *plan.Plan, e *plan.Env, list serverList) {
	t.Helper()
	kinds := map[string]string{}
	for _, raw := range list.Items {
		var meta struct {
			Kind     string
			Metadata struct{ Name, Namespace string }
		}
		_ = json.Unmarshal(raw, &meta)
		kinds[meta.Kind+"/"+meta.Metadata.Name] = string(raw)
		// Every namespaced object of a workload is in its namespace.
		if w := e.Workload(meta.Metadata.Name); w != nil && meta.Metadata.Namespace != w.Namespace && meta.Kind != "Namespace" {
			t.Errorf("%s %s is in namespace %q, the plan runs it in %q", meta.Kind, meta.Metadata.Name, meta.Metadata.Namespace, w.Namespace)
		}
	}
	// Each namespace's quota and limits, as the plan sized them.
	for _, ns := range e.Namespaces {
		n := 0
		for _, raw := range list.Items {
			var q corev1.ResourceQuota
			if err := json.Unmarshal(raw, &q); err != nil || q.Kind != "ResourceQuota" || q.Namespace != ns.Name {
				continue
			}
			n++
			if got := q.Spec.Hard[corev1.ResourceRequestsCPU]; got.MilliValue() != ns.Quota.RequestsCPUM {
				t.Errorf("%s: quota requests.cpu %s, plan %dm", ns.Name, got.String(), ns.Quota.RequestsCPUM)
			}
			if got := q.Spec.Hard[corev1.ResourcePods]; got.Value() != int64(ns.Quota.Pods) {
				t.Errorf("%s: quota pods %s, plan %d", ns.Name, got.String(), ns.Quota.Pods)
			}
		}
		if want := map[bool]int{true: 1, false: 0}[e.MultiNamespace()]; n != want {
			t.Errorf("%s: %d ResourceQuotas, want %d", ns.Name, n, want)
		}
	}
	for _, sv := range pl.Services {
		w := e.Workload(sv.Name)
		_, hpa := kinds["HorizontalPodAutoscaler/"+sv.Name]
		_, pdb := kinds["PodDisruptionBudget/"+sv.Name]
		if hpa != (sv.Kind == spec.WorkloadService) {
			t.Errorf("%s (%s): HPA present %v", sv.Name, sv.Kind, hpa)
		}
		if pdb != w.HasPDB() {
			t.Errorf("%s (%s, min %d): PDB present %v, plan %v", sv.Name, sv.Kind, w.Min, pdb, w.HasPDB())
		}
		switch sv.Kind {
		case spec.WorkloadCronJob:
			raw, ok := kinds["CronJob/"+sv.Name]
			if !ok {
				t.Fatalf("no CronJob %s in the server's answer", sv.Name)
			}
			var cj batchv1.CronJob
			if err := json.Unmarshal([]byte(raw), &cj); err != nil {
				t.Fatal(err)
			}
			js := cj.Spec.JobTemplate.Spec
			if cj.Spec.Schedule != sv.CronJob.Schedule || int(*js.Parallelism) != w.Max || string(cj.Spec.ConcurrencyPolicy) != sv.CronJob.ConcurrencyPolicy {
				t.Errorf("CronJob %s: %q parallelism %d %s, plan %q %d %s", sv.Name, cj.Spec.Schedule, *js.Parallelism, cj.Spec.ConcurrencyPolicy, sv.CronJob.Schedule, w.Max, sv.CronJob.ConcurrencyPolicy)
			}
			c := js.Template.Spec.Containers[0]
			reg, _ := plan.Find[*registry.Component](e)
			if reg == nil || c.Resources.Requests.Cpu().String() != w.CPURequest || !strings.Contains(c.Image, reg.Registry) {
				t.Errorf("CronJob %s: cpu %s image %s, plan %s from %+v", sv.Name, c.Resources.Requests.Cpu(), c.Image, w.CPURequest, reg)
			}
			if js.Template.Spec.NodeSelector["kubernetes.azure.com/agentpool"] != w.Pool || js.Template.Spec.SecurityContext == nil || !*js.Template.Spec.SecurityContext.RunAsNonRoot {
				t.Errorf("CronJob %s is not placed and secured like the Deployments", sv.Name)
			}
		case spec.WorkloadService:
			raw := kinds["Deployment/"+sv.Name]
			var d appsv1.Deployment
			if err := json.Unmarshal([]byte(raw), &d); err != nil {
				t.Fatal(err)
			}
			// A dedicated pool's services select it and tolerate its taints.
			pod := d.Spec.Template.Spec
			if pod.NodeSelector["kubernetes.azure.com/agentpool"] != w.Pool || len(pod.Tolerations) != len(e.Pool(w.Pool).Taints) {
				t.Errorf("Deployment %s runs on %v tolerating %v; plan: pool %s", sv.Name, pod.NodeSelector, pod.Tolerations, w.Pool)
			}
		case spec.WorkloadWorker:
			raw, ok := kinds["ScaledObject/"+sv.Name]
			if !ok {
				t.Fatalf("no ScaledObject %s in the server's answer", sv.Name)
			}
			var so k8s.ScaledObject
			if err := json.Unmarshal([]byte(raw), &so); err != nil {
				t.Fatal(err)
			}
			if int(*so.Spec.MinReplicaCount) != w.Min || int(so.Spec.MaxReplicaCount) != w.Max || so.Spec.ScaleTargetRef.Name != sv.Name {
				t.Errorf("ScaledObject %s: %d..%d → %s, plan %d..%d", sv.Name, *so.Spec.MinReplicaCount, so.Spec.MaxReplicaCount, so.Spec.ScaleTargetRef.Name, w.Min, w.Max)
			}
			if _, ok := kinds["TriggerAuthentication/"+sv.Name+"-keda"]; !ok {
				t.Errorf("no TriggerAuthentication for %s", sv.Name)
			}
			if _, ok := kinds["Service/"+sv.Name]; ok {
				t.Errorf("worker %s has a Service", sv.Name)
			}
		}
	}
}

// TestRealAPIServerRejectsBrokenScaledObject proves the KEDA CRDs judge:
// a ScaledObject whose maxReplicaCount is text must be refused.
func TestRealAPIServerRejectsBrokenScaledObject(t *testing.T) {
	kube := startKubeWithKEDA(t)
	dir := t.TempDir()
	ok := "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: w, namespace: default}\nspec:\n  scaleTargetRef: {name: w}\n  maxReplicaCount: 3\n  triggers:\n  - type: azure-servicebus\n    metadata: {queueName: q, namespace: ns}\n"
	for name, body := range map[string]string{"ok.yaml": ok, "broken.yaml": strings.Replace(ok, "maxReplicaCount: 3", "maxReplicaCount: lots", 1)} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := kube.Kubectl("apply", "-f", filepath.Join(dir, "ok.yaml"), "--dry-run=server"); err != nil {
		t.Fatalf("a valid ScaledObject was rejected: %v\n%s", err, out)
	}
	if out, err := kube.Kubectl("apply", "-f", filepath.Join(dir, "broken.yaml"), "--dry-run=server"); err == nil {
		t.Fatalf("the server accepted a ScaledObject with maxReplicaCount: lots; the KEDA CRDs judge nothing:\n%s", out)
	}
}
