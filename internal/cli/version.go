package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/spec"
)

// Version is set at link time (-ldflags "-X .../cli.Version=v1.2.3"); a
// plain build reports the module version or "dev".
var Version = ""

func newVersion() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print physarch's version and the spec version it reads",
		RunE: func(cmd *cobra.Command, _ []string) error {
			v := Version
			if v == "" {
				v = "dev"
				if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
					v = bi.Main.Version
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "physarch %s (spec %s)\n", v, spec.APIVersion)
			return nil
		},
	}
}
