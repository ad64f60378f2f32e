package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSLACommand(t *testing.T) {
	code, out, errs := run(t, t.TempDir(), "sla", "--example", "kt-event-marketing", "--env", "prod")
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
