package terraform

import (
	"bytes"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
	"github.com/physarch/physarch/internal/testplan"
	"github.com/physarch/physarch/internal/testspec"
)

// TestLayoutMatchesHCLWrite formats every top-level block of every module
// both ways: layout's whitespace must equal hclwrite's formatter byte for
// byte, and layout must handle nearly all blocks itself.
func TestLayoutMatchesHCLWrite(t *testing.T) {
	plans := map[string]*plan.Plan{}
	for _, name := range examples.Names() {
		plans[name] = testplan.Example(t, name)
	}
	doc, err := spec.Load("large.yaml", testspec.Large(200))
	if err != nil {
		t.Fatal(err)
	}
	if plans["large"], err = plan.Build(doc); err != nil {
		t.Fatal(err)
	}
	handled, total := 0, 0
	for name, pl := range plans {
		for _, e := range pl.Envs {
			mod, err := build(pl, e)
			if err != nil {
				t.Fatal(err)
			}
			for _, nf := range mod {
				for i, blk := range nf.f.blocks {
					total++
					toks := blk.BuildTokens(nil)
					if !layout(toks) {
						continue
					}
					handled++
					var mine bytes.Buffer
					if _, err := toks.WriteTo(&mine); err != nil {
						t.Fatal(err)
					}
					want := hclwrite.Format(mine.Bytes())
					if !bytes.Equal(mine.Bytes(), want) {
						t.Errorf("%s/%s %s block %d: layout differs from hclwrite:\n--- layout\n%s\n--- hclwrite\n%s", name, e.Name, nf.name, i, mine.Bytes(), want)
					}
				}
			}
		}
	}
	if handled*10 < total*9 {
		t.Errorf("layout handled %d of %d blocks; the fast path has stopped covering what this package writes", handled, total)
	}
	t.Logf("layout handled %d of %d blocks", handled, total)
}

// FuzzLayout puts arbitrary strings and numbers into attributes and lists:
// layout must agree with hclwrite whenever it accepts the tokens.
func FuzzLayout(f *testing.F) {
	f.Add("name", "value", -1)
	f.Add("x", "${var.a}", 0)
	f.Add("a_b", "한국어 \"q\"", 42)
	f.Fuzz(func(t *testing.T, name, val string, n int) {
		if !validIdent(name) {
			t.Skip()
		}
		var err error
		fl := newFile(&err)
		b := fl.top("resource", "azurerm_x", "y")
		b.set(name, val)
		b.set("n", n)
		b.set("list", []string{val, val})
		c := b.child("nested")
		c.set(name+"_longer", map[string]string{"k": val})
		b.expr("ref", "azurerm_x.y.z[0].w")
		toks := fl.blocks[0].BuildTokens(nil)
		if !layout(toks) {
			return
		}
		var mine bytes.Buffer
		if _, err := toks.WriteTo(&mine); err != nil {
			t.Fatal(err)
		}
		if want := hclwrite.Format(mine.Bytes()); !bytes.Equal(mine.Bytes(), want) {
			t.Fatalf("layout differs from hclwrite:\n%s\n---\n%s", mine.Bytes(), want)
		}
	})
}

func validIdent(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
