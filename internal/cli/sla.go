package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/spec"
)

func newSLA() *cobra.Command {
	var sf specFlags
	var env, format string
	var zones int
	cmd := &cobra.Command{
		Use:   "sla [SPEC]",
		Short: "Composite availability per environment and route",
		Long: `sla builds each environment's request path (Front Door → gateway → AKS →
service replicas → database / cache / queue / external systems on the
routes that call them) and multiplies the component SLAs in series, per
route and for the whole system, with the allowed downtime per month. It
compares the result with the environment's availability target and names
the weakest links. Components without an SLA (Spot nodes, AKS Free, Redis
Basic, external systems with no stated availability) are left out and the
figure is marked as an upper bound.

A figure that holds only for some configurations applies only when the
plan meets its condition: Application Gateway v2's 99.95% needs zone
redundancy or autoscaling (otherwise no SLA), Service Bus Premium's
99.99% a zone-redundant, partitioned namespace (otherwise 99.9%), Load
Balancer Standard's 99.99% two back ends. Where the plan misses one, the
row says why the lower figure applies. Where sources differ, the newest
first-party source gives the figure and the others are kept as notes
(--format json: source_notes).

Every composite figure is an estimate, not a financially backed SLA.

--zones N re-plans the environment(s) with N availability zones and shows
the difference.

` + specArgHelp,
		Example: `  physarch sla --example kt-event-marketing --env prod
  physarch sla spec.yaml --env prod --zones 1`,
		Args: specArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return usageError{fmt.Errorf("--format must be table or json, not %q", format)}
			}
			if zones < 0 || zones > 3 {
				return usageError{fmt.Errorf("--zones must be 1, 2 or 3")}
			}
			src, err := sf.read(args, false)
			if err != nil {
				return err
			}
			base, err := slaOf(src, env, nil)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if zones == 0 {
				return writeSLA(w, format, base)
			}
			after, err := slaOf(src, env, func(s *spec.Spec) {
				idx, _ := envIndex(s, env)
				for _, i := range idx {
					s.Environments[i].Targets.Zones = zones
				}
			})
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSON(w, map[string]any{"zones": zones, "before": base, "after": after})
			}
			for i := range base {
				fmt.Fprintf(w, "Environment %s with %d zone(s): composite %.4f%% → %.4f%% (%+.4f points), downtime %.1f → %.1f min/month\n",
					base[i].Env, zones, base[i].Percent, after[i].Percent, after[i].Percent-base[i].Percent, base[i].Downtime, after[i].Downtime)
			}
			fmt.Fprintf(w, "Note: %s.\n", availability.Disclaimer)
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVar(&env, "env", "", "only this environment")
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	cmd.Flags().IntVar(&zones, "zones", 0, "what-if: re-plan with this many zones")
	return cmd
}

func slaOf(src *source, env string, tweak func(*spec.Spec)) ([]*availability.Report, error) {
	pl, err := loadPlan(src, tweak)
	if err != nil {
		return nil, err
	}
	return forEnv(availability.Estimate(pl), env, func(r *availability.Report) string { return r.Env })
}

func writeSLA(w io.Writer, format string, reps []*availability.Report) error {
	if format == "json" {
		return writeJSON(w, reps)
	}
	for _, r := range reps {
		fmt.Fprintf(w, "Environment %s (target %g%%)\n", r.Env, r.Target)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "component\tconfiguration\tSLA\tsource / note")
		for _, c := range r.Components {
			sla := fmt.Sprintf("%g%%", c.Percent)
			if c.NoSLA {
				sla = "no SLA"
				if c.SLO > 0 {
					sla += fmt.Sprintf(" (SLO %g%%)", c.SLO)
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.Name, c.Config, sla, strings.TrimSuffix(c.Source+"; "+c.Note, "; "))
		}
		tw.Flush()
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "\nroute\tcomposite\tdowntime/month")
		for _, rt := range r.Routes {
			fmt.Fprintf(tw, "%s\t%.4f%%%s\t%.1f min\n", rt.Route, rt.Percent, upper(rt.UpperBound), rt.Downtime)
		}
		fmt.Fprintf(tw, "whole system\t%.4f%%%s\t%.1f min\n", r.Percent, upper(r.UpperBound), r.Downtime)
		tw.Flush()
		switch {
		case r.Meets:
			fmt.Fprintf(w, "Meets the %g%% target.\n", r.Target)
		case r.ShortBy > 0:
			fmt.Fprintf(w, "Misses the %g%% target by %.4f points. Weakest links:\n", r.Target, r.ShortBy)
		default:
			fmt.Fprintf(w, "Cannot confirm the %g%% target: %s have no SLA.\n", r.Target, strings.Join(r.NoSLA, ", "))
		}
		if !r.Meets {
			for _, l := range r.Weakest {
				fmt.Fprintf(w, "  %-28s %g%% (%.1f min/month); at 100%% the system would reach %.4f%%\n", l.Name, l.Percent, l.Downtime, l.IfPerfectTo)
			}
		}
		fmt.Fprintf(w, "Note: %s.\n\n", r.Disclaimer)
	}
	return nil
}

func upper(b bool) string {
	if b {
		return " (upper bound)"
	}
	return ""
}
