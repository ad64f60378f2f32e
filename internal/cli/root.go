// Package cli is physarch's command line: one file per command, each a thin
// layer over the pipeline packages.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/spec"
)

// Exit codes CI can rely on.
const (
	ExitOK       = 0
	ExitInput    = 1 // the spec (or what it asks for) has errors
	ExitUsage    = 2 // the command line is wrong
	ExitInternal = 3 // a bug in physarch (a panic): nothing the user did wrong
)

// bugReports is where the internal-error message sends people.
const bugReports = "https://github.com/physarch/physarch/issues"

// silentExit ends with a code after the command already printed its
// result (for example JSON output that lists the errors).
type silentExit struct{ code int }

func (s silentExit) Error() string { return fmt.Sprintf("exit %d", s.code) }

// usageError marks command-line mistakes, which exit with ExitUsage.
type usageError struct{ error }

// Execute runs physarch with args and returns the exit code.
func Execute(args []string, stdout, stderr io.Writer) int {
	return execute(newRoot(stdout, stderr), args, stderr)
}

// execute runs a command tree; tests give it trees with commands of their
// own. A panic, here or in a goroutine that recovered it into a
// *render.Panic, is reported as a bug in one line, not as a stack trace.
func execute(root *cobra.Command, args []string, stderr io.Writer) (code int) {
	defer func() {
		if v := recover(); v != nil {
			p, ok := v.(*render.Panic)
			if !ok {
				p = &render.Panic{Value: v, Stack: debug.Stack()}
			}
			code = reportBug(stderr, p)
		}
	}()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var serrs spec.Errors
	var uerr usageError
	var quiet silentExit
	var bug *render.Panic
	switch {
	case errors.As(err, &bug):
		return reportBug(stderr, bug)
	case errors.As(err, &quiet):
		return quiet.code
	case errors.As(err, &serrs):
		printErrors(stderr, serrs)
		return ExitInput
	case errors.As(err, &uerr), strings.HasPrefix(err.Error(), "unknown command"):
		fmt.Fprintf(stderr, "physarch: %v\nRun 'physarch --help' for usage.\n", err)
		return ExitUsage
	default:
		fmt.Fprintf(stderr, "physarch: %v\n", err)
		return ExitInput
	}
}

// reportBug prints one line saying what happened, that it is a bug and
// where to report it; PHYSARCH_DEBUG=1 adds the stack of where it
// happened.
func reportBug(stderr io.Writer, p *render.Panic) int {
	what := strings.TrimRight(strings.Join(strings.Fields(fmt.Sprint(p.Value)), " "), ".")
	fmt.Fprintf(stderr, "physarch: internal error: %s. This is a bug in physarch, not in your input; please report it at %s with the command you ran (PHYSARCH_DEBUG=1 prints the stack trace).\n", what, bugReports)
	if os.Getenv("PHYSARCH_DEBUG") == "1" {
		fmt.Fprintf(stderr, "%s", p.Stack)
	}
	return ExitInternal
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "physarch",
		Short: "Make and check a system's physical architecture from one spec",
		Long: `physarch turns one physarch.yaml into the seven-file physical architecture
package (design/backend/physical/: master, per-environment documents and
Mermaid diagrams), with every figure computed once from the spec.

Exit codes: 0 ok, 1 errors in the input, 2 usage errors, 3 an internal
error (a bug in physarch; the message says where to report it).`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newBuild(), newValidate(), newCheck(), newAudit(), newImport(), newDiff(), newCost(), newSLA(), newServe(), newPrices(), newSchema(), newInit(), newVersion())
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	return root
}

// wrapArgs makes argument-count errors usage errors, in c and its
// subcommands; a command that names no Args takes none.
func wrapArgs(c *cobra.Command) {
	if c.Args == nil {
		c.Args = cobra.NoArgs
	}
	check := c.Args
	c.Args = func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
	for _, sub := range c.Commands() {
		wrapArgs(sub)
	}
}

func printErrors(w io.Writer, errs spec.Errors) {
	for _, e := range errs {
		fmt.Fprintf(w, "%s: error: %s\n", e.Pos, e.Msg)
		if e.Hint != "" {
			fmt.Fprintf(w, "    hint: %s\n", e.Hint)
		}
	}
	noun := "errors"
	if len(errs) == 1 {
		noun = "error"
	}
	fmt.Fprintf(w, "%d %s; nothing was written\n", len(errs), noun)
}

// nowFunc is the clock for records such as a cache's fetch date.
func nowFunc() time.Time { return time.Now() }
