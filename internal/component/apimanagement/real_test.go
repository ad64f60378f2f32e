package apimanagement_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/realtools"
	"github.com/physarch/physarch/internal/render/terraform"
)

// The samples are judged with every other spec (testplan.Judged:
// terraform validate, the kube-apiserver dry run, mermaid-cli). This test
// proves the Terraform judge checks what matters here: the production
// module with a Developer service of two units (Azure sells one) must be
// refused by the provider's own sku validation.
func TestRealTerraformRefusesTwoDeveloperUnits(t *testing.T) {
	tf := realtools.FindTerraform(t)
	doc, err := components.Load("sample.yaml", []byte(sample(t)))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := components.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	files, err := terraform.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	dir := realtools.WriteFiles(t, files)
	mod := filepath.Join(dir, terraform.Dir, "prod")
	path := filepath.Join(mod, "main.tf")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(src), `"Premium_3"`, `"Developer_2"`, 1)
	if broken == string(src) {
		t.Fatal("the module no longer has sku_name Premium_3")
	}
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := tf.Run(mod, "validate", "-no-color")
	if err == nil {
		t.Fatalf("terraform validate accepted sku_name Developer_2:\n%s", out)
	}
	if !strings.Contains(out, "sku_name") {
		t.Errorf("refused, but not for the sku:\n%s", out)
	}
}
