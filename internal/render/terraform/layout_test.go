package terraform_test

import (
	"bytes"
	"testing"

	"github.com/physarch/physarch/internal/render/terraform"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
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
	doc, err := components.Load("large.yaml", testspec.Large(200))
	if err != nil {
		t.Fatal(err)
	}
	if plans["large"], err = components.Plan(doc); err != nil {
		t.Fatal(err)
	}
	handled, total := 0, 0
	for name, pl := range plans {
		for _, e := range pl.Envs {
			mod, err := terraform.ModuleBlocks(pl, e)
			if err != nil {
				t.Fatal(err)
			}
			for _, nf := range mod {
				for i, blk := range nf.Blocks {
					total++
					toks := blk.BuildTokens(nil)
					if !terraform.Layout(toks) {
						continue
					}
					handled++
					var mine bytes.Buffer
					if _, err := toks.WriteTo(&mine); err != nil {
						t.Fatal(err)
					}
					want := hclwrite.Format(mine.Bytes())
					if !bytes.Equal(mine.Bytes(), want) {
						t.Errorf("%s/%s %s block %d: layout differs from hclwrite:\n--- layout\n%s\n--- hclwrite\n%s", name, e.Name, nf.Name, i, mine.Bytes(), want)
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
