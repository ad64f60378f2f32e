package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/output"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
)

func newBuild() *cobra.Command {
	var sf specFlags
	var out, lang, format, diagrams string
	var force bool
	cmd := &cobra.Command{
		Use:   "build [SPEC]",
		Short: "Generate the physical architecture package and its deployable output",
		Long: `build reads the spec (default ./physarch.yaml), resolves it into one plan
per environment and writes, all from that plan:
  <out>/design/backend/physical/   the seven-file package (documents, diagrams;
                                   --diagrams plantuml writes .puml instead of
                                   .mmd, both writes the two side by side)
  <out>/deploy/k8s/                Kustomize base + one overlay per environment
  <out>/deploy/terraform/<env>/    azurerm root module per environment
  <out>/deploy/compose/            the dev environment for docker compose

With no spec in the current directory and none named, build uses the
built-in kt-event-marketing example, so 'physarch build' works on a fresh
checkout.

Output is staged and moved into place only when everything was generated;
files physarch did not generate (or that were edited since) are never
replaced unless --force is given, and nothing is written through a symbolic
link. <out>/.physarch-generated.json records what was generated; a build
that was interrupted is finished by the next one; concurrent builds of one
directory wait for each other (at most 2 minutes).

` + specArgHelp,
		Example: `  physarch build
  physarch build spec.yaml -o out --lang en
  physarch build --diagrams both       (PlantUML .puml next to the Mermaid .mmd)
  physarch build services/shop/        (reads services/shop/physarch.yaml)
  physarch build --example phonebill -o /tmp/phonebill`,
		Args: specArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			if lang != string(md.Ko) && lang != string(md.En) {
				return usageError{fmt.Errorf("--lang must be ko or en, not %q", lang)}
			}
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("--format must be text or json, not %q", format)}
			}
			if err := generate.CheckDiagrams(diagrams); err != nil {
				return usageError{err}
			}
			src, err := sf.read(args, true)
			if err != nil {
				return err
			}
			prices, err := pricesFor(src)
			if err != nil {
				return err
			}
			pl, files, err := generate.Spec(src.path, src.data, generate.Options{Lang: md.Lang(lang), Prices: prices, Diagrams: diagrams})
			if err != nil {
				return err
			}
			rep, err := output.Write(out, files, output.Options{Force: force, Log: cmd.ErrOrStderr()})
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if format == "json" {
				return writeJSON(w, struct {
					Spec     string       `json:"spec"`
					Embedded bool         `json:"embedded"`
					Renamed  []nameChange `json:"names_changed"`
					*output.Report
				}{src.path, src.embedded, nameChanges(pl), rep})
			}
			if src.embedded {
				fmt.Fprintf(w, "No %s here: building the built-in example %s.\n", DefaultSpec, src.path)
			}
			fmt.Fprintf(w, "Built %s into %s: %d written, %d unchanged, %d removed.\n", src.path, out, len(rep.Written), len(rep.Unchanged), len(rep.Removed))
			for _, f := range files {
				fmt.Fprintf(w, "  %s/%s\n", out, f.Path)
			}
			for _, c := range nameChanges(pl) {
				fmt.Fprintf(w, "note: [%s] %s %q is named %q: %s\n", c.Env, c.Resource, c.Wanted, c.Got, c.Why)
			}
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVarP(&out, "out", "o", "out", "output directory")
	cmd.Flags().StringVar(&lang, "lang", "ko", "document language: ko or en")
	cmd.Flags().StringVar(&format, "format", "text", "report format: text or json")
	cmd.Flags().StringVar(&diagrams, "diagrams", generate.DiagramsMermaid, "diagram notation: mermaid, plantuml (.puml instead of .mmd) or both")
	cmd.Flags().BoolVar(&force, "force", false, "replace files physarch did not generate")
	return cmd
}

// nameChange is a name the naming rules changed, for the build report.
type nameChange struct {
	Env      string `json:"environment"`
	Resource string `json:"resource"`
	Wanted   string `json:"wanted"`
	Got      string `json:"got"`
	Why      string `json:"why"`
}

func nameChanges(pl *plan.Plan) []nameChange {
	out := []nameChange{}
	for _, e := range pl.Envs {
		for _, c := range e.NameChanges {
			out = append(out, nameChange{e.Name, c.Resource, c.Wanted, c.Got, c.Why})
		}
	}
	return out
}
