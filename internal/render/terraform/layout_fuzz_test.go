package terraform

import (
	"bytes"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

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
