// Package readback reads a generated package back for tests: the tables
// of its documents, the nodes of its diagrams and the resources of its
// Terraform. A building block's one-truth test builds a spec that uses the
// block, reads its rows and resources back with these and compares them
// with its planned component.
package readback

import (
	"path"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/zclconf/go-cty/cty"

	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
)

// Build generates the whole package of a spec, failing the test on error.
func Build(t testing.TB, file string, data []byte, lang md.Lang) (*plan.Plan, []render.File) {
	t.Helper()
	pl, files, err := generate.Spec(file, data, generate.Options{Lang: lang})
	if err != nil {
		t.Fatalf("%s does not build: %v", file, err)
	}
	return pl, files
}

// File returns the generated file whose path ends with suffix.
func File(t testing.TB, files []render.File, suffix string) []byte {
	t.Helper()
	for _, f := range files {
		if strings.HasSuffix(f.Path, suffix) {
			return f.Data
		}
	}
	t.Fatalf("no generated file ends with %s", suffix)
	return nil
}

// Table is one Markdown table and the last heading above it.
type Table struct {
	Heading string
	Head    []string
	Rows    [][]string
}

// Col is the index of the column whose header contains name, or -1.
func (t Table) Col(name string) int {
	for i, h := range t.Head {
		if strings.Contains(h, name) {
			return i
		}
	}
	return -1
}

// Value is the second cell of the first row whose first cell is key: a
// key-value table's value ("", false when absent).
func (t Table) Value(key string) (string, bool) {
	for _, r := range t.Rows {
		if len(r) > 1 && r[0] == key {
			return r[1], true
		}
	}
	return "", false
}

// Tables parses a Markdown document with the real parser the format's
// readers use and returns its tables in order.
func Tables(src []byte) []Table {
	doc := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(src))
	var out []Table
	heading := ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			heading = nodeText(n, src)
		case *east.Table:
			tb := Table{Heading: heading}
			for row := n.FirstChild(); row != nil; row = row.NextSibling() {
				var cells []string
				for c := row.FirstChild(); c != nil; c = c.NextSibling() {
					cells = append(cells, nodeText(c, src))
				}
				if _, ok := row.(*east.TableHeader); ok {
					tb.Head = cells
				} else {
					tb.Rows = append(tb.Rows, cells)
				}
			}
			out = append(out, tb)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// TableUnder returns the first table under a heading containing title.
func TableUnder(t testing.TB, src []byte, title string) Table {
	t.Helper()
	for _, tb := range Tables(src) {
		if strings.Contains(tb.Heading, title) {
			return tb
		}
	}
	t.Fatalf("no table under a heading with %q", title)
	return Table{}
}

func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				// <https://…>: a reader sees the address
				b.Write(c.Label(src))
				return ast.WalkSkipChildren, nil
			case *ast.CodeSpan:
				for x := c.FirstChild(); x != nil; x = x.NextSibling() {
					if tx, ok := x.(*ast.Text); ok {
						b.Write(tx.Segment.Value(src))
					}
				}
				return ast.WalkSkipChildren, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// Resource is one Terraform resource: its literal attributes as text
// (references are left out) and its nested blocks.
type Resource struct {
	Type, Name string
	Attrs      map[string]string
	Blocks     map[string][]Resource // nested blocks by type (no labels)
}

// Resources parses a Terraform file with the real HCL parser.
func Resources(t testing.TB, file string, src []byte) []Resource {
	t.Helper()
	parsed, diags := hclsyntax.ParseConfig(src, file, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", file, diags.Error())
	}
	var out []Resource
	for _, b := range parsed.Body.(*hclsyntax.Body).Blocks {
		if b.Type == "resource" && len(b.Labels) == 2 {
			r := body(b.Body)
			r.Type, r.Name = b.Labels[0], b.Labels[1]
			out = append(out, r)
		}
	}
	return out
}

// Find returns the resources of a type.
func Find(rs []Resource, typ string) []Resource {
	var out []Resource
	for _, r := range rs {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

func body(b *hclsyntax.Body) Resource {
	r := Resource{Attrs: map[string]string{}, Blocks: map[string][]Resource{}}
	for name, a := range b.Attributes {
		v, d := a.Expr.Value(nil)
		if d.HasErrors() || !v.IsKnown() || v.IsNull() {
			continue // a reference, not a literal
		}
		r.Attrs[name] = literal(v)
	}
	for _, nb := range b.Blocks {
		r.Blocks[nb.Type] = append(r.Blocks[nb.Type], body(nb.Body))
	}
	return r
}

func literal(v cty.Value) string {
	switch {
	case v.Type() == cty.String:
		return v.AsString()
	case v.Type() == cty.Number:
		return v.AsBigFloat().Text('f', -1)
	case v.Type() == cty.Bool:
		if v.True() {
			return "true"
		}
		return "false"
	case v.CanIterateElements():
		var parts []string
		for _, e := range v.AsValueSlice() {
			parts = append(parts, literal(e))
		}
		return strings.Join(parts, ",")
	}
	return ""
}

// TerraformOf returns the main.tf of an environment.
func TerraformOf(t testing.TB, files []render.File, env string) []Resource {
	t.Helper()
	suffix := path.Join("terraform", env, "main.tf")
	return Resources(t, suffix, File(t, files, suffix))
}

// Ko is what a Korean document prints for a plan text with a Korean
// twin (NameKo, SKUKo, ConfigKo, NoteKo): the Korean form where there is
// one, else the text as it is.
func Ko(ko, en string) string {
	if ko == "" {
		return en
	}
	return ko
}
