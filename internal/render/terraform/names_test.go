package terraform

import (
	"github.com/zclconf/go-cty/cty"

	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
	"github.com/physarch/physarch/internal/testspec"
)

func TestIdent(t *testing.T) {
	for in, want := range map[string]string{
		"auth-db": "auth_db",
		"jobs":    "jobs",
		"1queue":  "_1queue",
	} {
		if got := ident(in); got != want {
			t.Errorf("ident(%q) = %q, want %q", in, got, want)
		}
	}
	if q := ident("ai.recommendation_jobs"); !strings.HasPrefix(q, "ai_recommendation_jobs_") || len(q) != len("ai_recommendation_jobs_")+6 {
		t.Errorf("queue identifier %q", q)
	}
	if ident("a.b") == ident("a_b") || ident("a.b") == ident("a/b") {
		t.Errorf("names that differ in punctuation share an identifier")
	}
	m := &module{}
	if a, b := m.uniqueIdent("db", "auth-db"), m.uniqueIdent("db", "auth_db"); a == b {
		t.Errorf("auth-db and auth_db share %s", a)
	}
}

// TestOneCredentialPerIdentity renders 500 services and reads the module
// back: one identity per service, and each federated credential on its
// own service's identity (Azure allows 20 per identity).
func TestOneCredentialPerIdentity(t *testing.T) {
	doc, err := spec.Load("large.yaml", testspec.Large(500))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := plan.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	mods, err := build(pl, pl.Envs[len(pl.Envs)-1])
	if err != nil {
		t.Fatal(err)
	}
	var main, vars []byte
	for _, f := range mods {
		switch f.name {
		case "main.tf":
			main = f.f.bytes()
		case "variables.tf":
			vars = f.f.bytes()
		}
	}
	creds := literal(t, main, "locals", "workload_federated_credentials")
	ids := literal(t, vars, "variable", "default", "workload_identity_names")
	if creds.LengthInt() != 500 || ids.LengthInt() != 500 {
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
