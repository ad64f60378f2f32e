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
			fmt.Fprintf(cmd.OutOrStdout(), "physarch %s (spec %s)\n", versionString(), spec.APIVersion)
			return nil
		},
	}
}

// versionString is Version, else the module version, else "dev".
func versionString() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
