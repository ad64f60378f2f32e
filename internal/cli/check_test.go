package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func flawed(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "check", "testdata", "flawed", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckCommand(t *testing.T) {
	// The example as intended: warnings only, exit 0; --fail-on warning: 1.
	if code, out, errs := run(t, t.TempDir(), "check", "--example", "kt-event-marketing"); code != ExitOK || !strings.Contains(out, "0 errors") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if code, _, _ := run(t, t.TempDir(), "check", "--example", "kt-event-marketing", "--fail-on", "warning"); code != ExitInput {
		t.Errorf("--fail-on warning with warnings: exit %d, want 1", code)
	}
	// The flawed copy: errors, exit 1, unless --fail-on none.
	code, out, _ := run(t, t.TempDir(), "check", "-f", flawed(t, "phonebill"))
	if code != ExitInput || !strings.Contains(out, "AV004") || !strings.Contains(out, "ERRORS") {
		t.Errorf("exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, t.TempDir(), "check", "-f", flawed(t, "phonebill"), "--fail-on", "none"); code != ExitOK {
		t.Errorf("--fail-on none: exit %d", code)
	}
	code, out, _ = run(t, t.TempDir(), "check", "-f", flawed(t, "phonebill"), "--format", "json")
	var d struct {
		Findings []struct {
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
			Position struct {
				Line int `json:"line"`
			} `json:"position"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil || code != ExitInput || len(d.Findings) == 0 || d.Findings[0].Position.Line == 0 {
		t.Fatalf("json: %v exit %d\n%s", err, code, out)
	}
	code, out, _ = run(t, t.TempDir(), "check", "-f", flawed(t, "phonebill"), "--format", "sarif")
	if code != ExitInput || !strings.Contains(out, `"version": "2.1.0"`) {
		t.Errorf("sarif: exit %d\n%.300s", code, out)
	}
	for _, bad := range [][]string{{"--format", "xml"}, {"--fail-on", "info"}} {
		if code, _, _ := run(t, t.TempDir(), append([]string{"check", "--example", "phonebill"}, bad...)...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
}

func TestCheckConfigBesideSpec(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(flawed(t, "phonebill"))
	if err != nil {
		t.Fatal(err)
	}
	spec := filepath.Join(dir, "physarch.yaml")
	os.WriteFile(spec, data, 0o644)
	os.WriteFile(filepath.Join(dir, "physarch-check.yaml"), []byte("disable: [AV004, AV008, NW003, SC005, RS010]\n"), 0o644)
	code, out, errs := run(t, dir, "check", "-f", spec)
	if code != ExitOK || strings.Contains(out, "AV004") {
		t.Errorf("config beside the spec not applied: exit %d\n%s%s", code, out, errs)
	}
	os.WriteFile(filepath.Join(dir, "physarch-check.yaml"), []byte("disable: [NOPE1]\n"), 0o644)
	if code, _, errs := run(t, dir, "check", "-f", spec); code != ExitUsage || !strings.Contains(errs, "NOPE1") {
		t.Errorf("unknown rule in config: exit %d %s", code, errs)
	}
}

func TestCheckList(t *testing.T) {
	code, out, _ := run(t, t.TempDir(), "check", "--list")
	if code != ExitOK || strings.Count(out, "\n") < 30 {
		t.Errorf("exit %d, %d rules listed", code, strings.Count(out, "\n"))
	}
}
