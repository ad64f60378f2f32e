package firewall_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/realtools"
	"github.com/physarch/physarch/internal/render/terraform"
)

// The sample is judged with every other spec (testplan.Judged: terraform
// validate, the kube-apiserver dry run, mermaid-cli). This test proves
// the Terraform judge reads the firewall's rules: the production module
// with a network rule on a protocol Azure Firewall does not have must be
// refused.
func TestRealTerraformRefusesUnknownRuleProtocol(t *testing.T) {
	tf := realtools.FindTerraform(t)
	doc, err := components.Load("sample.yaml", []byte(read(t, "sample.yaml")))
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
	broken := strings.Replace(string(src), `["UDP"]`, `["QUIC"]`, 1)
	if broken == string(src) {
		t.Fatal("the module no longer has a UDP network rule")
	}
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := tf.Run(mod, "validate", "-no-color")
	if err == nil {
		t.Fatalf("terraform validate accepted protocol QUIC:\n%s", out)
	}
	if !strings.Contains(out, "protocols") {
		t.Errorf("refused, but not for the protocol:\n%s", out)
	}
}
