package terraform

import (
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/physarch/physarch/internal/render"
)

// TestBytesPanicReachesTheCaller: a block that panics in one of bytes()'s
// workers reaches render.Concurrently as an error with the worker's stack
// (before: the worker's panic ended the process).
func TestBytesPanicReachesTheCaller(t *testing.T) {
	f := &file{blocks: []*hclwrite.File{hclwrite.NewEmptyFile(), nil, hclwrite.NewEmptyFile()}}
	_, err := render.Concurrently(func() ([]render.File, error) {
		return []render.File{{Data: f.bytes()}}, nil
	})
	var p *render.Panic
	if !errors.As(err, &p) || !strings.Contains(string(p.Stack), "blockBytes") {
		t.Fatalf("want a *render.Panic from blockBytes, got %v", err)
	}
}
