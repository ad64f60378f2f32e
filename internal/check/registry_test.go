package check_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"

	"github.com/physarch/physarch/internal/plan"
)

func TestRegistry(t *testing.T) {
	reg := components.Checks()
	rules := reg.Rules()
	if len(rules) < 30 {
		t.Errorf("%d rules, the issue asks for at least 30", len(rules))
	}
	id := regexp.MustCompile(`^[A-Z]{2}\d{3}$`)
	families := map[string]bool{}
	for _, r := range rules {
		if !id.MatchString(r.ID) {
			t.Errorf("rule ID %q (duplicate, or not two letters and three digits)", r.ID)
		}
		if r.Title == "" || r.Rationale == "" || r.Fix == "" || r.Family == "" || r.Check == nil {
			t.Errorf("%s lacks a title, rationale, fix, family or check", r.ID)
		}
		if strings.Contains(r.Title, "\n") {
			t.Errorf("%s: the title must be one line", r.ID)
		}
		families[r.Family] = true
	}
	if len(families) < 5 {
		t.Errorf("rules in %d families", len(families))
	}
}

// TestRuleDocsCurrent keeps docs/rules/ equal to what the rules generate;
// `physarch check --write-docs docs/rules` rewrites it.
func TestRuleDocsCurrent(t *testing.T) {
	dir := filepath.Join("..", "..", "docs", "rules")
	reg := components.Checks()
	want := map[string][]byte{"README.md": check.Index(reg)}
	for _, r := range reg.Rules() {
		want[r.ID+".md"] = check.DocPage(r)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%v (run: go run ./cmd/physarch check --write-docs docs/rules)", err)
	}
	for _, e := range entries {
		if _, ok := want[e.Name()]; !ok {
			t.Errorf("docs/rules/%s belongs to no rule; remove it", e.Name())
		}
	}
	for name, data := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("docs/rules/%s is not current (run: go run ./cmd/physarch check --write-docs docs/rules)", name)
		}
	}
}

// TestSuppressions: a reasoned ignore on the key's line or the line above
// suppresses that rule's finding there; one without a reason does not, and
// OP004 reports it.
func TestSuppressions(t *testing.T) {
	reg := components.Checks()
	run := func(edit func(string) string) []check.Finding {
		return reg.Run(variant{edit: edit}.context(t), check.Config{})
	}
	find := func(fs []check.Finding, id string) *check.Finding {
		for i := range fs {
			if fs[i].Rule == id {
				return &fs[i]
			}
		}
		return nil
	}
	// Without Front Door, so that SC001 is the only error (behind Front
	// Door a disabled WAF is SC010 too).
	noWAF := prod("ingress: {waf: false, frontDoor: none}")
	if f := find(run(noWAF), "SC001"); f == nil || f.Suppressed != "" {
		t.Fatalf("SC001 not reported: %+v", f)
	}
	above := func(s string) string {
		return replace("    profile: prod\n", "    profile: prod\n    # physarch:ignore SC001 the gateway runs a third-party WAF\n    ingress: {waf: false, frontDoor: none}\n")(s)
	}
	fs := run(above)
	if f := find(fs, "SC001"); f == nil || f.Suppressed != "the gateway runs a third-party WAF" {
		t.Errorf("comment above the key did not suppress SC001: %+v", f)
	}
	if w, any := check.Worst(fs); any && w == check.Error {
		t.Errorf("a suppressed finding still counts: worst %v", w)
	}
	sameLine := replace("    profile: prod\n", "    profile: prod\n    ingress: {waf: false, frontDoor: none} # physarch:ignore SC001 third-party WAF\n")
	if f := find(run(sameLine), "SC001"); f == nil || f.Suppressed == "" {
		t.Errorf("comment on the key's line did not suppress SC001: %+v", f)
	}
	otherRule := replace("    profile: prod\n", "    profile: prod\n    # physarch:ignore SC002 not this one\n    ingress: {waf: false, frontDoor: none}\n")
	if f := find(run(otherRule), "SC001"); f == nil || f.Suppressed != "" {
		t.Errorf("an ignore for another rule suppressed SC001: %+v", f)
	}
	noReason := replace("    profile: prod\n", "    profile: prod\n    # physarch:ignore SC001\n    ingress: {waf: false, frontDoor: none}\n")
	fs = run(noReason)
	if f := find(fs, "SC001"); f == nil || f.Suppressed != "" {
		t.Errorf("an ignore without a reason suppressed SC001: %+v", f)
	}
	if find(fs, "OP004") == nil {
		t.Error("an ignore without a reason was not reported")
	}
}

func TestConfig(t *testing.T) {
	reg := components.Checks()
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "c.yaml")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cfg, err := check.LoadConfig(write("disable: [SC001]\nseverity: {SC002: error}\n"), reg)
	if err != nil {
		t.Fatal(err)
	}
	c := variant{edit: prod("ingress: {waf: false, rateLimitPerMinute: 0}")}.context(t)
	fs := reg.Run(c, cfg)
	for _, f := range fs {
		if f.Rule == "SC001" {
			t.Error("disabled rule ran")
		}
		if f.Rule == "SC002" && f.Severity != check.Error {
			t.Errorf("SC002 severity %v, config says error", f.Severity)
		}
	}
	if _, err := check.LoadConfig(write("disable: [SC0001]\n"), reg); err == nil || !strings.Contains(err.Error(), "SC0001") {
		t.Errorf("unknown rule not reported: %v", err)
	}
	if _, err := check.LoadConfig(write("disabel: [SC001]\n"), reg); err == nil {
		t.Error("unknown key accepted")
	}
	only, err := check.LoadConfig(write("only: [AV001]\n"), reg)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range reg.Run(c, only) {
		if f.Rule != "AV001" {
			t.Errorf("only: [AV001] ran %s", f.Rule)
		}
	}
}

// TestProfileValuesPointAtTheProfileKey: a finding about a value the
// profile supplied points at the environment's profile line in the user's
// file, and says where the value came from.
func TestProfileValuesPointAtTheProfileKey(t *testing.T) {
	c := variant{planMut: func(pl *plan.Plan) {
		st, _ := spec.Block[appgateway.Settings](prodEnv(pl).Settings.Blocks, appgateway.Name)
		st.WAFMode = "Detection"
	}}.context(t)
	for _, f := range components.Checks().Run(c, check.Config{}) {
		if f.Rule != "SC003" {
			continue
		}
		if f.Pos.File != c.Doc.File || f.Pos.Line == 0 {
			t.Errorf("position %v is not in the spec", f.Pos)
		}
		if !strings.Contains(f.Message, "profile prod") {
			t.Errorf("message does not say the value came from the profile: %s", f.Message)
		}
		return
	}
	t.Fatal("SC003 not reported")
}

// FuzzLoadConfig: any config file is a config or an error, never a panic.
func FuzzLoadConfig(f *testing.F) {
	for _, s := range []string{"disable: [SC001]\n", "only: [AV001]\nseverity: {AV005: error}\n", "severity: {AV005: loud}\n", "- x\n", ""} {
		f.Add(s)
	}
	reg := components.Checks()
	f.Fuzz(func(t *testing.T, s string) {
		cfg, err := check.ParseConfig("c.yaml", []byte(s), reg)
		if err != nil {
			return
		}
		for _, id := range append(cfg.Disable, cfg.Only...) {
			if _, ok := reg.Rule(id); !ok {
				t.Fatalf("config accepted unknown rule %q", id)
			}
		}
	})
}
