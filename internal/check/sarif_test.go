package check_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/components"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/physarch/physarch/internal/realtools"
)

// TestSARIFValidates checks physarch's SARIF against the OASIS SARIF 2.1.0
// JSON schema, with findings, a suppression and an environment.
func TestSARIFValidates(t *testing.T) {
	path := realtools.Lookup(t, "sarif", []string{"PHYSARCH_SARIF_SCHEMA"}, "")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	if err := comp.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := comp.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	reg := components.Checks()
	c := variant{edit: replace("    profile: prod\n", "    profile: prod\n    # physarch:ignore SC001 a third-party WAF\n    ingress: {waf: false, rateLimitPerMinute: 0}\n")}.context(t)
	findings := reg.Run(c, check.Config{})
	out, err := check.SARIF(reg, findings, "test")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF output does not validate: %v", err)
	}
	// And the validator is awake: a log without its version is refused.
	var broken map[string]any
	_ = json.Unmarshal(out, &broken)
	delete(broken, "version")
	if err := schema.Validate(broken); err == nil {
		t.Fatal("the schema accepted a SARIF log without a version; the check proves nothing")
	}
	var log check.SarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	suppressed := 0
	for _, r := range log.Runs[0].Results {
		if len(r.Suppressions) > 0 {
			suppressed++
		}
		if r.Locations[0].PhysicalLocation.Region["startLine"] < 1 {
			t.Errorf("%s has no line", r.RuleID)
		}
	}
	if suppressed != 1 || len(log.Runs[0].Tool.Driver.Rules) != len(reg.Rules()) {
		t.Errorf("%d suppressed results, %d rules", suppressed, len(log.Runs[0].Tool.Driver.Rules))
	}
}

func TestSARIFURIIsEncoded(t *testing.T) {
	for in, want := range map[string]string{"./design/a b#c%d?.md": "design/a%20b%23c%25d%3F.md", "physarch.yaml": "physarch.yaml", "out/설계.md": "out/%EC%84%A4%EA%B3%84.md"} {
		if got := check.SarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
		}
	}
}
