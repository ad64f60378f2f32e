package k8s_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/component/keyvault"
	"github.com/physarch/physarch/internal/component/postgresql"
	"github.com/physarch/physarch/internal/component/redis"
	"github.com/physarch/physarch/internal/render/k8s"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/testplan"
)

// TestEachServiceReadsOnlyItsSecrets checks, for every environment whose
// secrets are in Key Vault, that each service's SecretProviderClass lists
// exactly the secrets its container reads, from its own synced Secret,
// with its own identity: never the PostgreSQL administrator password,
// never another service's database password.
func TestEachServiceReadsOnlyItsSecrets(t *testing.T) {
	plans := map[string]*plan.Plan{"workloads (several namespaces)": testplan.Workloads(t)}
	for _, name := range examples.Names() {
		plans[name] = testplan.Example(t, name)
	}
	for name, pl := range plans {
		for _, e := range pl.Envs {
			kv, ok := plan.Find[*keyvault.Component](e)
			if !ok {
				continue
			}
			c := k8s.NewEnvContext(pl, e)
			classes := map[string]keyvault.SecretProviderClass{}
			for _, ns := range e.Namespaces {
				_, objs := kv.OverlayFile(c.NamespaceContext(ns))
				for _, o := range objs {
					spc := o.(keyvault.SecretProviderClass)
					if spc.Namespace != ns.Name || e.NamespaceOf(spc.Labels["app.kubernetes.io/name"]) != ns.Name {
						t.Errorf("%s/%s: class %s written into %s", name, e.Name, spc.Name, ns.Name)
					}
					classes[spc.Name] = spc
				}
			}
			for _, sv := range pl.Services {
				id := e.Identity(sv.Name)
				if id == nil {
					t.Fatalf("%s/%s: %s has no identity", name, e.Name, sv.Name)
				}
				if got, want := c.ServiceAccount(sv).Annotations[k8s.WIClientID], "SET-FROM-TERRAFORM-OUTPUT-workload_identity_client_ids."+sv.Name; got != want {
					t.Errorf("%s/%s: ServiceAccount %s annotates %q, want %q", name, e.Name, sv.Name, got, want)
				}
				d, err := c.DeploymentPatch(sv, e.Workload(sv.Name))
				if err != nil {
					t.Fatal(err)
				}
				var read []string
				for _, env := range d.Spec.Template.Spec.Containers[0].Env {
					ref := env.ValueFrom.SecretKeyRef
					if ref.Name != id.SecretClass {
						t.Errorf("%s/%s: %s reads Secret %s, not its own %s", name, e.Name, sv.Name, ref.Name, id.SecretClass)
					}
					read = append(read, ref.Key)
				}
				sort.Strings(read)
				if id.SecretClass == "" {
					if len(read) > 0 || len(d.Spec.Template.Spec.Volumes) > 0 {
						t.Errorf("%s/%s: %s has no class but reads %v", name, e.Name, sv.Name, read)
					}
					continue
				}
				spc, ok := classes[id.SecretClass]
				if !ok {
					t.Fatalf("%s/%s: no SecretProviderClass %s", name, e.Name, id.SecretClass)
				}
				if spc.Spec.Parameters["clientID"] != k8s.ClientIDPlaceholder(sv.Name) {
					t.Errorf("%s/%s: class %s uses client ID %q", name, e.Name, spc.Name, spc.Spec.Parameters["clientID"])
				}
				var listed []string
				for _, o := range spc.Spec.SecretObjects[0].Data {
					listed = append(listed, o.ObjectName)
					if !strings.Contains(spc.Spec.Parameters["objects"], "objectName: "+o.ObjectName+"\n") {
						t.Errorf("%s/%s: %s syncs %s but does not mount it", name, e.Name, spc.Name, o.ObjectName)
					}
				}
				if strings.Join(listed, ",") != strings.Join(unique(read), ",") {
					t.Errorf("%s/%s: %s lists %v, the container reads %v", name, e.Name, spc.Name, listed, read)
				}
				for _, s := range listed {
					if s == postgresql.AdminSecret || (strings.HasSuffix(s, "-db-password") && s != naming.KeyVaultSecret(sv.Name+"-db-password").Got) {
						t.Errorf("%s/%s: %s may read %s", name, e.Name, sv.Name, s)
					}
				}
				if v := d.Spec.Template.Spec.Volumes; len(v) != 1 || v[0].CSI.VolumeAttributes["secretProviderClass"] != id.SecretClass {
					t.Errorf("%s/%s: %s mounts %v, not its own class", name, e.Name, sv.Name, v)
				}
				if spc.Namespace != e.NamespaceOf(sv.Name) {
					t.Errorf("%s/%s: class %s is in %q, its pods in %q", name, e.Name, spc.Name, spc.Namespace, e.NamespaceOf(sv.Name))
				}
			}
			if len(classes) == 0 {
				t.Errorf("%s/%s: Key Vault but no SecretProviderClass", name, e.Name)
			}
		}
	}
}

func unique(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// TestHandMadeSecretWithKeyVault: where Key Vault holds the services'
// secrets but PostgreSQL and Redis run as pods, the Secret the user creates
// holds only what those pods and the init job read.
func TestHandMadeSecretWithKeyVault(t *testing.T) {
	pl := testplan.Example(t, "phonebill")
	e := pl.Envs[0] // dev: PostgreSQL and Redis as pods
	got := k8s.HandMadeSecrets(pl, e, true)
	want := []string{"postgresql-admin-password"}
	pg, _ := plan.Find[*postgresql.Component](e)
	for _, db := range pg.Databases {
		want = append(want, db.Owner+"-db-password")
	}
	want = append(want, redis.Secret)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("with Key Vault: %v, want %v", got, want)
	}
	if got := k8s.HandMadeSecrets(pl, e, false); len(got) != len(e.Secrets) {
		t.Errorf("without Key Vault: %v, want every secret", got)
	}
	if got := k8s.HandMadeSecrets(pl, &plan.Env{}, true); len(got) != 0 {
		t.Errorf("Key Vault and no pods: %v", got)
	}
}
