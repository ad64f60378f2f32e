package cli

import (
	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/components"
)

func newSchema() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of physarch.yaml",
		Long: `schema prints the JSON Schema (draft 2020-12) of spec v1. Save it and point
your editor at it with a first line in physarch.yaml:

  # yaml-language-server: $schema=./physarch.schema.json

(the YAML extension of VS Code and other yaml-language-server editors then
complete keys and flag unknown ones as you type).`,
		Example: "  physarch schema > physarch.schema.json",
		RunE: func(cmd *cobra.Command, _ []string) error {
			b, err := components.Schema()
			if err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(b)
			return err
		},
	}
}
