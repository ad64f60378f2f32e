package maintenance_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"
)

// prodMaintenance is the phonebill example with maintenance settings in
// prod; the settings land on line 68, from column 5.
func prodMaintenance(t *testing.T, settings string) string {
	t.Helper()
	_, base, err := examples.Spec("phonebill")
	if err != nil {
		t.Fatal(err)
	}
	src := string(base)
	if !strings.Contains(src, "    profile: prod\n") {
		t.Fatal("phonebill has no prod profile line")
	}
	return strings.Replace(src, "    profile: prod\n", "    profile: prod\n    maintenance: "+settings+"\n", 1)
}

// TestBadMaintenanceInput: a window Azure would refuse is refused by the
// loader, once, at its line and column, with a hint.
func TestBadMaintenanceInput(t *testing.T) {
	cases := []struct {
		name      string
		settings  string
		line, col int
		want      []string
	}{
		{"a window under 4 hours", "{hours: 2}", 68, 26, []string{"Azure requires a maintenance window of at least 4 hours"}},
		{"a window over a day", "{hours: 30}", 68, 26, []string{"from 4 to 24"}},
		{"a day misspelt", "{day: sunday}", 68, 24, []string{`"sunday" is not allowed`, `"Sunday"`}},
		{"a start that is no time", "{start: \"2am\"}", 68, 26, []string{"HH:MM"}},
		{"an offset without minutes", "{utcOffset: \"+9\"}", 68, 30, []string{"+09:00"}},
		{"an unknown channel", "{upgradeChannel: latest}", 68, 35, []string{`"latest" is not allowed`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := components.Load("physarch.yaml", []byte(prodMaintenance(t, c.settings)))
			var errs spec.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want positioned errors, got %v", err)
			}
			if len(errs) != 1 {
				t.Fatalf("want 1 error, got %d:\n%v", len(errs), errs)
			}
			e := errs[0]
			if e.Pos.Line != c.line || e.Pos.Col != c.col {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, c.line, c.col, e)
			}
			if e.Hint == "" {
				t.Errorf("error %q has no hint", e.Msg)
			}
			for _, w := range c.want {
				if !strings.Contains(e.Error()+" "+e.Hint, w) {
					t.Errorf("error %q (hint %q) does not say %q", e.Error(), e.Hint, w)
				}
			}
		})
	}
}

// TestPatchPinnedUnderAChannel: a patch version under a channel that moves
// it is refused where the version is stated.
func TestPatchPinnedUnderAChannel(t *testing.T) {
	src := strings.Replace(prodMaintenance(t, "{upgradeChannel: patch}"), "    maintenance:", "    aks: {kubernetesVersion: \"1.35.2\"}\n    maintenance:", 1)
	doc, err := components.Load("physarch.yaml", []byte(src))
	if err == nil {
		_, err = components.Plan(doc)
	}
	var errs spec.Errors
	if !errors.As(err, &errs) || len(errs) != 1 {
		t.Fatalf("want one positioned error, got %v", err)
	}
	if !strings.Contains(errs[0].Error(), "pins a patch version") || !strings.Contains(errs[0].Hint, `"1.35"`) {
		t.Errorf("error %q hint %q", errs[0].Error(), errs[0].Hint)
	}
}
