package cli

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"
)

//go:embed starter.yaml
var starterSpec []byte

func newInit() *cobra.Command {
	var file string
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter physarch.yaml",
		Long:  "init writes a small, valid, commented spec to start from. It never replaces an existing file unless --force is given.",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := os.Stat(file); err == nil && !force {
				return fmt.Errorf("%s already exists; pass --force to replace it", file)
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("checking %s: %w", file, err)
			}
			if err := os.WriteFile(file, starterSpec, 0o644); err != nil {
				return fmt.Errorf("writing %s: %w", file, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Wrote %s. Next: physarch validate -f %s && physarch build -f %s\n", file, file, file)
			return nil
		},
	}
	cmd.Flags().StringVarP(&file, "file", "f", DefaultSpec, "where to write the spec")
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing file")
	return cmd
}
