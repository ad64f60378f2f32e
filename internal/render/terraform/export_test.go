package terraform

import (
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/physarch/physarch/internal/plan"
)

// Internals the external tests use.
var Layout = layout

// FileBlocks is one .tf file's top-level blocks.
type FileBlocks struct {
	Name   string
	Blocks []*hclwrite.File
}

// ModuleBlocks builds one environment's module and returns its files'
// top-level blocks.
func ModuleBlocks(pl *plan.Plan, e *plan.Env) ([]FileBlocks, error) {
	mod, err := build(pl, e)
	if err != nil {
		return nil, err
	}
	out := make([]FileBlocks, len(mod))
	for i, nf := range mod {
		out[i] = FileBlocks{nf.name, nf.f.blocks}
	}
	return out, nil
}
