package terraform_test

import (
	"github.com/zclconf/go-cty/cty"

	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/render/terraform"
	"github.com/physarch/physarch/internal/testspec"
)

// TestOneCredentialPerIdentity renders 500 services and reads the module
// back: one identity per service, and each federated credential on its
// own service's identity (Azure allows 20 per identity).
func TestOneCredentialPerIdentity(t *testing.T) {
	doc, err := components.Load("large.yaml", testspec.Large(500))
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
	var main, vars []byte
	dir := terraform.Dir + "/" + pl.Envs[len(pl.Envs)-1].Name + "/"
	for _, f := range files {
		switch f.Path {
		case dir + "main.tf":
			main = f.Data
		case dir + "variables.tf":
			vars = f.Data
		}
	}
	creds := literal(t, main, "locals", "workload_federated_credentials")
	ids := literal(t, vars, "variable", "default", "workload_identity_names")
	want := 500 + len(pl.Envs[len(pl.Envs)-1].JobIdentities()) // and the components' Jobs'
	if creds.LengthInt() != want || ids.LengthInt() != want {
		t.Fatalf("%d credentials, %d identities for 500 services", creds.LengthInt(), ids.LengthInt())
	}
	for svc := range creds.AsValueMap() {
		if !ids.Type().HasAttribute(svc) {
			t.Errorf("credential %s has no identity", svc)
		}
	}
	if !strings.Contains(string(main), "user_assigned_identity_id = azurerm_user_assigned_identity.workload[each.key].id") {
		t.Errorf("credentials are not keyed to their own service's identity")
	}
}

// literal evaluates a literal attribute of a block: locals.<name>, or the
// default of variable "<name>".
func literal(t *testing.T, src []byte, block string, attr ...string) cty.Value {
	t.Helper()
	f, diags := hclsyntax.ParseConfig(src, "module.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		if b.Type != block {
			continue
		}
		name := attr[0]
		if block == "variable" {
			if b.Labels[0] != attr[1] {
				continue
			}
		}
		if a, ok := b.Body.Attributes[name]; ok {
			v, diags := a.Expr.Value(nil)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			return v
		}
	}
	t.Fatalf("no %s %v", block, attr)
	return cty.Value{}
}
