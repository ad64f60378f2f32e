package servicemesh_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"
)

// TestBadInput: a mistake in the mesh's settings (MESH on line 23, from
// column 5) is reported once, at its line and column, with a hint.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name, mesh string
		line, col  int
		want       string
	}{
		{"an unknown mode", "serviceMesh: {mode: linkerd}", 23, 25, `"linkerd" is not allowed`},
		{"a revision that is not one", "serviceMesh: {mode: istio, revision: \"1.26\"}", 23, 42, "asm-1-26"},
		{"a limit below the request", "serviceMesh: {mode: istio, sidecarCPUMillis: 600, sidecarCPULimitMillis: 500}", 23, 78, "below its request"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := components.Load("physarch.yaml", []byte(strings.Replace(shop, "MESH", c.mesh, 1)))
			if err == nil {
				_, err = components.Plan(doc)
			}
			var errs spec.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want positioned errors, got %v", err)
			}
			if len(errs) != 1 {
				t.Fatalf("want 1 error, got %d:\n%v", len(errs), errs)
			}
			e := errs[0]
			if e.Pos.Line != c.line || e.Pos.Col != c.col {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, c.line, c.col, e)
			}
			if e.Hint == "" || !strings.Contains(e.Error(), c.want) {
				t.Errorf("error %q: want a hint and %q", e.Error(), c.want)
			}
		})
	}
}
