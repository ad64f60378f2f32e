package generate

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
)

func file(t *testing.T, files []render.File, suffix string) string {
	t.Helper()
	for _, f := range files {
		if strings.HasSuffix(f.Path, suffix) {
			return string(f.Data)
		}
	}
	t.Fatalf("no file ending in %s", suffix)
	return ""
}

// TestSLAUnchangedByOffPathWorkloads: adding a cronjob and a worker to an
// example leaves every environment's availability report (what `physarch
// sla` prints) exactly as it was: both are off the request path, even
// where they use the cache, send messages and call an external system.
func TestSLAUnchangedByOffPathWorkloads(t *testing.T) {
	path, data, err := examples.Spec("kt-event-marketing")
	if err != nil {
		t.Fatal(err)
	}
	add := "services:\n" +
		"  - name: nightly-report\n    kind: cronjob\n    cache: true\n    database: reportdb\n    produces: [event-updates]\n    external: [kt-channel-api]\n    cronJob: {schedule: \"0 3 * * *\"}\n" +
		"  - name: participation-worker\n    kind: worker\n    consumes: [participation-events]\n    worker: {minReplicas: 0, maxReplicas: 5}\n"
	changed := strings.Replace(string(data), "services:\n", add, 1)
	report := func(src string) string {
		doc, err := components.Load(path, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		pl, err := components.Plan(doc)
		if err != nil {
			t.Fatal(err)
		}
		reps := availability.Estimate(pl)
		// The load balancer's configuration names its back-end nodes, and
		// a job's run may add a node: the count is not the path.
		for _, r := range reps {
			for i := range r.Components {
				if r.Components[i].Name == "Load Balancer" {
					r.Components[i].Config = ""
				}
			}
		}
		b, err := json.Marshal(reps)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	before, after := report(string(data)), report(changed)
	if before != after {
		t.Errorf("the availability reports changed:\nbefore %s\nafter  %s", before, after)
	}
	if !strings.Contains(before, "Service event-service") {
		t.Fatal("the report names no service; the comparison would prove nothing")
	}
}

// TestWorkloadKindsInEveryOutput: the sample's cronjob and workers appear
// as what they are in the documents (a workload row with the schedule and
// no replica, peak or HPA claim; KEDA bounds), the diagrams (a job node
// with its flows), Terraform (the KEDA add-on) and compose (the cronjob
// in a profile, no ports).
func TestWorkloadKindsInEveryOutput(t *testing.T) {
	pl := testplan.Workloads(t)
	files, err := Files(pl, Options{Lang: md.En})
	if err != nil {
		t.Fatal(err)
	}
	prod := file(t, files, "physical-architecture-prod.md")
	for _, want := range []string{
		"| nightly-report | 1 | 2Gi | 2 | 4Gi | CronJob `30 2 * * 1-5` (Asia/Seoul) | - | - |",
		"| mailer | 250m | 256Mi | 500m | 512Mi | 0–20 (KEDA) | - | KEDA: 10 messages per replica (mail-jobs) |",
		"2–8 (KEDA) | - | KEDA: 5 messages per replica (order-events) (default) |",
		"| nightly-report | `30 2 * * 1-5` | Asia/Seoul | Forbid | 300s | 1800s | 2 / 2 | 6 |",
		"CronJobs count one run (parallelism pods) at both minimum and maximum replicas",
	} {
		if !strings.Contains(prod, want) {
			t.Errorf("prod document lacks %q", want)
		}
	}
	hpa := prod[strings.Index(prod, "hpa_configuration:"):]
	hpa = hpa[:strings.Index(hpa, "```")]
	for _, name := range []string{"nightly-report", "mailer", "indexer"} {
		if strings.Contains(hpa, name) {
			t.Errorf("the HPA configuration lists %s", name)
		}
		if strings.Contains(prod, "| "+name+" | 2 | minAvailable") && name != "indexer" {
			t.Errorf("the PDB table lists %s", name)
		}
		if strings.Contains(prod, name+".shop-prod.svc.cluster.local") {
			t.Errorf("service discovery lists %s, which has no Service", name)
		}
	}
	diagram := file(t, files, "physical-architecture-prod.mmd")
	for _, want := range []string{`svc_nightly_report{{"nightly-report<br/>CronJob 30 2 * * 1-5`, `ns_shop_prod -->|"HTTPS"| ext_partner`, `svc_mailer["mailer<br/>KEDA 0–20`, `PEBus -->|"send · receive"| q_mail_jobs`} {
		if !strings.Contains(diagram, want) {
			t.Errorf("physical diagram lacks %q", want)
		}
	}
	network := file(t, files, "network-prod.mmd")
	if strings.Contains(network, "svcip_nightly_report") || strings.Contains(network, "svcip_mailer") {
		t.Errorf("the network diagram gives a cronjob or a worker a ClusterIP Service")
	}
	for _, env := range []string{"dev", "prod"} {
		tf := file(t, files, "terraform/"+env+"/main.tf")
		if !strings.Contains(tf, "workload_autoscaler_profile {\n    keda_enabled = true") || !strings.Contains(tf, `resource "azurerm_federated_identity_credential" "keda"`) {
			t.Errorf("%s Terraform lacks the KEDA add-on or its credentials", env)
		}
	}
	compose := file(t, files, "compose/compose.yaml")
	job := compose[strings.Index(compose, "  nightly-report:"):]
	job = job[:regexp.MustCompile(`\n  \S`).FindStringIndex(job)[0]]
	if !strings.Contains(job, "profiles:\n      - jobs") || strings.Contains(job, "ports:") {
		t.Errorf("compose cronjob:\n%s", job)
	}
	// And the examples, which use none of the kinds, keep their KEDA-free
	// Terraform.
	for _, name := range examples.Names() {
		for _, f := range build(t, name, md.En) {
			if strings.Contains(string(f.Data), "keda") {
				t.Errorf("%s: %s mentions KEDA", name, f.Path)
			}
		}
	}
}
