package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

func newValidate() *cobra.Command {
	var sf specFlags
	var format string
	cmd := &cobra.Command{
		Use:   "validate [SPEC]",
		Short: "Check a spec and its plan without writing anything",
		Long: `validate loads the spec strictly (unknown keys, wrong types), checks every
reference (calls, queues, databases, external systems, call cycles) and
resolves the plan (capacity, node pools, subnets), reporting every problem
with file:line:column and a hint. Exit code 1 when there is any error.

` + specArgHelp,
		Example: `  physarch validate
  physarch validate spec.yaml --format json`,
		Args: specArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("--format must be text or json, not %q", format)}
			}
			src, err := sf.read(args, false)
			if err != nil {
				return err
			}
			doc, err := src.load()
			var pl *plan.Plan
			if err == nil {
				pl, err = components.Plan(doc)
			}
			var errs spec.Errors
			if err != nil && !errors.As(err, &errs) {
				return err
			}
			w := cmd.OutOrStdout()
			if format == "json" {
				if werr := writeJSON(w, struct {
					Spec   string      `json:"spec"`
					Valid  bool        `json:"valid"`
					Errors spec.Errors `json:"errors"`
				}{src.path, err == nil, append(spec.Errors{}, errs...)}); werr != nil {
					return werr
				}
				if err != nil {
					return silentExit{ExitInput}
				}
				return nil
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "%s is valid: %d services, %d environments (%s)\n", src.path, len(pl.Services), len(pl.Envs), envList(pl))
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

func envList(pl *plan.Plan) string {
	s := ""
	for i, e := range pl.Envs {
		if i > 0 {
			s += ", "
		}
		s += e.Name
	}
	return s
}
