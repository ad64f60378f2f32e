// The claim test's locator resolution: a Terraform attribute (HCL syntax,
// a variable's default standing for its value) or a manifest field.

package generate

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"sigs.k8s.io/yaml"

	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/terraform"
)

// resolve finds the artifact a locator names in the generated files.
func resolve(files map[string][]byte, c claim.Claim, l claim.Locator) error {
	switch l.Kind {
	case claim.Terraform:
		return resolveTerraform(files, c.Env, l)
	case claim.Manifest:
		return resolveManifest(files, c.Env, l)
	case claim.Script:
		data, ok := files[l.Address]
		if !ok {
			return fmt.Errorf("no generated file %s", l.Address)
		}
		if !bytes.Contains(data, []byte(l.Path)) {
			return fmt.Errorf("%s does not contain %q", l.Address, l.Path)
		}
		return nil
	case claim.Manual:
		if l.Command == "" || !bytes.Contains(files[c.Doc], []byte(l.Command)) {
			return fmt.Errorf("the document does not print the manual step's command %q", l.Command)
		}
		return nil
	}
	return fmt.Errorf("locator of unknown kind %d", l.Kind)
}

// resolveTerraform finds the attribute in the environment's root module:
// a literal must equal the value; a variable's default stands for it.
func resolveTerraform(files map[string][]byte, env string, l claim.Locator) error {
	dir := path.Join(terraform.Dir, env)
	typ, name, ok := strings.Cut(l.Address, ".")
	if !ok {
		return fmt.Errorf("address %q is not type.name", l.Address)
	}
	vars := map[string]hcl.Expression{}
	var res []*hclsyntax.Body
	for p, data := range files {
		if path.Dir(p) != dir || !strings.HasSuffix(p, ".tf") {
			continue
		}
		f, diags := hclsyntax.ParseConfig(data, p, hcl.InitialPos)
		if diags.HasErrors() {
			return fmt.Errorf("%s: %s", p, diags.Error())
		}
		for _, b := range f.Body.(*hclsyntax.Body).Blocks {
			switch {
			case b.Type == "resource" && len(b.Labels) == 2 && b.Labels[0] == typ && (name == "*" || b.Labels[1] == name):
				res = append(res, b.Body)
			case b.Type == "variable" && len(b.Labels) == 1:
				if a, ok := b.Body.Attributes["default"]; ok {
					vars[b.Labels[0]] = a.Expr
				}
			}
		}
	}
	if len(res) == 0 {
		return fmt.Errorf("no resource %s in %s", l.Address, dir)
	}
	if l.Path == "" && l.Value == "" {
		return nil // the resource itself: what its type does by default
	}
	if name != "*" {
		return attribute(res, vars, l)
	}
	// every resource of the type must have it
	for _, r := range res {
		if err := attribute([]*hclsyntax.Body{r}, vars, l); err != nil {
			return err
		}
	}
	return nil
}

// attribute checks the locator's attribute path in one resource (its
// bodies, where a type and name repeat in several files).
func attribute(bodies []*hclsyntax.Body, vars map[string]hcl.Expression, l claim.Locator) error {
	segs := strings.Split(l.Path, ".")
	for _, s := range segs[:len(segs)-1] {
		var next []*hclsyntax.Body
		for _, b := range bodies {
			for _, nb := range b.Blocks {
				if nb.Type == s {
					next = append(next, nb.Body)
				}
			}
		}
		if len(next) == 0 {
			return fmt.Errorf("%s has no block %s", l.Address, s)
		}
		bodies = next
	}
	last := segs[len(segs)-1]
	var seen []string
	for _, b := range bodies {
		a, ok := b.Attributes[last]
		if !ok {
			for _, nb := range b.Blocks {
				if nb.Type == last && l.Value == "" {
					return nil // a block stated present
				}
			}
			continue
		}
		if l.Value == "" {
			return nil
		}
		v, ok := literalOf(a.Expr, vars)
		if !ok {
			return fmt.Errorf("%s.%s is not a literal or a variable with a default", l.Address, l.Path)
		}
		if l.Matches(v) {
			return nil
		}
		seen = append(seen, v)
	}
	if len(seen) > 0 {
		return fmt.Errorf("%s.%s is %q, not %q", l.Address, l.Path, strings.Join(seen, " / "), l.Value)
	}
	return fmt.Errorf("%s has no attribute %s", l.Address, l.Path)
}

func literalOf(e hcl.Expression, vars map[string]hcl.Expression) (string, bool) {
	if st, ok := e.(*hclsyntax.ScopeTraversalExpr); ok && len(st.Traversal) == 2 && st.Traversal.RootName() == "var" {
		if attr, ok := st.Traversal[1].(hcl.TraverseAttr); ok {
			if d, ok := vars[attr.Name]; ok {
				return literalOf(d, nil)
			}
		}
		return "", false
	}
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() {
		return "", false
	}
	return ctyText(v), true
}

func ctyText(v cty.Value) string {
	switch {
	case v.Type() == cty.String:
		return v.AsString()
	case v.Type() == cty.Number:
		return v.AsBigFloat().Text('f', -1)
	case v.Type() == cty.Bool:
		return strconv.FormatBool(v.True())
	case v.CanIterateElements():
		var parts []string
		for _, e := range v.AsValueSlice() {
			parts = append(parts, ctyText(e))
		}
		return strings.Join(parts, ",")
	}
	return ""
}

// manifestDocs are the objects of the environment's Kustomize base and
// overlay, as JSON-shaped maps.
func manifestDocs(files map[string][]byte, env string) []map[string]any {
	var out []map[string]any
	for p, data := range files {
		if !strings.HasSuffix(p, ".yaml") || !(strings.HasPrefix(p, k8s.Dir+"/base/") || strings.HasPrefix(p, path.Join(k8s.Dir, "overlays", env)+"/")) {
			continue
		}
		for _, part := range bytes.Split(data, []byte("\n---\n")) {
			var m map[string]any
			if yaml.Unmarshal(part, &m) == nil && m != nil {
				out = append(out, m)
			}
		}
	}
	return out
}

// resolveManifest finds the field in an object of that kind and name (the
// base object or an overlay's patch of it).
func resolveManifest(files map[string][]byte, env string, l claim.Locator) error {
	kind, name, _ := strings.Cut(l.Address, "/")
	found := false
	var seen []string
	for _, m := range manifestDocs(files, env) {
		meta, _ := m["metadata"].(map[string]any)
		if m["kind"] != kind || (name != "*" && meta["name"] != name) {
			continue
		}
		found = true
		for _, v := range fieldValues(m, strings.Split(l.Path, ".")) {
			if l.Matches(v) {
				return nil
			}
			seen = append(seen, v)
		}
	}
	switch {
	case !found:
		return fmt.Errorf("no %s in the %s manifests", l.Address, env)
	case len(seen) > 0:
		return fmt.Errorf("%s %s is %q, not %q", l.Address, l.Path, strings.Join(seen, " / "), l.Value)
	}
	return fmt.Errorf("%s has no field %s", l.Address, l.Path)
}

// fieldValues are the values at a path; a list on the way is searched
// element by element.
func fieldValues(v any, segs []string) []string {
	if len(segs) == 0 {
		switch x := v.(type) {
		case string:
			return []string{x}
		case bool:
			return []string{strconv.FormatBool(x)}
		case float64:
			return []string{strconv.FormatFloat(x, 'f', -1, 64)}
		case []any:
			var parts []string
			for _, e := range x {
				parts = append(parts, fmt.Sprint(e))
			}
			return []string{strings.Join(parts, ",")}
		}
		return []string{fmt.Sprint(v)}
	}
	switch x := v.(type) {
	case map[string]any:
		if n, ok := x[segs[0]]; ok {
			return fieldValues(n, segs[1:])
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, fieldValues(e, segs)...)
		}
		return out
	}
	return nil
}
