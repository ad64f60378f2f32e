package cosmosdb_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"

	"github.com/physarch/physarch/internal/realtools"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/mermaid"
	"github.com/physarch/physarch/internal/render/terraform"
)

// The real judges on the block's test specs (the examples do not use
// Cosmos DB): terraform validate with the real azurerm provider, the
// kube-apiserver's server-side dry run, mermaid-cli.

// TestRealTerraformValidatesCosmos validates every environment's module:
// the account, databases, containers and private endpoint are checked by
// the provider's own schema and validation.
func TestRealTerraformValidatesCosmos(t *testing.T) {
	tf := realtools.FindTerraform(t)
	for _, name := range specs {
		pl := planOf(t, name, read(t, name))
		files, err := terraform.Render(pl)
		if err != nil {
			t.Fatal(err)
		}
		dir := realtools.WriteFiles(t, files)
		for _, e := range pl.Envs {
			t.Run(name+"/"+e.Name, func(t *testing.T) {
				mod := filepath.Join(dir, terraform.Dir, e.Name)
				if out, err := tf.Run(mod, "fmt", "-check", "-diff", "-recursive"); err != nil {
					t.Errorf("terraform fmt -check: %v\n%s", err, out)
				}
				out, err := tf.Run(mod, "validate", "-no-color")
				if err != nil {
					t.Fatalf("terraform validate rejected %s/%s: %v\n%s", name, e.Name, err, out)
				}
				if strings.Count(out, "Warning:") > 1 || strings.Contains(out, "Warning:") && !strings.Contains(out, "Provider development overrides are in effect") {
					t.Errorf("terraform validate warned:\n%s", out)
				}
				main, err := os.ReadFile(filepath.Join(mod, "main.tf"))
				if err != nil {
					t.Fatal(err)
				}
				if got := strings.Contains(string(main), `resource "azurerm_cosmosdb_account"`); got != account(t, e).Managed() {
					t.Errorf("module has an account: %v, the plan a managed one: %v", got, account(t, e).Managed())
				}
			})
		}
	}
}

// TestRealTerraformRefusesTooFewRUs proves the judge checks what matters
// here: the same module with a container at 300 RU/s (below Cosmos DB's
// 400) must be refused.
func TestRealTerraformRefusesTooFewRUs(t *testing.T) {
	tf := realtools.FindTerraform(t)
	pl := planOf(t, "mongo.yaml", read(t, "mongo.yaml"))
	files, err := terraform.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	dir := realtools.WriteFiles(t, files)
	mod := filepath.Join(dir, terraform.Dir, pl.Envs[len(pl.Envs)-1].Name)
	path := filepath.Join(mod, "main.tf")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(src), "throughput          = 400", "throughput          = 300", 1)
	if broken == string(src) {
		t.Fatal("the module has no container at 400 RU/s to break")
	}
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := tf.Run(mod, "validate", "-no-color")
	if err == nil || !strings.Contains(out, "throughput") || !strings.Contains(out, "400") {
		t.Fatalf("terraform validate accepted 300 RU/s; the validation test would prove nothing:\n%s", out)
	}
}

// TestRealAPIServerAcceptsCosmos applies every overlay of the test specs
// (the mongo pod's StatefulSet, its Service and NetworkPolicy, the
// services' settings) to a real kube-apiserver and reads the pod back
// against the plan.
func TestRealAPIServerAcceptsCosmos(t *testing.T) {
	kube := realtools.StartKube(t)
	kube.InstallCRDs(t)
	for _, name := range specs {
		pl := planOf(t, name, read(t, name))
		files, err := k8s.Render(pl)
		if err != nil {
			t.Fatal(err)
		}
		dir := realtools.WriteFiles(t, files)
		for _, e := range pl.Envs {
			t.Run(name+"/"+e.Name, func(t *testing.T) {
				if out, err := kube.Kubectl("create", "namespace", e.Namespace, "--save-config"); err != nil {
					t.Fatalf("create namespace: %v\n%s", err, out)
				}
				out, warnings, err := kube.KubectlSplit("apply", "-k", filepath.Join(dir, k8s.Dir, "overlays", e.Name), "--dry-run=server", "-o", "json")
				if err != nil {
					t.Fatalf("kube-apiserver rejected %s/%s: %v\n%s", name, e.Name, err, warnings)
				}
				if w := strings.TrimSpace(warnings); w != "" {
					t.Errorf("kube-apiserver warned:\n%s", w)
				}
				var list struct{ Items []json.RawMessage }
				if err := json.Unmarshal([]byte(out), &list); err != nil {
					t.Fatal(err)
				}
				c := account(t, e)
				found := false
				for _, raw := range list.Items {
					var ss appsv1.StatefulSet
					if json.Unmarshal(raw, &ss) != nil || ss.Kind != "StatefulSet" || ss.Name != "cosmosdb" {
						continue
					}
					found = true
					ctr := ss.Spec.Template.Spec.Containers[0]
					if c.Pod == nil || ctr.Image != c.Pod.Image || ctr.Resources.Requests.Memory().String() != c.Pod.MemRequest {
						t.Errorf("server's StatefulSet %s %s, plan %+v", ctr.Image, ctr.Resources.Requests.Memory(), c.Pod)
					}
				}
				if found != (c.Pod != nil) {
					t.Errorf("StatefulSet cosmosdb on the server: %v, pod in the plan: %v", found, c.Pod != nil)
				}
			})
		}
	}
}

// TestRealMermaidRendersCosmos renders every diagram of the test specs
// with the real mermaid-cli.
func TestRealMermaidRendersCosmos(t *testing.T) {
	bin, cfg := os.Getenv("PHYSARCH_MMDC"), os.Getenv("PHYSARCH_PUPPETEER_CONFIG")
	if bin == "" || cfg == "" {
		if os.Getenv("PHYSARCH_REQUIRE_TOOLS") != "" {
			t.Fatal("PHYSARCH_REQUIRE_TOOLS is set but PHYSARCH_MMDC/PHYSARCH_PUPPETEER_CONFIG are not")
		}
		t.Skip("real mermaid-cli not configured: run `eval \"$(scripts/install-tools.sh env)\"` after scripts/install-tools.sh mermaid")
	}
	for _, name := range specs {
		pl := planOf(t, name, read(t, name))
		for _, lang := range []md.Lang{md.Ko, md.En} {
			for _, f := range mermaid.Render(pl, lang) {
				t.Run(name+"/"+string(lang)+"/"+filepath.Base(f.Path), func(t *testing.T) {
					dir := t.TempDir()
					in := filepath.Join(dir, "in.mmd")
					if err := os.WriteFile(in, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
					defer cancel()
					if out, err := exec.CommandContext(ctx, bin, "-q", "-p", cfg, "-i", in, "-o", filepath.Join(dir, "out.svg")).CombinedOutput(); err != nil {
						t.Errorf("mermaid-cli rejected %s: %v\n%s", f.Path, err, out)
					}
				})
			}
		}
	}
}
