package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/audit"
	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/check"
)

// packageExts are the files audit reads from a directory; .txt for pages
// saved from a browser.
var packageExts = map[string]bool{".md": true, ".markdown": true, ".mmd": true, ".mermaid": true, ".puml": true, ".plantuml": true, ".pu": true, ".txt": true}

func newAudit() *cobra.Command {
	var format, failOn, baseline, writeDocs string
	var list bool
	cmd := &cobra.Command{
		Use:   "audit DIR|FILES...",
		Short: "Find what is inconsistent in a physical architecture package written by hand",
		Long: `audit reads a physical architecture package (Markdown documents, Mermaid
and PlantUML diagrams; pages saved from a browser too) and reports, with the
conflicting lines quoted and located, what does not agree:

  arithmetic   a total that is not the sum of its rows, an environment's
               monthly cost stated differently, downtime or "N배" claims
               that do not follow from their figures
  network      subnets outside the VNet or overlapping, fixed IPs outside
               their subnet, one subnet with two ranges, ranges that are no
               CIDR
  cross-file   services, replicas, HPA bounds, ports, tiers, queues, RTO/RPO,
               the region or the system's name differing between documents
               and diagrams
  catalog      cache and VM sizes stated with the wrong memory or vCPUs, SLAs
               above Azure's, availability targets the components cannot reach
  format       hostPath storage, PDBs that allow no disruption, missing
               chapters, diagrams Mermaid or PlantUML would refuse

DIR is a package directory (or a build output: its design/backend/physical
is read). audit --list lists the checks; docs/audit/<ID>.md explains each.

--baseline FILE reports only findings not in FILE, a saved
` + "`physarch audit ... --format json`" + ` run. Exit code 1 when a finding reaches
--fail-on (default error; "none" never fails), 2 on usage errors.`,
		Example: `  physarch audit design/backend/physical/
  physarch audit physical-architecture.md network-prod.mmd --format sarif
  physarch audit out/ --format json > audit-baseline.json
  physarch audit out/ --baseline audit-baseline.json`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			reg := audit.Default()
			w := cmd.OutOrStdout()
			if list {
				for _, c := range reg.Checks() {
					fmt.Fprintf(w, "%s  %-7s  %-10s %s\n", c.ID, c.Severity, c.Family, c.Title)
				}
				return nil
			}
			if writeDocs != "" {
				return writeAuditDocs(writeDocs, reg, w)
			}
			if len(args) == 0 {
				return usageError{errors.New("audit needs a package directory or files")}
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
			// A bad baseline is reported with bad inputs, all at once.
			var keys map[string]bool
			var berr error
			if baseline != "" {
				keys, berr = audit.LoadBaseline(baseline)
			}
			inputs, err := auditInputs(args)
			if err != nil || berr != nil {
				var ue usageError
				if err != nil && !errors.As(err, &ue) {
					return err
				}
				return usageError{errors.Join(err, berr)}
			}
			findings := reg.Run(facts.Extract(inputs))
			if baseline != "" {
				findings = audit.New(findings, keys)
			}
			findings = audit.Cap(findings)
			switch format {
			case "json":
				var names []string
				for _, in := range inputs {
					names = append(names, in.Name)
				}
				if err := writeJSON(w, audit.Report{Files: names, Findings: append([]audit.Finding{}, findings...)}); err != nil {
					return err
				}
			case "sarif":
				b, err := audit.SARIF(reg, findings, versionString())
				if err != nil {
					return err
				}
				fmt.Fprintln(w, string(b))
			default:
				audit.Text(w, findings, isTerminal(w))
			}
			if worst, any := audit.Worst(findings); any && !never && worst >= threshold {
				return silentExit{ExitInput}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output: text, json or sarif (SARIF 2.1.0, every quoted line a location)")
	cmd.Flags().StringVar(&failOn, "fail-on", "error", "exit 1 when a finding reaches: warning, error, or none")
	cmd.Flags().StringVar(&baseline, "baseline", "", "report only findings not in this saved --format json run")
	cmd.Flags().BoolVar(&list, "list", false, "list the checks and exit")
	cmd.Flags().StringVar(&writeDocs, "write-docs", "", "write the checks' documentation pages into this directory and exit")
	return cmd
}

// auditInputs reads the files named, or a directory's package files.
func auditInputs(args []string) ([]facts.Input, error) {
	var paths []string
	var bad []error
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			bad = append(bad, fmt.Errorf("cannot read %s: %w", a, err))
			continue
		}
		if !st.IsDir() {
			paths = append(paths, a)
			continue
		}
		dir := a
		if sub := filepath.Join(a, "design", "backend", "physical"); isDir(sub) {
			dir = sub
		}
		ents, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", dir, err)
		}
		var found []string
		for _, e := range ents {
			// Hidden files are an editor's or a tool's (".#x.md" is an
			// Emacs lock, a link to nowhere), never the package's.
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			// A FIFO, socket or device in the package is no document (a
			// FIFO would block the read).
			if !e.IsDir() && e.Type()&^fs.ModeSymlink != 0 && packageExts[strings.ToLower(filepath.Ext(e.Name()))] {
				bad = append(bad, fmt.Errorf("%s is not a regular file", filepath.Join(dir, e.Name())))
				continue
			}
			if !e.IsDir() && packageExts[strings.ToLower(filepath.Ext(e.Name()))] {
				found = append(found, filepath.Join(dir, e.Name()))
			}
			// A link in the package could quote any file of the machine
			// (into SARIF uploaded elsewhere): only the package's own
			// files are read; a file named on the command line is the
			// user's choice.
			if e.Type()&fs.ModeSymlink != 0 && packageExts[strings.ToLower(filepath.Ext(e.Name()))] {
				found = found[:len(found)-1]
				bad = append(bad, fmt.Errorf("%s is a symbolic link; audit reads only the package's own files (name the target to audit it)", filepath.Join(dir, e.Name())))
			}
		}
		if len(found) == 0 {
			bad = append(bad, fmt.Errorf("%s holds no .md, .mmd, .puml or .txt file", dir))
			continue
		}
		sort.Strings(found)
		paths = append(paths, found...)
	}
	// A file named twice (or a directory and one of its files) is read
	// once: twice, its cost rows would add up to twice its total.
	var unique []string
	seen := map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err == nil && seen[abs] {
			continue
		}
		seen[abs] = true
		unique = append(unique, p)
	}
	if len(unique) > maxAuditFiles {
		return nil, usageError{errors.Join(append(bad, fmt.Errorf("%d files named; a package is seven, and audit reads at most %d at once", len(unique), maxAuditFiles))...)}
	}
	var out []facts.Input
	for _, p := range unique {
		b, err := readAuditFile(p)
		if err != nil {
			bad = append(bad, err)
			continue
		}
		out = append(out, facts.Input{Name: p, Data: b})
	}
	if len(bad) > 0 {
		return nil, usageError{errors.Join(bad...)}
	}
	return out, nil
}

// maxAuditFile bounds one input: the largest generated document is about
// 100 KB and the hand-written packages are smaller still, while reading
// is linear in memory (50 MB of table gutter took 7 GB before the bound).
const maxAuditFile = 4 << 20

// maxAuditFiles bounds one run: the checks compare every file with the
// others.
const maxAuditFiles = 200

// readAuditFile reads one package file: a regular text file of at most
// maxAuditFile bytes (a NUL byte in its first 8 KB means it is not text).
func readAuditFile(p string) ([]byte, error) {
	b, err := audit.ReadBounded(p, maxAuditFile)
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(b[:min(len(b), 8192)], 0) >= 0 {
		return nil, fmt.Errorf("%s is not a text file (it holds NUL bytes); audit reads Markdown, Mermaid and PlantUML", p)
	}
	return b, nil
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func writeAuditDocs(dir string, reg *audit.Registry, w interface{ Write([]byte) (int, error) }) error {
	pages := map[string][]byte{}
	for _, c := range reg.Checks() {
		pages[c.ID] = audit.DocPage(c)
	}
	return writeDocPages(dir, "check", pages, audit.Index(reg), w)
}
