package generate

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/terraform"
)

var (
	placeholderRE = regexp.MustCompile(regexp.QuoteMeta(terraform.PlaceholderPrefix) + `[A-Za-z0-9_.-]*`)
	outputRE      = regexp.MustCompile(`(?m)^output "([^"]+)"`)
)

// writeBuild writes an example's generated files under a directory.
func writeBuild(t *testing.T, example string) string {
	t.Helper()
	path, data, err := examples.Spec(example)
	if err != nil {
		t.Fatal(err)
	}
	_, files, err := Spec(path, data, Options{Lang: md.En})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// placeholders are the overlay's placeholders, each once, by the
// Terraform output they name (output or output.key).
func placeholders(t *testing.T, overlay string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	files, _ := filepath.Glob(filepath.Join(overlay, "*.yaml"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range placeholderRE.FindAllString(string(b), -1) {
			out[strings.TrimPrefix(m, terraform.PlaceholderPrefix)] = true
		}
	}
	return out
}

// fakeOutputs is a terraform output -json document giving every
// placeholder a value: the value is returned by ref.
func fakeOutputs(refs map[string]bool) ([]byte, map[string]string) {
	doc := map[string]map[string]any{}
	values := map[string]string{}
	sorted := make([]string, 0, len(refs))
	for ref := range refs {
		sorted = append(sorted, ref)
	}
	sort.Strings(sorted)
	for i, ref := range sorted {
		n := i + 1
		v := "00000000-0000-0000-0000-" + strings.Repeat("0", 12-len(strconv.Itoa(n))) + strconv.Itoa(n)
		if strings.Contains(ref, "connection_string") {
			// The real shape: '=' and ';' must pass the script's value check
			// (a test with UUIDs alone let a script that refused them pass).
			v = "InstrumentationKey=" + v + ";IngestionEndpoint=https://koreacentral-0.in.applicationinsights.azure.com/;LiveEndpoint=https://koreacentral.livediagnostics.monitor.azure.com/;ApplicationId=" + v
		}
		values[ref] = v
		out, key, isMap := strings.Cut(ref, ".")
		if !isMap {
			doc[out] = map[string]any{"sensitive": false, "type": "string", "value": v}
			continue
		}
		if doc[out] == nil {
			doc[out] = map[string]any{"sensitive": false, "type": []any{"object", map[string]any{}}, "value": map[string]any{}}
		}
		doc[out]["value"].(map[string]any)[key] = v
	}
	b, _ := json.Marshal(doc)
	return b, values
}

// TestEveryPlaceholderHasAnOutput: each placeholder the overlays leave
// names an output the environment's module declares, so the fill script
// can always find its value.
func TestEveryPlaceholderHasAnOutput(t *testing.T) {
	for _, ex := range examples.Names() {
		dir := writeBuild(t, ex)
		envs, _ := filepath.Glob(filepath.Join(dir, "deploy/terraform/*"))
		for _, envDir := range envs {
			env := filepath.Base(envDir)
			outs, err := os.ReadFile(filepath.Join(envDir, "outputs.tf"))
			if err != nil {
				t.Fatal(err)
			}
			declared := map[string]bool{}
			for _, m := range outputRE.FindAllStringSubmatch(string(outs), -1) {
				declared[m[1]] = true
			}
			for ref := range placeholders(t, filepath.Join(dir, "deploy/k8s/overlays", env)) {
				out, _, _ := strings.Cut(ref, ".")
				if !declared[out] {
					t.Errorf("%s %s: placeholder %s names no output of the module", ex, env, ref)
				}
			}
		}
	}
}

// TestFillScriptFillsEveryPlaceholder runs each example's prod
// fill-outputs.sh with sh on a fake terraform output -json: afterwards no
// placeholder is left and each holds its output's value; a second run
// changes nothing; a document missing an output exits 1 and leaves that
// placeholder as it was.
func TestFillScriptFillsEveryPlaceholder(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh on PATH: the fill script cannot run here")
	}
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("no jq on PATH: fill-outputs.sh needs jq (apt-get install jq)")
	}
	for _, ex := range examples.Names() {
		t.Run(ex, func(t *testing.T) {
			dir := writeBuild(t, ex)
			overlay := filepath.Join(dir, "deploy/k8s/overlays/prod")
			refs := placeholders(t, overlay)
			if len(refs) == 0 {
				t.Fatal("the prod overlay has no placeholder; the test would prove nothing")
			}
			before := readDir(t, overlay)
			doc, values := fakeOutputs(refs)
			// One output left out: the script must say so and keep it.
			var dropped string
			for ref := range refs {
				if dropped == "" || ref < dropped {
					dropped = ref
				}
			}
			pdoc := dropOutput(t, doc, dropped)
			script := filepath.Join(dir, "deploy/terraform/prod", terraform.FillScript)
			run := func(doc []byte) (int, string) {
				f := filepath.Join(t.TempDir(), "outputs.json")
				if err := os.WriteFile(f, doc, 0o644); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(sh, script, f)
				out, err := cmd.CombinedOutput()
				if ee, ok := err.(*exec.ExitError); ok {
					return ee.ExitCode(), string(out)
				} else if err != nil {
					t.Fatal(err)
				}
				return 0, string(out)
			}
			if code, out := run(pdoc); code != 1 || !strings.Contains(out, dropped+" is missing") {
				t.Errorf("an output missing: exit %d, want 1 naming %s:\n%s", code, dropped, out)
			}
			if left := placeholders(t, overlay); len(left) != 1 || !left[dropped] {
				t.Errorf("after a partial fill the overlay has %v, want only %s", left, dropped)
			}
			if code, out := run(doc); code != 0 {
				t.Fatalf("fill: exit %d:\n%s", code, out)
			}
			if left := placeholders(t, overlay); len(left) > 0 {
				t.Errorf("placeholders left: %v", left)
			}
			after := readDir(t, overlay)
			for name, src := range before {
				want := src
				for ref, v := range values {
					want = strings.ReplaceAll(want, terraform.PlaceholderPrefix+ref+"\n", v+"\n")
					want = strings.ReplaceAll(want, terraform.PlaceholderPrefix+ref+"\"", v+"\"")
				}
				if after[name] != want {
					t.Errorf("%s is not the generated file with each placeholder replaced by its value", name)
				}
			}
			if code, _ := run(doc); code != 0 || !equalDirs(after, readDir(t, overlay)) {
				t.Errorf("a second run changed the overlay or failed (exit %d)", code)
			}
		})
	}
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
	}
	return out
}

func equalDirs(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// dropOutput is a terraform output -json document without one
// placeholder's value (its whole output, or its map entry).
func dropOutput(t *testing.T, doc []byte, ref string) []byte {
	t.Helper()
	var m map[string]map[string]any
	if err := json.Unmarshal(doc, &m); err != nil {
		t.Fatal(err)
	}
	if out, key, isMap := strings.Cut(ref, "."); isMap {
		delete(m[out]["value"].(map[string]any), key)
	} else {
		delete(m, out)
	}
	b, _ := json.Marshal(m)
	return b
}

// resourceNamesRE reads the resource_names output's entries: planned name
// = var.<x>_name.
var resourceNamesRE = regexp.MustCompile(`(?m)^\s*"([A-Za-z0-9_-]+)"\s*=\s*var\.([a-z0-9_]+_name)$`)

// TestFillScriptCarriesRenamedResources: a resource renamed with
// -var <x>_name=... (terraform output resource_names maps its planned
// name to the new one) is renamed in the overlay wherever the planned name
// stands as a whole name, hosts included, and nowhere inside a longer
// name; a second run changes nothing; a new name the script cannot pass
// to sed safely is refused (exit 1) and the overlay keeps the planned one.
func TestFillScriptCarriesRenamedResources(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh on PATH: the fill script cannot run here")
	}
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("no jq on PATH: fill-outputs.sh needs jq (apt-get install jq)")
	}
	for _, ex := range examples.Names() {
		t.Run(ex, func(t *testing.T) {
			dir := writeBuild(t, ex)
			envDir := filepath.Join(dir, "deploy/terraform/prod")
			outs, err := os.ReadFile(filepath.Join(envDir, "outputs.tf"))
			if err != nil {
				t.Fatal(err)
			}
			vars, err := os.ReadFile(filepath.Join(envDir, "variables.tf"))
			if err != nil {
				t.Fatal(err)
			}
			overlay := filepath.Join(dir, "deploy/k8s/overlays/prod")
			before := readDir(t, overlay)
			renames := map[string]string{}
			used := 0
			for _, m := range resourceNamesRE.FindAllStringSubmatch(string(outs), -1) {
				planned, v := m[1], m[2]
				if !strings.Contains(string(vars), "variable \""+v+"\" {") || !strings.Contains(string(vars), "default     = \""+planned+"\"") {
					t.Errorf("resource_names maps %s to var.%s, which has no such default", planned, v)
				}
				renames[planned] = "ren-" + planned
				for _, src := range before {
					if wholeName(planned).MatchString(src) {
						used++
						break
					}
				}
			}
			if len(renames) == 0 || used == 0 {
				t.Fatalf("resource_names has %d names, %d of them in the overlay; the test would prove nothing", len(renames), used)
			}
			run := func(m map[string]string) (int, string) {
				doc, _ := json.Marshal(map[string]any{"resource_names": map[string]any{"sensitive": false, "value": m}})
				f := filepath.Join(t.TempDir(), "outputs.json")
				if err := os.WriteFile(f, doc, 0o644); err != nil {
					t.Fatal(err)
				}
				out, err := exec.Command(sh, filepath.Join(envDir, terraform.FillScript), f).CombinedOutput()
				if ee, ok := err.(*exec.ExitError); ok {
					return ee.ExitCode(), string(out)
				} else if err != nil {
					t.Fatal(err)
				}
				return 0, string(out)
			}
			// A name with a character the script refuses: exit 1, nothing renamed.
			var first string
			for p := range renames {
				if first == "" || p < first {
					first = p
				}
			}
			if code, out := run(map[string]string{first: first + ".bad"}); code != 1 || !strings.Contains(out, "unexpected characters") {
				t.Errorf("a refused name: exit %d, want 1:\n%s", code, out)
			}
			if !equalDirs(before, readDir(t, overlay)) {
				t.Error("a refused name changed the overlay")
			}
			// The placeholders stay (no such outputs here): exit 1 is expected
			// when there are any; only the renames are checked.
			run(renames)
			after := readDir(t, overlay)
			for name, src := range before {
				want := src
				for p, n := range renames {
					re := wholeName(p)
					for re.MatchString(want) {
						want = re.ReplaceAllString(want, "${1}"+n+"${2}")
					}
				}
				if after[name] != want {
					t.Errorf("%s is not the generated file with each planned name renamed:\n%s", name, after[name])
				}
			}
			run(renames)
			if !equalDirs(after, readDir(t, overlay)) {
				t.Error("a second run changed the overlay")
			}
		})
	}
}

// wholeName matches a name standing alone: not inside a longer name (a
// '.' ends one, as in a host name).
func wholeName(name string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^A-Za-z0-9_-])` + regexp.QuoteMeta(name) + `([^A-Za-z0-9_-]|$)`)
}
