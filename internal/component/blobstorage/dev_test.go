package blobstorage_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"

	"github.com/physarch/physarch/internal/component/blobstorage"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// objects splits a generated YAML file into its documents, by kind and name.
func objects(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, doc := range strings.Split(string(data), "\n---\n") {
		var meta struct {
			Kind     string
			Metadata struct{ Name string }
		}
		if err := yaml.Unmarshal([]byte(doc), &meta); err != nil {
			t.Fatal(err)
		}
		if meta.Kind != "" {
			out[meta.Kind+"/"+meta.Metadata.Name] = []byte(doc)
		}
	}
	return out
}

func decode[T any](t *testing.T, objs map[string][]byte, key string) T {
	t.Helper()
	var v T
	raw, ok := objs[key]
	if !ok {
		t.Fatalf("no %s", key)
	}
	if err := yaml.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestDevRunsAzurite: dev runs Azurite on a managed disk with the
// account the plan names and the key from the Secret, and the init Job and
// compose create exactly the declared containers with one script.
func TestDevRunsAzurite(t *testing.T) {
	pl, files := readback.Build(t, "media.yaml", []byte(sample(t)), md.En)
	e := pl.Envs[0]
	b, ok := plan.Find[*blobstorage.Component](e)
	if !ok || b.Managed() || b.Pod == nil {
		t.Fatal("dev plans no Azurite pod")
	}
	backing := objects(t, readback.File(t, files, "overlays/dev/backing.yaml"))
	ss := decode[appsv1.StatefulSet](t, backing, "StatefulSet/blobstorage")
	ctr := ss.Spec.Template.Spec.Containers[0]
	if ctr.Image != blobstorage.AzuriteImage || !slices.Contains(ctr.Args, "--blobHost") || !slices.Contains(ctr.Args, "/data") {
		t.Errorf("Azurite container: image %s args %v", ctr.Image, ctr.Args)
	}
	env := map[string]corev1.EnvVar{}
	for _, v := range ctr.Env {
		env[v.Name] = v
	}
	if env["AZURITE_ACCOUNTS"].Value != b.Account+":$(AZURITE_KEY)" {
		t.Errorf("AZURITE_ACCOUNTS %q, want the plan's account %s", env["AZURITE_ACCOUNTS"].Value, b.Account)
	}
	if ref := env["AZURITE_KEY"].ValueFrom; ref == nil || ref.SecretKeyRef.Key != blobstorage.Secret {
		t.Errorf("Azurite's key does not come from the Secret key %s: %+v", blobstorage.Secret, env["AZURITE_KEY"])
	}
	if len(ss.Spec.VolumeClaimTemplates) != 1 || *ss.Spec.VolumeClaimTemplates[0].Spec.StorageClassName != b.Pod.StorageClass {
		t.Errorf("Azurite's data is not on a %s managed disk", b.Pod.StorageClass)
	}
	script := decode[corev1.ConfigMap](t, backing, "ConfigMap/blobstorage-init").Data["init.sh"]
	for _, ct := range b.Containers {
		if !strings.Contains(script, "az storage container create --name "+ct.Name+" ") {
			t.Errorf("the init script does not create %s:\n%s", ct.Name, script)
		}
	}
	if strings.Count(script, "az storage container create") != len(b.Containers) {
		t.Errorf("the init script creates other containers than the %d declared:\n%s", len(b.Containers), script)
	}
	if job := decode[batchv1.Job](t, backing, "Job/blobstorage-init"); job.Spec.Template.Spec.Containers[0].Image != blobstorage.AzureCLIImage {
		t.Errorf("init Job image %s", job.Spec.Template.Spec.Containers[0].Image)
	}
	if got := string(readback.File(t, files, "compose/init-blobstorage.sh")); got != script {
		t.Errorf("compose runs another container script than the Job:\n%s\nvs\n%s", got, script)
	}
	compose := string(readback.File(t, files, "compose/compose.yaml"))
	if !strings.Contains(compose, "AZURITE_ACCOUNTS: \""+b.Account+":${BLOBSTORAGE_ACCOUNT_KEY:?") {
		t.Errorf("compose's Azurite does not use the plan's account and the .env key:\n%s", compose)
	}
	loadCompose(t, files, b.Account)
	// Each user's settings point at Azurite and name its containers.
	cms := objects(t, readback.File(t, files, "overlays/dev/configmaps.yaml"))
	for _, u := range b.Users {
		cm := decode[corev1.ConfigMap](t, cms, "ConfigMap/"+u.Service+"-config")
		if cm.Data["AZURE_STORAGE_BLOB_ENDPOINT"] != b.Endpoint || cm.Data["AZURE_STORAGE_CONTAINERS"] != strings.Join(u.Containers, ",") || cm.Data["AZURE_STORAGE_AUTH"] != "shared-key" {
			t.Errorf("%s settings %v", u.Service, cm.Data)
		}
	}
}

// TestManagedUsesIdentities: where the account is managed, a using
// service runs as its workload identity (pod label, ServiceAccount client
// ID) even without Key Vault, receives no account key, and a service that
// does not use the account is left alone.
func TestManagedUsesIdentities(t *testing.T) {
	src := edit(t, "    profile: dev\n", "    profile: dev\n    blobStorage: {mode: managed}\n")
	src = edit2(t, src, "\nbacking:\n", `  - name: status-service
    health: /health
    resources: {requests: {cpu: 100m, memory: 128Mi}}

backing:
`)
	pl, files := readback.Build(t, "media.yaml", []byte(src), md.En)
	e := pl.Envs[0]
	if _, ok := e.Component("keyvault"); ok {
		t.Fatal("the test needs an environment without Key Vault")
	}
	b, _ := plan.Find[*blobstorage.Component](e)
	patches := objects(t, readback.File(t, files, "overlays/dev/deployment-patches.yaml"))
	sas := objects(t, readback.File(t, files, "overlays/dev/serviceaccounts.yaml"))
	for _, sv := range pl.Services {
		_, uses := b.User(sv.Name)
		d := decode[appsv1.Deployment](t, patches, "Deployment/"+sv.Name)
		sa := decode[corev1.ServiceAccount](t, sas, "ServiceAccount/"+sv.Name)
		labelled := d.Spec.Template.Labels["azure.workload.identity/use"] == "true"
		annotated := sa.Annotations["azure.workload.identity/client-id"] != ""
		if labelled != uses || annotated != uses {
			t.Errorf("%s (uses the account: %v): workload identity label %v, client ID annotation %v", sv.Name, uses, labelled, annotated)
		}
		for _, v := range d.Spec.Template.Spec.Containers[0].Env {
			if v.Name == "AZURE_STORAGE_ACCOUNT_KEY" {
				t.Errorf("%s reads an account key from a managed account", sv.Name)
			}
		}
	}
	if slices.Contains(e.Secrets, blobstorage.Secret) {
		t.Error("a managed account needs no key secret")
	}
	assertNoFile(t, files, "compose/init-blobstorage.sh")
}

func edit2(t *testing.T, src, old, new string) string {
	t.Helper()
	if !strings.Contains(src, old) {
		t.Fatalf("%q not in the spec", old)
	}
	return strings.Replace(src, old, new, 1)
}

func assertNoFile(t *testing.T, files []render.File, suffix string) {
	t.Helper()
	for _, f := range files {
		if strings.HasSuffix(f.Path, suffix) {
			t.Errorf("%s written although nothing runs it", f.Path)
		}
	}
}

// loadCompose judges the compose file with compose-go, the loader Docker
// Compose uses: accepted with the key set, Azurite healthy before the
// init service runs, and the services waiting for the containers.
func loadCompose(t *testing.T, files []render.File, account string) {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		if strings.HasPrefix(f.Path, "deploy/compose/") {
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(f.Path)), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	p, err := loader.LoadWithContext(context.Background(), types.ConfigDetails{
		WorkingDir:  dir,
		ConfigFiles: []types.ConfigFile{{Filename: filepath.Join(dir, "compose.yaml")}},
		Environment: map[string]string{"IMAGE_TAG": "1.0.0", "BLOBSTORAGE_ACCOUNT_KEY": "a2V5"},
	}, func(o *loader.Options) { o.SetProjectName("physarch-test", true) })
	if err != nil {
		t.Fatalf("compose-go rejected the file: %v", err)
	}
	az, err := p.GetService("blobstorage")
	if err != nil {
		t.Fatal(err)
	}
	if got := *az.Environment["AZURITE_ACCOUNTS"]; got != account+":a2V5" || az.HealthCheck == nil {
		t.Errorf("Azurite: AZURITE_ACCOUNTS %q, healthcheck %v", got, az.HealthCheck)
	}
	initSvc, err := p.GetService("blobstorage-init")
	if err != nil {
		t.Fatal(err)
	}
	if initSvc.DependsOn["blobstorage"].Condition != "service_healthy" {
		t.Errorf("the init service does not wait for a healthy Azurite: %v", initSvc.DependsOn)
	}
	up, _ := p.GetService("upload-service")
	if up.DependsOn["blobstorage-init"].Condition != "service_completed_successfully" {
		t.Errorf("upload-service does not wait for the containers: %v", up.DependsOn)
	}
}
