package azuresql_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/realtools"
	"github.com/physarch/physarch/internal/render/terraform"
)

// TestRealTerraformVariants validates, with the real terraform and azurerm
// provider, the Terraform of the block's variants the sample does not
// reach (the sample itself is in the renderers' real tests): a managed
// serverless dev database behind the Azure-services firewall rule,
// Business Critical, and a production server without a private endpoint.
func TestRealTerraformVariants(t *testing.T) {
	tf := realtools.FindTerraform(t)
	variants := []struct{ name, old, new string }{
		{"dev serverless", "    targets: {users: 50}\n", "    targets: {users: 50}\n    azureSQL: {mode: managed, vCores: 2, minVCores: 0.5, autoPauseMinutes: -1}\n"},
		{"Business Critical", "    azureSQL: {vCores: 4}\n", "    azureSQL: {vCores: 8, tier: BusinessCritical, backupRedundancy: Zone, maxSizeGB: 500, backupRetentionDays: 14}\n"},
		{"public prod", "    azureSQL: {vCores: 4}\n", "    azureSQL: {vCores: 4}\n    network: {privateEndpoints: false}\n"},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			src := strings.Replace(sample(t), v.old, v.new, 1)
			doc, err := components.Load("sample.yaml", []byte(src))
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
			for _, e := range pl.Envs {
				mod := filepath.Join(dir, terraform.Dir, e.Name)
				if out, err := tf.Run(mod, "fmt", "-check", "-diff", "-recursive"); err != nil {
					t.Errorf("terraform fmt -check %s: %v\n%s", e.Name, err, out)
				}
				out, err := tf.Run(mod, "validate", "-no-color")
				if err != nil {
					t.Errorf("terraform validate rejected %s: %v\n%s", e.Name, err, out)
				}
				// dev_overrides always warns once (the test setup, not the module).
				if n := strings.Count(out, "Warning:"); n > 1 || n == 1 && !strings.Contains(out, "Provider development overrides are in effect") {
					t.Errorf("terraform validate warned about %s:\n%s", e.Name, out)
				}
			}
		})
	}
}
