package terraform_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render/terraform"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/realtools"
	"github.com/physarch/physarch/internal/testplan"
)

// TestRealTerraformValidates runs terraform fmt -check and terraform
// validate, against the real azurerm provider, on every environment of
// every example.
func TestRealTerraformValidates(t *testing.T) {
	tf := realtools.FindTerraform(t)
	for _, s := range testplan.Judged(t) {
		name, pl := s.Name, s.Plan
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
				if strings.Contains(out, "Warning:") && !onlyDevOverrideWarning(out) {
					t.Errorf("terraform validate warned about %s/%s:\n%s", name, e.Name, out)
				}
			})
		}
	}
}

// onlyDevOverrideWarning reports whether the only warning is the one
// dev_overrides always prints (the test setup, not the module).
func onlyDevOverrideWarning(out string) bool {
	return strings.Count(out, "Warning:") == 1 && strings.Contains(out, "Provider development overrides are in effect")
}

// TestRealTerraformRejectsBroken proves the judge is awake: the same module
// with one resource given an argument azurerm does not have must fail.
func TestRealTerraformRejectsBroken(t *testing.T) {
	tf := realtools.FindTerraform(t)
	pl := testplan.Example(t, examples.Default)
	files, err := terraform.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	dir := realtools.WriteFiles(t, files)
	mod := filepath.Join(dir, terraform.Dir, pl.Envs[len(pl.Envs)-1].Name)
	bad := "\nresource \"azurerm_resource_group\" \"broken\" {\n  name       = \"rg-broken\"\n  location   = \"koreacentral\"\n  bogus_attr = true\n}\n"
	if err := os.WriteFile(filepath.Join(mod, "broken.tf"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := tf.Run(mod, "validate", "-no-color")
	if err == nil {
		t.Fatalf("terraform validate accepted an unknown argument; the validation test would prove nothing:\n%s", out)
	}
	if !strings.Contains(out, "bogus_attr") {
		t.Errorf("expected validate to name bogus_attr, got:\n%s", out)
	}
}

// TestRealTerraformValidatesHardNames validates the module of a spec whose
// names had to be derived (a 40-character system, an environment with a
// hyphen, a service called a, a queue ending in a period): every literal
// name is checked by the provider's own validation.
func TestRealTerraformValidatesHardNames(t *testing.T) {
	tf := realtools.FindTerraform(t)
	pl := testplan.HardNames(t)
	files, err := terraform.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	dir := realtools.WriteFiles(t, files)
	for _, e := range pl.Envs {
		mod := filepath.Join(dir, terraform.Dir, e.Name)
		if out, err := tf.Run(mod, "fmt", "-check", "-diff", "-recursive"); err != nil {
			t.Errorf("terraform fmt -check: %v\n%s", err, out)
		}
		if out, err := tf.Run(mod, "validate", "-no-color"); err != nil {
			t.Errorf("terraform validate rejected %s: %v\n%s", e.Name, err, out)
		}
	}
}

// TestRealTerraformValidatesBlockVariants validates the modules of the
// block variants: the edge and platform blocks where the profiles do not
// put them (Front Door in front of NGINX writes no Front Door, a
// development gateway, a production with neither Key Vault nor Log
// Analytics).
func TestRealTerraformValidatesBlockVariants(t *testing.T) {
	tf := realtools.FindTerraform(t)
	for name, pl := range testplan.BlockVariants(t) {
		files, err := terraform.Render(pl)
		if err != nil {
			t.Fatal(err)
		}
		dir := realtools.WriteFiles(t, files)
		for _, e := range pl.Envs {
			mod := filepath.Join(dir, terraform.Dir, e.Name)
			if out, err := tf.Run(mod, "fmt", "-check", "-diff", "-recursive"); err != nil {
				t.Errorf("%s/%s: terraform fmt -check: %v\n%s", name, e.Name, err, out)
			}
			if out, err := tf.Run(mod, "validate", "-no-color"); err != nil {
				t.Errorf("terraform validate rejected %s/%s: %v\n%s", name, e.Name, err, out)
			}
		}
	}
}

// TestRealTerraformValidatesWorkloads validates the modules of the
// workload-kinds sample: the AKS KEDA add-on, the workers' KEDA
// federated credentials, the topic subscription and the role KEDA reads
// the backlog with.
func TestRealTerraformValidatesWorkloads(t *testing.T) {
	tf := realtools.FindTerraform(t)
	pl := testplan.Workloads(t)
	files, err := terraform.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	dir := realtools.WriteFiles(t, files)
	for _, e := range pl.Envs {
		mod := filepath.Join(dir, terraform.Dir, e.Name)
		if out, err := tf.Run(mod, "fmt", "-check", "-diff", "-recursive"); err != nil {
			t.Errorf("terraform fmt -check: %v\n%s", err, out)
		}
		out, err := tf.Run(mod, "validate", "-no-color")
		if err != nil {
			t.Errorf("terraform validate rejected %s: %v\n%s", e.Name, err, out)
		}
		if strings.Contains(out, "Warning:") && !onlyDevOverrideWarning(out) {
			t.Errorf("terraform validate warned about %s:\n%s", e.Name, out)
		}
	}
}
