package terraform

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// file is one .tf file being written with hclwrite.
type file struct {
	f   *hclwrite.File
	err *error // the module's first error
}

func newFile(err *error) *file { return &file{f: hclwrite.NewEmptyFile(), err: err} }

// top appends a top-level block, separated from the previous by a blank
// line as terraform fmt expects.
func (f *file) top(typ string, labels ...string) block {
	body := f.f.Body()
	if len(body.Blocks()) > 0 || len(body.Attributes()) > 0 {
		body.AppendNewline()
	}
	return block{body: body.AppendNewBlock(typ, labels).Body(), err: f.err}
}

func (f *file) bytes() []byte { return hclwrite.Format(f.f.Bytes()) }

// block is a body being filled.
type block struct {
	body *hclwrite.Body
	err  *error
}

// set writes a literal value.
func (b block) set(name string, v any) block {
	var val cty.Value
	switch t := v.(type) {
	case string:
		val = cty.StringVal(t)
	case int:
		val = cty.NumberIntVal(int64(t))
	case bool:
		val = cty.BoolVal(t)
	case []string:
		if len(t) == 0 {
			val = cty.ListValEmpty(cty.String)
		} else {
			vals := make([]cty.Value, len(t))
			for i, s := range t {
				vals[i] = cty.StringVal(s)
			}
			val = cty.ListVal(vals)
		}
	case map[string]string:
		vals := map[string]cty.Value{}
		for k, s := range t {
			vals[k] = cty.StringVal(s)
		}
		val = cty.ObjectVal(vals)
	case cty.Value:
		val = t
	default:
		b.fail(fmt.Errorf("attribute %s: unsupported literal %T", name, v))
		return b
	}
	b.body.SetAttributeValue(name, val)
	return b
}

// expr writes an HCL expression (a reference, a function call), parsed by
// hclwrite itself so a malformed one is an error, never broken output.
func (b block) expr(name, src string) block {
	f, diags := hclwrite.ParseConfig([]byte("x = "+src+"\n"), "expression", hcl.InitialPos)
	if diags.HasErrors() {
		b.fail(fmt.Errorf("attribute %s: expression %q: %s", name, src, diags.Error()))
		return b
	}
	b.body.SetAttributeRaw(name, f.Body().GetAttribute("x").Expr().BuildTokens(nil))
	return b
}

// child appends a nested block.
func (b block) child(typ string, labels ...string) block {
	return block{body: b.body.AppendNewBlock(typ, labels).Body(), err: b.err}
}

func (b block) fail(err error) {
	if *b.err == nil {
		*b.err = err
	}
}
