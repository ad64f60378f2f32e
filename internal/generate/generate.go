// Package generate runs the pipeline spec → plan → renderers and returns
// every generated file, sorted by path so output is byte-for-byte stable.
package generate

import (
	"sort"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/mermaid"
	"github.com/physarch/physarch/internal/spec"
)

// Options choose what to generate.
type Options struct {
	Lang md.Lang
}

// Spec loads, plans and renders a spec given as bytes.
func Spec(file string, data []byte, opt Options) (*plan.Plan, []render.File, error) {
	doc, err := spec.Load(file, data)
	if err != nil {
		return nil, nil, err
	}
	pl, err := plan.Build(doc)
	if err != nil {
		return nil, nil, err
	}
	return pl, Files(pl, opt), nil
}

// Files renders every output of a plan.
func Files(pl *plan.Plan, opt Options) []render.File {
	if opt.Lang == "" {
		opt.Lang = md.Ko
	}
	var files []render.File
	files = append(files, docs.Render(pl, opt.Lang)...)
	files = append(files, mermaid.Render(pl, opt.Lang)...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files
}
