package generate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
)

// TestNamespacesInEveryOutput: the sample's namespaces appear the same in
// the documents (the namespace table with the plan's quotas, service
// discovery under each service's namespace), the manifests (a callee's
// full name across namespaces, one Secret command per namespace) and
// Terraform (each identity trusts its ServiceAccount in its namespace).
func TestNamespacesInEveryOutput(t *testing.T) {
	pl := testplan.Workloads(t)
	files, err := Files(pl, Options{Lang: md.En})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range pl.Envs {
		doc := file(t, files, "physical-architecture-"+e.Name+".md")
		for _, ns := range e.Namespaces {
			q := ns.Quota
			row := fmt.Sprintf("| %s | %s", ns.Name, strings.Join(ns.Services, ", "))
			if !strings.Contains(doc, row) || !strings.Contains(doc, fmt.Sprintf("| %d | %dm / %dm |", q.Pods, q.RequestsCPUM, q.LimitsCPUM)) {
				t.Errorf("%s document lacks the row of %s (%q, quota %+v)", e.Name, ns.Name, row, q)
			}
		}
		if want := "| inference.shop-" + e.Name + "-ml.svc.cluster.local | 8080 | /api/infer |"; !strings.Contains(doc, want) {
			t.Errorf("%s document lacks %q", e.Name, want)
		}
		cm := file(t, files, "overlays/"+e.Name+"/default/configmaps.yaml")
		if want := "INFERENCE_URL: http://inference.shop-" + e.Name + "-ml.svc.cluster.local:8080"; !strings.Contains(cm, want) {
			t.Errorf("%s: the api's settings lack %q", e.Name, want)
		}
		tf := file(t, files, "terraform/"+e.Name+"/main.tf")
		for _, sv := range pl.Services {
			if want := fmt.Sprintf(`subject = "system:serviceaccount:%s:%s"`, e.NamespaceOf(sv.Name), sv.Name); !strings.Contains(tf, want) {
				t.Errorf("%s Terraform lacks %s", e.Name, want)
			}
		}
	}
	secrets := file(t, files, "overlays/dev/SECRETS.md")
	for _, ns := range []string{"shop-dev", "shop-dev-ml", "shop-dev-messaging"} {
		if !strings.Contains(secrets, "kubectl -n "+ns+" create secret generic shop-secrets") {
			t.Errorf("SECRETS.md has no Secret for %s", ns)
		}
	}
	ml := secrets[strings.Index(secrets, "kubectl -n shop-dev-ml"):]
	ml = ml[:strings.Index(ml, "```")]
	if strings.Contains(ml, "postgresql-admin-password") || !strings.Contains(ml, "redis-password") {
		t.Errorf("the ml namespace's Secret holds other namespaces' keys or lacks its own:\n%s", ml)
	}
}
