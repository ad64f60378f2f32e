package postgresql_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/component/postgresql"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
)

// prodOverlay renders the example (edited) and returns its prod overlay's
// backing.yaml, secret-provider-class.yaml and SECRETS.md (empty when
// absent), and the plan's prod environment.
func prodOverlay(t *testing.T, edit func(string) string) (backing, classes, secrets string, e *plan.Env) {
	t.Helper()
	p, data, err := examples.Spec("kt-event-marketing")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := components.Load(p, []byte(edit(string(data))))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	files, err := k8s.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		switch f.Path {
		case k8s.Dir + "/overlays/prod/backing.yaml":
			backing = string(f.Data)
		case k8s.Dir + "/overlays/prod/secret-provider-class.yaml":
			classes = string(f.Data)
		case k8s.Dir + "/overlays/prod/SECRETS.md":
			secrets = string(f.Data)
		}
	}
	return backing, classes, secrets, pl.Envs[len(pl.Envs)-1]
}

// TestInitJobReadsOnlyItsOwnClass: with Key Vault, the server's init Job
// runs as its own identity and ServiceAccount and reads the
// administrator password from its own class as a file: that class syncs
// no Kubernetes Secret, and no other class lists the password.
func TestInitJobReadsOnlyItsOwnClass(t *testing.T) {
	backing, classes, _, e := prodOverlay(t, func(s string) string { return s })
	jobs := e.JobIdentities()
	if len(jobs) != 1 || jobs[0].Service != "postgresql-init" || !jobs[0].Mounted || jobs[0].SecretClass != "postgresql-init-secrets" {
		t.Fatalf("job identities %+v", jobs)
	}
	for _, want := range []string{"kind: ServiceAccount", "serviceAccountName: postgresql-init", "secretProviderClass: postgresql-init-secrets", `azure.workload.identity/use: "true"`, "PGSSLMODE", "kind: Job"} {
		if !strings.Contains(backing, want) {
			t.Errorf("backing.yaml lacks %q", want)
		}
	}
	if strings.Contains(backing, "secretKeyRef") {
		t.Errorf("the Job reads a Kubernetes Secret although Key Vault holds its secrets")
	}
	for _, doc := range strings.Split(classes, "\n---\n") {
		lists := strings.Contains(doc, "objectName: "+postgresql.AdminSecret)
		own := strings.Contains(doc, "name: postgresql-init-secrets")
		if lists && !own {
			t.Errorf("a class other than the Job's lists %s:\n%s", postgresql.AdminSecret, doc)
		}
		if own && strings.Contains(doc, "secretObjects") {
			t.Errorf("the Job's class syncs a Kubernetes Secret:\n%s", doc)
		}
	}
}

// TestInitJobWithoutStore: without Key Vault the Job has no identity and
// reads the administrator's and the owners' passwords from the hand-made
// Secret, which SECRETS.md tells the user to create.
func TestInitJobWithoutStore(t *testing.T) {
	backing, classes, secrets, e := prodOverlay(t, func(s string) string {
		return strings.Replace(s, "    profile: prod\n", "    profile: prod\n    security: {keyVault: false}\n", 1)
	})
	if len(e.JobIdentities()) != 0 || classes != "" {
		t.Fatalf("identities %+v, classes %q", e.JobIdentities(), classes)
	}
	if !strings.Contains(backing, "kind: Job") || strings.Contains(backing, "kind: ServiceAccount") || !strings.Contains(backing, "key: "+postgresql.AdminSecret) {
		t.Errorf("backing.yaml:\n%s", backing)
	}
	for _, want := range []string{postgresql.AdminSecret, "user-service-db-password"} {
		if !strings.Contains(secrets, want) {
			t.Errorf("SECRETS.md lacks %s:\n%s", want, secrets)
		}
	}
}
