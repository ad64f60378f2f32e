package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
)

// defaultCheckConfig is looked for next to the spec.
const defaultCheckConfig = "physarch-check.yaml"

func newCheck() *cobra.Command {
	var sf specFlags
	var format, failOn, config, writeDocs string
	var list, showSuppressed bool
	cmd := &cobra.Command{
		Use:   "check [SPEC]",
		Short: "Judge the design against availability, cost, capacity and security rules",
		Long: `check plans the spec, estimates cost and availability, and applies every
rule (physarch check --list; docs/rules/<ID>.md explains each). Findings
point at the spec key behind them (file:line:column) and name the
environment.

Suppress one finding with a reason, on the key's line or the line above:
  # physarch:ignore AV005 single-zone region
Disable rules or change their severity in physarch-check.yaml (next to the
spec, or --config):
  disable: [CO005]
  severity: {AV005: error}

Exit code 1 when a finding not suppressed reaches --fail-on (default error;
"none" never fails), 2 on usage errors.

` + specArgHelp,
		Example: `  physarch check
  physarch check services/shop/ --format sarif
  physarch check --list`,
		Args: specArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			reg := components.Checks()
			w := cmd.OutOrStdout()
			if list {
				for _, r := range reg.Rules() {
					fmt.Fprintf(w, "%s  %-7s  %-12s %s\n", r.ID, r.Severity, r.Family, r.Title)
				}
				return nil
			}
			if writeDocs != "" {
				return writeRuleDocs(writeDocs, reg, w)
			}
			if format != "text" && format != "json" && format != "sarif" {
				return usageError{fmt.Errorf("--format must be text, json or sarif, not %q", format)}
			}
			var threshold check.Severity
			never := failOn == "none"
			if !never {
				var err error
				if threshold, err = check.ParseSeverity(failOn); err != nil || threshold == check.Info {
					return usageError{fmt.Errorf("--fail-on must be warning, error or none, not %q", failOn)}
				}
			}
			src, err := sf.read(args, false)
			if err != nil {
				return err
			}
			cfg, err := checkConfig(config, src.path, reg)
			if err != nil {
				return usageError{err}
			}
			doc, err := src.load()
			var pl *plan.Plan
			if err == nil {
				pl, err = components.Plan(doc)
			}
			if err != nil {
				return err
			}
			prices, err := pricesFor(src)
			if err != nil {
				return err
			}
			ctx, err := check.NewContext(doc, pl, prices)
			if err != nil {
				return err
			}
			// The one command that judges the price data's age (OP007).
			ctx.Now = nowFunc()
			findings := reg.Run(ctx, cfg)
			switch format {
			case "json":
				if err := writeJSON(w, struct {
					Spec     string          `json:"spec"`
					Findings []check.Finding `json:"findings"`
				}{src.path, append([]check.Finding{}, findings...)}); err != nil {
					return err
				}
			case "sarif":
				b, err := check.SARIF(reg, findings, versionString())
				if err != nil {
					return err
				}
				fmt.Fprintln(w, string(b))
			default:
				check.Text(w, findings, isTerminal(w), showSuppressed)
			}
			if worst, any := check.Worst(findings); any && !never && worst >= threshold {
				return silentExit{ExitInput}
			}
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVar(&format, "format", "text", "output: text, json or sarif (SARIF 2.1.0 for code scanning)")
	cmd.Flags().StringVar(&failOn, "fail-on", "error", "exit 1 when a finding reaches: warning, error, or none")
	cmd.Flags().StringVar(&config, "config", "", "rule config file (default: "+defaultCheckConfig+" next to the spec, if present)")
	cmd.Flags().BoolVar(&list, "list", false, "list the rules and exit")
	cmd.Flags().BoolVar(&showSuppressed, "show-suppressed", false, "also list findings an inline physarch:ignore suppressed")
	cmd.Flags().StringVar(&writeDocs, "write-docs", "", "write the rules' documentation pages into this directory and exit")
	return cmd
}

// checkConfig reads --config, or physarch-check.yaml beside the spec.
func checkConfig(flag, specPath string, reg *check.Registry) (check.Config, error) {
	path := flag
	if path == "" {
		p := filepath.Join(filepath.Dir(specPath), defaultCheckConfig)
		if _, err := os.Stat(p); err != nil {
			return check.Config{}, nil
		}
		path = p
	}
	return check.LoadConfig(path, reg)
}

func writeRuleDocs(dir string, reg *check.Registry, w interface{ Write([]byte) (int, error) }) error {
	pages := map[string][]byte{}
	for _, r := range reg.Rules() {
		pages[r.ID] = check.DocPage(r)
	}
	return writeDocPages(dir, "rule", pages, check.Index(reg), w)
}

// writeDocPages writes one page per ID and the index as README.md: the
// rule pages of check and the check pages of audit are laid out alike.
func writeDocPages(dir, noun string, pages map[string][]byte, index []byte, w interface{ Write([]byte) (int, error) }) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	ids := make([]string, 0, len(pages))
	for id := range pages {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var errs []error
	for _, id := range ids {
		errs = append(errs, os.WriteFile(filepath.Join(dir, id+".md"), pages[id], 0o644))
	}
	errs = append(errs, os.WriteFile(filepath.Join(dir, "README.md"), index, 0o644))
	if err := errors.Join(errs...); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %d %s pages and README.md to %s\n", len(ids), noun, dir)
	return nil
}

// isTerminal reports whether output goes to a terminal (colour on), unless
// NO_COLOR is set.
func isTerminal(w any) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
