package cli

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/diff"
	"github.com/physarch/physarch/internal/plan"
)

// side is one design, analysed and checked.
type side struct {
	label string
	plan  *plan.Plan
	envs  map[string]*diff.Env
	// system holds the findings about no single environment.
	system []check.Finding
}

func newDiff() *cobra.Command {
	var sf specFlags
	var gitRev, format string
	var envs, regions []string
	cmd := &cobra.Command{
		Use:   "diff [OLD NEW | --git REV [SPEC] | --env A --env B [SPEC] | --region R... [SPEC]]",
		Short: "Show what a change does to cost, availability, capacity and findings",
		Long: `diff compares two designs per environment: monthly cost (total and by
component), composite availability, node pools and nodes, replicas,
subnets, and the check findings that appear or disappear.

  physarch diff old.yaml new.yaml          two spec files
  physarch diff --git main [SPEC]          the spec against itself at a git revision
  physarch diff --env dev --env prod [SPEC]  two environments of one spec, side by side
  physarch diff --region eastus [SPEC]     the same plan priced in the spec's region and in
                                           each --region (repeatable), side by side: total and
                                           per component, each cell sourced, region-ratio or
                                           fallback; a region without zones cannot hold a
                                           plan across zones, and the output says so

--git takes a revision git can resolve to a commit (a branch, tag, commit
id, HEAD~1, ...), never an option: a revision starting with "-" is
refused. Errors in the spec as it was at the revision say so
(physarch.yaml@main:12:5).

--format markdown writes a pull-request comment; json is for machines.

With --git or --env, ` + specArgHelp,
		Args: cobra.RangeArgs(0, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" && format != "markdown" {
				return usageError{fmt.Errorf("--format must be text, json or markdown, not %q", format)}
			}
			var report diff.Report
			switch {
			case len(regions) > 0:
				if len(envs) > 0 || gitRev != "" || len(args) > 1 {
					return usageError{fmt.Errorf("--region compares one spec's plan across regions (--region R [--region R2] [SPEC]); it does not combine with --env, --git or two specs")}
				}
				src, err := sf.read(args, false)
				if err != nil {
					return err
				}
				doc, err := src.load()
				if err != nil {
					return err
				}
				list, err := regionList(doc.Spec.Region, regions, true)
				if err != nil {
					return err
				}
				cmps, err := compareRegions(src, "", list)
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				switch format {
				case "json":
					return writeJSON(w, cmps)
				case "markdown":
					diff.RegionMarkdown(w, cmps)
				default:
					diff.RegionText(w, cmps)
				}
				return nil
			case len(envs) > 0:
				if len(envs) != 2 || len(args) > 1 || gitRev != "" {
					return usageError{fmt.Errorf("--env takes exactly two environments of one spec (--env dev --env prod [SPEC])")}
				}
				src, err := sf.read(args, false)
				if err != nil {
					return err
				}
				s, err := analyse(src, src.path)
				if err != nil {
					return err
				}
				a, b := s.envs[envs[0]], s.envs[envs[1]]
				if a == nil || b == nil {
					return usageError{fmt.Errorf("the spec has environments %s, not %s and %s", envList(s.plan), envs[0], envs[1])}
				}
				report = diff.Compare(envs[0], envs[1], []diff.Pair{{Name: envs[0] + " → " + envs[1], Old: a, New: b}})
			case gitRev != "":
				if len(args) > 1 {
					return usageError{fmt.Errorf("--git compares one spec with itself at a revision; give one spec (or -f), not %d files", len(args))}
				}
				src, err := sf.read(args, false)
				if err != nil {
					return err
				}
				if src.embedded {
					return usageError{fmt.Errorf("--git compares a spec file in a git repository; --example has no history")}
				}
				oldData, err := gitShow(gitRev, src.path)
				if err != nil {
					return err
				}
				label := src.path + "@" + gitRev
				oldSide, err := analyse(&source{path: src.path, name: label, data: oldData}, label)
				if err != nil {
					return fmt.Errorf("the spec at %s: %w", gitRev, err)
				}
				newSide, err := analyse(src, src.path)
				if err != nil {
					return err
				}
				report = compareSides(oldSide, newSide)
			default:
				if len(args) != 2 {
					return usageError{fmt.Errorf("give two spec files, --git REV, or --env A --env B")}
				}
				var sides [2]*side
				for i, p := range args {
					src, err := readSpec(p, "", false)
					if err != nil {
						return err
					}
					if sides[i], err = analyse(src, p); err != nil {
						return err
					}
				}
				report = compareSides(sides[0], sides[1])
			}
			w := cmd.OutOrStdout()
			switch format {
			case "json":
				return writeJSON(w, report)
			case "markdown":
				diff.Markdown(w, report)
			default:
				diff.Text(w, report)
			}
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVar(&gitRev, "git", "", "compare the spec with its version at this git revision")
	cmd.Flags().StringArrayVar(&envs, "env", nil, "two environments of one spec to put side by side (repeat: --env dev --env prod)")
	cmd.Flags().StringArrayVar(&regions, "region", nil, "price the spec's plan in this region too, beside its own (repeat)")
	cmd.Flags().StringVar(&format, "format", "text", "output: text, json or markdown")
	return cmd
}

// analyse loads, plans, prices, estimates and checks one design.
func analyse(src *source, label string) (*side, error) {
	doc, err := src.load()
	if err != nil {
		return nil, err
	}
	pl, err := components.Plan(doc)
	if err != nil {
		return nil, err
	}
	prices, err := pricesFor(src)
	if err != nil {
		return nil, err
	}
	ctx, err := check.NewContext(doc, pl, prices)
	if err != nil {
		return nil, err
	}
	cfg, err := checkConfig("", src.path, components.Checks())
	if err != nil {
		return nil, err
	}
	s := &side{label: label, plan: pl, envs: map[string]*diff.Env{}}
	for _, e := range pl.Envs {
		s.envs[e.Name] = &diff.Env{Plan: e, Cost: ctx.Cost[e.Name], Avail: ctx.Avail[e.Name]}
	}
	for _, f := range components.Checks().Run(ctx, cfg) {
		if e := s.envs[f.Env]; e != nil {
			e.Findings = append(e.Findings, f)
		} else {
			s.system = append(s.system, f)
		}
	}
	return s, nil
}

// compareSides pairs environments by name, in the new spec's order, then
// those only the old one has; findings about no environment come last.
func compareSides(o, n *side) diff.Report {
	var pairs []diff.Pair
	for _, e := range n.plan.Envs {
		pairs = append(pairs, diff.Pair{Name: e.Name, Old: o.envs[e.Name], New: n.envs[e.Name]})
	}
	for _, e := range o.plan.Envs {
		if n.envs[e.Name] == nil {
			pairs = append(pairs, diff.Pair{Name: e.Name, Old: o.envs[e.Name]})
		}
	}
	if len(o.system)+len(n.system) > 0 {
		pairs = append(pairs, diff.Pair{Name: "system", Old: &diff.Env{Findings: o.system}, New: &diff.Env{Findings: n.system}})
	}
	r := diff.Compare(o.label, n.label, pairs)
	// The system pair only carries findings; show it when they changed.
	if last := len(r.Envs) - 1; last >= 0 && r.Envs[last].Env == "system" && r.Envs[last].Status == "unchanged" {
		r.Envs = r.Envs[:last]
	}
	return r
}

// gitShow reads a file as it was at a revision. The revision is resolved
// to a commit id first, and only that id reaches the command that reads
// the file, so nothing the user typed is ever parsed by git as an option:
// a revision starting with "-" is refused outright, and rev-parse is told
// where its options end.
func gitShow(rev, path string) ([]byte, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, usageError{fmt.Errorf("--git %q is not a revision: it must not start with '-' (a branch, tag, commit id or HEAD~1, for example)", rev)}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	commit, msg, err := git(dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return nil, usageError{fmt.Errorf("--git %s: not a commit in the repository of %s%s", rev, path, msg)}
	}
	id := strings.TrimSpace(string(commit))
	out, msg, err := git(dir, "show", "--end-of-options", id+":./"+base)
	if err != nil {
		return nil, usageError{fmt.Errorf("git show %s:%s (%s is commit %s)%s", rev, path, rev, id, msg)}
	}
	return out, nil
}

// git runs git in dir and returns its output or, when it fails, git's
// message (as " (message)", empty when git said nothing).
func git(dir string, args ...string) (out []byte, msg string, err error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err = cmd.Output()
	if err == nil {
		return out, "", nil
	}
	msg = err.Error()
	if ee, ok := err.(*exec.ExitError); ok {
		msg = strings.TrimSpace(string(ee.Stderr))
	}
	if msg != "" {
		msg = " (" + msg + ")"
	}
	return nil, msg, err
}
