package check_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/components"

	"github.com/physarch/physarch/examples"
)

func runOn(t *testing.T, file string, data []byte) []check.Finding {
	t.Helper()
	return components.Checks().Run(analyse(t, file, data, nil), check.Config{})
}

// TestExamplesHaveNoErrors: every example, as intended, passes check.
func TestExamplesHaveNoErrors(t *testing.T) {
	for _, name := range examples.Names() {
		p, data, err := examples.Spec(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range runOn(t, p, data) {
			if f.Severity == check.Error && f.Suppressed == "" {
				t.Errorf("%s: %s %s %s", name, f.Pos, f.Rule, f.Message)
			}
		}
	}
}

// TestFlawedCopies: a deliberately flawed copy of each example reports
// exactly the expected rules at the expected lines.
func TestFlawedCopies(t *testing.T) {
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "flawed", name+".yaml")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("testdata", "flawed", name+".expected"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range runOn(t, path, data) {
				env := f.Env
				if env == "" {
					env = "-"
				}
				got = append(got, fmt.Sprintf("%d %s %s", f.Pos.Line, f.Rule, env))
			}
			var exp []string
			for _, l := range strings.Split(strings.TrimSpace(string(want)), "\n") {
				if l != "" && !strings.HasPrefix(l, "#") {
					exp = append(exp, l)
				}
			}
			if strings.Join(got, "\n") != strings.Join(exp, "\n") {
				t.Errorf("findings differ\n--- got\n%s\n--- want\n%s", strings.Join(got, "\n"), strings.Join(exp, "\n"))
			}
		})
	}
}
