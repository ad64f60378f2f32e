package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
)

// seed999 writes the kt-event-marketing example with the seed documents'
// 99.9% prod target, which the design does not reach.
func seed999(t *testing.T) string {
	t.Helper()
	_, data, err := examples.Spec("kt-event-marketing")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "physarch.yaml")
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), "availability: 99.5", "availability: 99.9", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSLACommand(t *testing.T) {
	code, out, errs := run(t, t.TempDir(), "sla", "-f", seed999(t), "--env", "prod")
	if code != ExitOK {
		t.Fatalf("exit %d %s", code, errs)
	}
	for _, want := range []string{"whole system", "not a financially backed SLA", "Weakest links", "Redis"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, t.TempDir(), "sla", "--example", "tripgen", "--env", "prod", "--zones", "1", "--format", "json")
	var d struct {
		Before []struct {
			Percent float64 `json:"composite_percent"`
		} `json:"before"`
		After []struct {
			Percent float64 `json:"composite_percent"`
		} `json:"after"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil || code != ExitOK {
		t.Fatalf("%v %s", err, out)
	}
	if !(d.After[0].Percent < d.Before[0].Percent) {
		t.Errorf("one zone must lower the composite: %v → %v", d.Before[0].Percent, d.After[0].Percent)
	}
}
