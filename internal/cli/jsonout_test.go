package cli

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
)

// TestWriteJSONFailsLoudly: a value JSON cannot hold is an error, and
// nothing is written (before: an ignored error printed a blank line).
func TestWriteJSONFailsLoudly(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{map[string]float64{"total": math.Inf(1)}, "+Inf"},
		{[]float64{math.NaN()}, "NaN"},
		{struct{ C chan int }{}, "unsupported type"},
	} {
		var buf bytes.Buffer
		err := writeJSON(&buf, c.v)
		if err == nil || !strings.Contains(err.Error(), c.want) || buf.Len() != 0 {
			t.Errorf("%T: err %v, wrote %q", c.v, err, buf.String())
		}
	}
}

// TestJSONOfAnInfiniteFigureIsAnError: the case, an ingest rate
// that overflows the cost to +Inf: diff --format json printed an empty
// line and exited 0. Now it fails, with nothing on stdout (whether the
// loader or the encoder refuses the value).
func TestJSONOfAnInfiniteFigureIsAnError(t *testing.T) {
	_, data, err := examples.Spec("phonebill")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "old.yaml"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "new.yaml"), append(data, "    monitoring: {ingestGBPerDay: 1e308}\n"...), 0o644)
	for _, args := range [][]string{
		{"diff", "old.yaml", "new.yaml", "--format", "json"},
		{"cost", "new.yaml", "--format", "json"},
	} {
		code, out, errs := run(t, dir, args...)
		if code == ExitOK || strings.TrimSpace(out) != "" || errs == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

// TestNoJSONErrorIgnored reads the package's source: no json.Marshal* or
// Encode result has its error thrown away.
func TestNoJSONErrorIgnored(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch s := n.(type) {
			case *ast.AssignStmt:
				if len(s.Rhs) == 1 && isJSONEncode(s.Rhs[0]) {
					if id, ok := s.Lhs[len(s.Lhs)-1].(*ast.Ident); ok && id.Name == "_" {
						t.Errorf("%s: JSON encoding error ignored", fset.Position(s.Pos()))
					}
				}
			case *ast.ExprStmt:
				if isJSONEncode(s.X) {
					t.Errorf("%s: JSON encoding error ignored", fset.Position(s.Pos()))
				}
			}
			return true
		})
	}
}

func isJSONEncode(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if x, ok := sel.X.(*ast.Ident); ok && x.Name == "json" {
		return strings.HasPrefix(sel.Sel.Name, "Marshal")
	}
	return sel.Sel.Name == "Encode"
}
