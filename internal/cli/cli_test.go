package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var out, errb bytes.Buffer
	code = Execute(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestMainJob is the README's first command on a fresh checkout: no spec,
// no arguments, the built-in example lands in ./out.
func TestMainJob(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run(t, dir, "build")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "built-in example") {
		t.Errorf("build should say it used the example: %s", out)
	}
	for _, f := range []string{"physical-architecture.md", "physical-architecture-dev.md", "physical-architecture-prod.md",
		"physical-architecture-dev.mmd", "physical-architecture-prod.mmd", "network-dev.mmd", "network-prod.mmd"} {
		if _, err := os.Stat(filepath.Join(dir, "out/design/backend/physical", f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("apiVersion: physarch.dev/v1\nkind: System\nservics: []\n"), 0o644)
	cases := []struct {
		args []string
		want int
	}{
		{[]string{"--help"}, ExitOK},
		{[]string{"version"}, ExitOK},
		{[]string{"schema"}, ExitOK},
		{[]string{"validate", "--example", "phonebill"}, ExitOK},
		{[]string{"frobnicate"}, ExitUsage},
		{[]string{"build", "--nope"}, ExitUsage},
		{[]string{"build", "--lang", "fr"}, ExitUsage},
		{[]string{"validate", "one.yaml", "two.yaml"}, ExitUsage},
		{[]string{"validate", filepath.Join(dir, "missing.yaml")}, ExitInput},
		{[]string{"validate", "-f", bad}, ExitInput},
		{[]string{"build", "-f", bad, "-o", filepath.Join(dir, "o")}, ExitInput},
		{[]string{"validate", "-f", filepath.Join(dir, "missing.yaml")}, ExitInput},
	}
	for _, c := range cases {
		code, _, errs := run(t, dir, c.args...)
		if code != c.want {
			t.Errorf("%v: exit %d, want %d (%s)", c.args, code, c.want, errs)
		}
		if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
			t.Errorf("%v printed a stack trace: %s", c.args, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "o")); !os.IsNotExist(err) {
		t.Error("a failed build left partial output")
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, c := range newRoot(nil, nil).Commands() {
		code, out, _ := run(t, t.TempDir(), c.Name(), "--help")
		if code != ExitOK || !strings.Contains(out, "Usage:") {
			t.Errorf("%s --help: exit %d, output %q", c.Name(), code, out)
		}
	}
}

func TestValidateErrorsPositionedAndJSON(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "physarch.yaml")
	os.WriteFile(p, []byte("apiVersion: physarch.dev/v1\nkind: System\nmetadat: {}\n"), 0o644)
	code, _, errs := run(t, dir, "validate")
	if code != ExitInput || !strings.Contains(errs, "physarch.yaml:3:1: error: unknown key \"metadat\"") || !strings.Contains(errs, `did you mean "metadata"`) {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
	code, out, _ := run(t, dir, "validate", "--format", "json")
	var res struct {
		Valid  bool
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Valid || len(res.Errors) == 0 || code != ExitInput {
		t.Fatalf("json: exit %d, %v, %s", code, err, out)
	}
	// Every error comes in one run, and what the misspelt key left out
	// (metadata) is not reported as a second mistake.
	var msgs []string
	for _, e := range res.Errors {
		msgs = append(msgs, e.Message)
	}
	all := strings.Join(msgs, "\n")
	if !strings.Contains(all, `unknown key "metadat"`) || !strings.Contains(all, `missing key "services"`) || strings.Contains(all, `missing key "metadata"`) {
		t.Errorf("errors:\n%s", all)
	}
}

func TestInitWritesAValidSpecAndNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := run(t, dir, "init"); code != ExitOK {
		t.Fatal(errs)
	}
	if code, _, errs := run(t, dir, "validate"); code != ExitOK {
		t.Fatalf("starter spec is not valid: %s", errs)
	}
	if code, _, _ := run(t, dir, "init"); code == ExitOK {
		t.Error("init replaced an existing spec")
	}
}

// TestBuildSaysWhichNamesChanged: a name the naming rules shortened is
// reported, in text and in JSON.
func TestBuildSaysWhichNamesChanged(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run(t, dir, "build", "--example", "kt-event-marketing", "-o", "out")
	if code != ExitOK || !strings.Contains(out, `note: [prod] Key Vault "kv-kt-event-marketing-prod" is named "kv-kt-event-marke-b2192c"`) {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	code, out, _ = run(t, dir, "build", "--example", "kt-event-marketing", "-o", "out", "--format", "json")
	var res struct {
		Renamed []struct{ Resource, Got string } `json:"names_changed"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != ExitOK || len(res.Renamed) != 1 || res.Renamed[0].Got != "kv-kt-event-marke-b2192c" {
		t.Errorf("json: exit %d, %v, %s", code, err, out)
	}
}
