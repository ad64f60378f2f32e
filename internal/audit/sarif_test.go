package audit_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/physarch/physarch/internal/audit"
	"github.com/physarch/physarch/internal/realtools"
)

// TestSARIFValidates checks audit's SARIF (check's writer, every quoted
// line a location) against the OASIS SARIF 2.1.0 schema.
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
	files := readDir(t, "testdata/clean")
	files["physical-architecture.md"] = strings.Replace(files["physical-architecture.md"], "| 월 비용 | $150 |", "| 월 비용 | $200 |", 1)
	reg := audit.Default()
	fs := run(files)
	out, err := audit.SARIF(reg, fs, "test")
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
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID           string            `json:"ruleId"`
				Locations        []json.RawMessage `json:"locations"`
				RelatedLocations []json.RawMessage `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs[0].Results) != 1 || len(log.Runs[0].Results[0].Locations) != 1 || len(log.Runs[0].Results[0].RelatedLocations) != len(fs[0].Quotes)-1 || len(fs[0].Quotes) < 2 {
		t.Errorf("results: %+v, quotes %d", log.Runs[0].Results, len(fs[0].Quotes))
	}
}

// TestTextOutputIsInert: an escape sequence in a quoted line prints as its
// symbol, never reaches the terminal.
func TestTextOutputIsInert(t *testing.T) {
	files := readDir(t, "testdata/clean")
	files["physical-architecture.md"] = strings.Replace(files["physical-architecture.md"], "| 월 비용 | $150 |", "| 월 비용 \x1b]0;pwned\x07 | $200 |", 1)
	fs := run(files)
	var b strings.Builder
	audit.Text(&b, fs, false)
	if strings.ContainsAny(b.String(), "\x1b\x07") || !strings.Contains(b.String(), "월 비용 ␛]0;pwned␇") {
		t.Errorf("text output:\n%q", b.String())
	}
}

// TestCapCountsWhatItHides: 250 findings of one check show 200 and a
// summary whose key carries the count (so a baseline never hides a
// changed number of hidden findings).
func TestCapCountsWhatItHides(t *testing.T) {
	var fs []audit.Finding
	for i := 0; i < 250; i++ {
		fs = append(fs, audit.Finding{ID: "AU011", Key: fmt.Sprint(i), Quotes: []audit.Quote{{File: "a.md", Line: i + 1}}})
	}
	fs = append(fs, audit.Finding{ID: "AU001", Key: "x"})
	got := audit.Cap(fs)
	if len(got) != 202 || !strings.Contains(got[201].Message, "50 more findings") || !strings.HasSuffix(got[201].Key, "50 more") {
		t.Fatalf("%d findings, last %q key %q", len(got), got[len(got)-1].Message, got[len(got)-1].Key)
	}
}
