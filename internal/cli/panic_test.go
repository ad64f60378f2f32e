package cli

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/render"
)

// withCommand runs physarch's own command tree plus one test command.
func withCommand(t *testing.T, c *cobra.Command, args ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	root := newRoot(&out, &errb)
	root.AddCommand(c)
	code := execute(root, args, &errb)
	return code, errb.String()
}

func bump(m map[string]int) { m["x"]++ }

// TestPanicIsReportedAsABug: a panic in a command, or in one of its
// goroutines (recovered by render.Concurrently into an error, then
// wrapped), ends with exit code 3 and one line asking for a bug report,
// with no stack trace; PHYSARCH_DEBUG=1 adds the stack (before: Go's
// panic output, exit 2).
func TestPanicIsReportedAsABug(t *testing.T) {
	inCommand := &cobra.Command{Use: "boom", RunE: func(*cobra.Command, []string) error {
		bump(nil) // a runtime panic
		return nil
	}}
	inGoroutine := &cobra.Command{Use: "boom-go", RunE: func(*cobra.Command, []string) error {
		_, err := render.Concurrently(func() ([]render.File, error) { panic("renderer exploded\nsecond line") })
		return fmt.Errorf("rendering: %w", err)
	}}
	for _, c := range []struct {
		cmd  *cobra.Command
		what string
	}{
		{inCommand, "assignment to entry in nil map"},
		{inGoroutine, "renderer exploded second line"},
	} {
		t.Setenv("PHYSARCH_DEBUG", "")
		code, errs := withCommand(t, c.cmd, c.cmd.Use)
		if code != ExitInternal {
			t.Errorf("%s: exit %d, want %d", c.cmd.Use, code, ExitInternal)
		}
		for _, want := range []string{"internal error: " + c.what, "bug in physarch", bugReports, "PHYSARCH_DEBUG=1"} {
			if !strings.Contains(errs, want) {
				t.Errorf("%s: message lacks %q: %s", c.cmd.Use, want, errs)
			}
		}
		if strings.Count(errs, "\n") != 1 || strings.Contains(errs, "goroutine") {
			t.Errorf("%s: not one line without a stack: %q", c.cmd.Use, errs)
		}
		t.Setenv("PHYSARCH_DEBUG", "1")
		code, errs = withCommand(t, c.cmd, c.cmd.Use)
		if code != ExitInternal || !strings.Contains(errs, "goroutine") || !strings.Contains(errs, "panic_test.go") {
			t.Errorf("%s with PHYSARCH_DEBUG=1: exit %d, no stack of the panic:\n%s", c.cmd.Use, code, errs)
		}
	}
}
