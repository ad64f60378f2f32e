package realtools

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Terraform is the real terraform CLI pointed (dev_overrides) at a locally
// built azurerm provider, so validate checks every argument against the
// provider's real schema without network access.
type Terraform struct {
	bin, config string
}

// FindTerraform returns terraform with the azurerm CLI config, or skips.
func FindTerraform(t testing.TB) *Terraform {
	t.Helper()
	cfg := Lookup(t, "terraform", []string{"PHYSARCH_TF_CLI_CONFIG"}, "")
	bin := Lookup(t, "terraform", []string{"PHYSARCH_TERRAFORM"}, "terraform")
	return &Terraform{bin: bin, config: cfg}
}

// Run runs terraform in dir and returns its combined output.
func (tf *Terraform) Run(dir string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tf.bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+tf.config, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}
