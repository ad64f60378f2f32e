package terraform

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/physarch/physarch/internal/render"
)

// file is one .tf file being written with hclwrite, one hclwrite.File per
// top-level block: formatting (alignment of "=" within a block) never
// crosses a top-level block, so the blocks are formatted concurrently and
// joined with the blank line terraform fmt puts between them.
type file struct {
	blocks []*hclwrite.File
	err    *error // the module's first error
}

func newFile(err *error) *file { return &file{err: err} }

// top appends a top-level block.
func (f *file) top(typ string, labels ...string) block {
	hf := hclwrite.NewEmptyFile()
	f.blocks = append(f.blocks, hf)
	return block{body: hf.Body().AppendNewBlock(typ, labels).Body(), err: f.err}
}

// bytes returns the file as terraform fmt writes it: hclwrite formats the
// tokens of each block when it writes them. A block that panics does not
// end the process from its worker: the panic is raised again here, on the
// caller's goroutine, where render.Concurrently turns it into an error.
func (f *file) bytes() []byte {
	out := make([][]byte, len(f.blocks))
	panics := make([]error, len(f.blocks))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(f.blocks)) {
		wg.Go(func() {
			for i := range work {
				func() {
					defer render.Recover(&panics[i])
					out[i] = blockBytes(f.blocks[i])
				}()
			}
		})
	}
	for i := range f.blocks {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
	return bytes.Join(out, []byte("\n"))
}

// blockBytes writes one top-level block formatted as terraform fmt would:
// with layout's whitespace when it knows every token, else hclwrite's.
func blockBytes(f *hclwrite.File) []byte {
	toks := f.BuildTokens(nil)
	if !layout(toks) {
		return f.Bytes()
	}
	var buf bytes.Buffer
	if _, err := toks.WriteTo(&buf); err != nil {
		return f.Bytes()
	}
	return buf.Bytes()
}

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
	case float64:
		val = cty.NumberFloatVal(t)
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

// expr writes an HCL expression. References (a.b[0].c), by far the most
// common, become tokens directly; anything else is parsed by hclwrite
// itself, so a malformed expression is an error, never broken output.
func (b block) expr(name, src string) block {
	if toks, ok := traversalTokens(src); ok {
		b.body.SetAttributeRaw(name, toks)
		return b
	}
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

// traversalTokens builds the tokens of a plain reference such as
// azurerm_kubernetes_cluster.main.kubelet_identity[0].object_id, or reports
// that src is something else.
func traversalTokens(src string) (hclwrite.Tokens, bool) {
	var toks hclwrite.Tokens
	tok := func(t hclsyntax.TokenType, s string) {
		toks = append(toks, &hclwrite.Token{Type: t, Bytes: []byte(s)})
	}
	for i, part := range strings.Split(src, ".") {
		name, index, hasIndex := strings.Cut(part, "[")
		if !isIdent(name) {
			return nil, false
		}
		if i > 0 {
			tok(hclsyntax.TokenDot, ".")
		}
		tok(hclsyntax.TokenIdent, name)
		if hasIndex {
			n, ok := strings.CutSuffix(index, "]")
			if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
				return nil, false
			}
			tok(hclsyntax.TokenOBrack, "[")
			tok(hclsyntax.TokenNumberLit, n)
			tok(hclsyntax.TokenCBrack, "]")
		}
	}
	return toks, true
}

func isIdent(s string) bool {
	if s == "" || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
