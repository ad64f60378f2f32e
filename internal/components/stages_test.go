package components_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
)

// stageDirs are the pipeline's stages: they read components through
// facets and must name no building block.
var stageDirs = []string{"plan", "analysis", "check", "render"}

// coreWords are spec keys some blocks share with concepts the core owns
// and must keep naming: the Kubernetes Ingress and the ingress flows, the
// format's security and monitoring chapters, check's rule registry.
var coreWords = map[string]bool{"ingress": true, "security": true, "monitoring": true, "registry": true}

// TestStagesNameNoKind: no identifier and no string in the stages' code
// names a registered building block (its name or one of its spec keys).
// Comments may (they say why); code may not, or adding a block would mean
// changing a stage again.
func TestStagesNameNoKind(t *testing.T) {
	var words []string
	for _, k := range components.All() {
		s := k.Section()
		for _, w := range []string{k.Name(), s.BackingKey, s.SettingsKey, s.UseKey} {
			if w != "" && !coreWords[strings.ToLower(w)] {
				words = append(words, regexp.QuoteMeta(strings.ToLower(w)))
			}
		}
	}
	sort.Strings(words)
	named := regexp.MustCompile(`(?i)(^|[^a-z])(` + strings.Join(words, "|") + `)([^a-z]|$)`)
	fset := token.NewFileSet()
	found := 0
	for _, dir := range stageDirs {
		root := filepath.Join("..", dir)
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			found++
			ast.Inspect(f, func(n ast.Node) bool {
				var text string
				switch n := n.(type) {
				case *ast.Ident:
					text = n.Name
				case *ast.BasicLit:
					if n.Kind != token.STRING {
						return true
					}
					text, _ = strconv.Unquote(n.Value)
				default:
					return true
				}
				if m := named.FindStringSubmatch(text); m != nil {
					t.Errorf("%s: names the building block %q in %q", fset.Position(n.Pos()), m[2], text)
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if found < 50 {
		t.Fatalf("read %d stage files; the stage directories moved", found)
	}
}
