package eventhubs_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/physarch/physarch/internal/realtools"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/mermaid"
	"github.com/physarch/physarch/internal/render/terraform"
)

// judged are the specs the real tools judge: the sample, Premium and
// Basic variants, and Service Bus Premium beside Event Hubs (two private
// endpoints in one private DNS zone).
func judged(t *testing.T) map[string]string {
	base := sample(t)
	return map[string]string{
		"sample":  base,
		"premium": apply(t, base, prod("eventHubs: {tier: Premium}")),
		"basic": apply(t, base, dev("eventHubs: {tier: Basic}"), edit{"{client: kafka}", "{client: amqp}"}, edit{"partitions: 8, retentionHours: 72}", "partitions: 8}"},
			edit{"    consumes: [telemetry]\n    replicas: {min: 3, max: 8}\n", "    replicas: {min: 3, max: 8}\n"},
			edit{", consumerGroups: [notifier]}", "}"}, edit{"{consumerGroup: notifier}", "{client: amqp}"}),
		"with-service-bus": apply(t, base, edit{"backing:\n", "backing:\n  serviceBus: {queues: [jobs]}\n"},
			edit{"    produces: [telemetry]\n", "    produces: [telemetry, jobs]\n"}, edit{"    consumes: [alerts]\n", "    consumes: [alerts, jobs]\n"}),
	}
}

// TestRealTerraformValidates runs terraform fmt -check and validate with
// the real azurerm provider on every environment of every judged spec.
func TestRealTerraformValidates(t *testing.T) {
	tf := realtools.FindTerraform(t)
	for name, src := range judged(t) {
		pl, _ := planned(t, src)
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
				main, _ := os.ReadFile(filepath.Join(mod, "main.tf"))
				if n := strings.Count(string(main), `name                = "privatelink.servicebus.windows.net"`); n > 1 {
					t.Errorf("%d private DNS zones named privatelink.servicebus.windows.net in one resource group", n)
				}
			})
		}
	}
}

// TestRealAPIServerAccepts applies every overlay of every judged spec to
// a real kube-apiserver (server-side dry run).
func TestRealAPIServerAccepts(t *testing.T) {
	kube := realtools.StartKube(t)
	kube.InstallCRDs(t)
	for name, src := range judged(t) {
		pl, _ := planned(t, src)
		files, err := k8s.Render(pl)
		if err != nil {
			t.Fatal(err)
		}
		dir := realtools.WriteFiles(t, files)
		for _, e := range pl.Envs {
			t.Run(name+"/"+e.Name, func(t *testing.T) {
				// The specs share namespace names; the dry run changes nothing.
				ov := filepath.Join(dir, k8s.Dir, "overlays", e.Name)
				if out, err := kube.Kubectl("create", "namespace", e.Namespace, "--save-config"); err != nil && !strings.Contains(out, "AlreadyExists") {
					t.Fatalf("create namespace: %v\n%s", err, out)
				}
				out, warnings, err := kube.KubectlSplit("apply", "-k", ov, "--dry-run=server", "-o", "json")
				if err != nil {
					t.Fatalf("kube-apiserver rejected %s/%s: %v\n%s\n%s", name, e.Name, err, warnings, out)
				}
				if w := strings.TrimSpace(warnings); w != "" {
					t.Errorf("kube-apiserver warned:\n%s", w)
				}
			})
		}
	}
}

// TestRealMermaidRender renders every diagram of the judged specs with the
// real mermaid-cli.
func TestRealMermaidRender(t *testing.T) {
	bin := realtools.Lookup(t, "mermaid", []string{"PHYSARCH_MMDC"}, "")
	cfg := realtools.Lookup(t, "mermaid", []string{"PHYSARCH_PUPPETEER_CONFIG"}, "")
	// The variants draw the same shapes; the sample in both languages and
	// Service Bus beside Event Hubs keep the run short.
	specs := judged(t)
	for _, c := range []struct {
		name  string
		langs []md.Lang
	}{{"sample", []md.Lang{md.Ko, md.En}}, {"with-service-bus", []md.Lang{md.Ko}}} {
		name := c.name
		pl, _ := planned(t, specs[name])
		for _, lang := range c.langs {
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
