package k8s_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/testplan"
)

// byKindAndName indexes decoded objects.
func byKindAndName(objs []map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, o := range objs {
		meta, _ := o["metadata"].(map[string]any)
		out[o["kind"].(string)+"/"+meta["name"].(string)] = o
	}
	return out
}

func dig(v any, path ...string) any {
	for _, p := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[p]
	}
	return v
}

// TestWorkloadKindObjects: a cronjob is a CronJob with its schedule and no
// Deployment, Service, HPA or PDB; a worker is a Deployment without a
// Service or an HPA, with a ScaledObject on its queue or its topic
// subscription and a TriggerAuthentication by workload identity; only a
// worker with two replicas or more gets a PDB.
func TestWorkloadKindObjects(t *testing.T) {
	pl := testplan.Workloads(t)
	files, err := k8s.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range pl.Envs {
		t.Run(e.Name, func(t *testing.T) {
			objs := byKindAndName(objects(t, files, e.Name))
			has := func(key string) bool { _, ok := objs[key]; return ok }
			for key, want := range map[string]bool{
				"CronJob/nightly-report": true, "Deployment/nightly-report": false, "Service/nightly-report": false,
				"HorizontalPodAutoscaler/nightly-report": false, "PodDisruptionBudget/nightly-report": false,
				"Deployment/mailer": true, "Service/mailer": false, "HorizontalPodAutoscaler/mailer": false, "PodDisruptionBudget/mailer": false,
				"ScaledObject/mailer": true, "TriggerAuthentication/mailer-keda": true,
				"Deployment/indexer": true, "ScaledObject/indexer": true, "PodDisruptionBudget/indexer": true,
				"Deployment/api": true, "Service/api": true, "HorizontalPodAutoscaler/api": true, "ScaledObject/api": false,
				"NetworkPolicy/allow-nightly-report": true, "NetworkPolicy/allow-mailer": true,
			} {
				if has(key) != want {
					t.Errorf("%s present %v, want %v", key, has(key), want)
				}
			}
			cj := objs["CronJob/nightly-report"]
			if dig(cj, "spec", "schedule") != "30 2 * * 1-5" || dig(cj, "spec", "timeZone") != "Asia/Seoul" || dig(cj, "spec", "concurrencyPolicy") != "Forbid" {
				t.Errorf("CronJob spec: %v", dig(cj, "spec"))
			}
			if got := dig(cj, "spec", "jobTemplate", "spec", "parallelism"); got != 2 {
				t.Errorf("parallelism %v, want 2", got)
			}
			ctr := dig(cj, "spec", "jobTemplate", "spec", "template", "spec", "containers").([]any)[0]
			if dig(ctr, "ports") != nil || dig(ctr, "livenessProbe") != nil {
				t.Errorf("a cronjob's container has ports or probes: %v", ctr)
			}
			trig := func(name string) map[string]any {
				return dig(objs["ScaledObject/"+name], "spec", "triggers").([]any)[0].(map[string]any)
			}
			if m := trig("mailer"); m["type"] != "azure-servicebus" || dig(m, "metadata", "queueName") != "mail-jobs" || dig(m, "metadata", "messageCount") != "10" || dig(m, "authenticationRef", "name") != "mailer-keda" {
				t.Errorf("mailer trigger %v", m)
			}
			if m := trig("indexer"); dig(m, "metadata", "topicName") != "order-events" || dig(m, "metadata", "subscriptionName") != "indexer" || dig(m, "metadata", "messageCount") != "5" {
				t.Errorf("indexer trigger %v", m)
			}
			if got := dig(objs["ScaledObject/mailer"], "spec", "minReplicaCount"); got != 0 {
				t.Errorf("mailer minReplicaCount %v, want 0 written out", got)
			}
			if p := dig(objs["TriggerAuthentication/mailer-keda"], "spec", "podIdentity"); dig(p, "provider") != "azure-workload" || !strings.HasSuffix(dig(p, "identityId").(string), "workload_identity_client_ids.mailer") {
				t.Errorf("TriggerAuthentication %v", p)
			}
			// The cronjob's flows become its policy: the cache and the
			// partner API, out only.
			np := objs["NetworkPolicy/allow-nightly-report"]
			if dig(np, "spec", "ingress") != nil || len(dig(np, "spec", "egress").([]any)) != 3 {
				t.Errorf("cronjob policy %v", dig(np, "spec"))
			}
		})
	}
}

// TestCronJobPatchPlacesLikeDeployments: the overlay sizes, places and
// secures a cronjob's runs as it does a Deployment's pods, on the pool
// the cronjob names (a zonal batch pool in prod: no zone spread), and
// keeps the schedule.
func TestCronJobPatchPlacesLikeDeployments(t *testing.T) {
	pl := testplan.Workloads(t)
	e := pl.Envs[len(pl.Envs)-1]
	c := k8s.NewEnvContext(pl, e)
	svc, job := service(t, pl, "api"), service(t, pl, "nightly-report")
	d, err := c.DeploymentPatch(svc, e.Workload(svc.Name))
	if err != nil {
		t.Fatal(err)
	}
	cj, err := c.CronJobPatch(job, e.Workload(job.Name))
	if err != nil {
		t.Fatal(err)
	}
	dp, jp := d.Spec.Template.Spec, cj.Spec.JobTemplate.Spec.Template.Spec
	if dp.NodeSelector["kubernetes.azure.com/agentpool"] != "apps" || jp.NodeSelector["kubernetes.azure.com/agentpool"] != "batch" {
		t.Errorf("placement: service %v, cronjob %v", dp.NodeSelector, jp.NodeSelector)
	}
	if len(jp.Tolerations) != 1 || jp.Tolerations[0].Key != "workload" || jp.Tolerations[0].Value != "batch" || jp.Tolerations[0].Effect != "NoSchedule" {
		t.Errorf("cronjob tolerations %v, want the batch pool's taint", jp.Tolerations)
	}
	if len(dp.TopologySpreadConstraints) != 1 || len(jp.TopologySpreadConstraints) != 0 {
		t.Errorf("zone spread: service %d, cronjob on a one-zone pool %d", len(dp.TopologySpreadConstraints), len(jp.TopologySpreadConstraints))
	}
	if got := jp.Containers[0].Resources.Requests.Cpu().String(); got != e.Workload(job.Name).CPURequest {
		t.Errorf("cronjob cpu %s", got)
	}
	if cj.Spec.Schedule != job.CronJob.Schedule {
		t.Errorf("the patch would change the schedule to %q", cj.Spec.Schedule)
	}
	if cj.Spec.JobTemplate.Spec.Template.Labels["azure.workload.identity/use"] != "true" {
		t.Errorf("prod cronjob pods do not use workload identity")
	}
}

// TestDedicatedPoolPlacement: a service on a dedicated pool selects it,
// tolerates exactly its taints and spreads over the pool's own zones.
func TestDedicatedPoolPlacement(t *testing.T) {
	pl := testplan.Workloads(t)
	for _, e := range pl.Envs {
		c := k8s.NewEnvContext(pl, e)
		sv := service(t, pl, "inference")
		d, err := c.DeploymentPatch(sv, e.Workload(sv.Name))
		if err != nil {
			t.Fatal(err)
		}
		pod := d.Spec.Template.Spec
		gpu := e.Pool("gpu")
		if pod.NodeSelector["kubernetes.azure.com/agentpool"] != "gpu" {
			t.Errorf("%s: nodeSelector %v", e.Name, pod.NodeSelector)
		}
		if len(pod.Tolerations) != len(gpu.Taints) || pod.Tolerations[0].Key != "sku" || pod.Tolerations[0].Value != "gpu" {
			t.Errorf("%s: tolerations %v for taints %v", e.Name, pod.Tolerations, gpu.Taints)
		}
		if spread := len(pod.TopologySpreadConstraints) > 0; spread != (len(gpu.Zones) > 1) {
			t.Errorf("%s: zone spread %v on a pool in zones %v", e.Name, spread, gpu.Zones)
		}
		// The apps pool's services tolerate nothing of the GPU pool.
		api := service(t, pl, "api")
		d, _ = c.DeploymentPatch(api, e.Workload(api.Name))
		for _, tol := range d.Spec.Template.Spec.Tolerations {
			if tol.Key == "sku" {
				t.Errorf("%s: api tolerates the GPU pool's taint", e.Name)
			}
		}
	}
}

func service(t *testing.T, pl *plan.Plan, name string) plan.Service {
	t.Helper()
	for _, sv := range pl.Services {
		if sv.Name == name {
			return sv
		}
	}
	t.Fatalf("no service %s", name)
	return plan.Service{}
}
