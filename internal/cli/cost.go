package cli

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/spec"
)

func newCost() *cobra.Command {
	var sf specFlags
	var env, format string
	var users int
	var regions []string
	cmd := &cobra.Command{
		Use:   "cost [SPEC]",
		Short: "Monthly cost per environment and component",
		Long: `cost prices each environment's plan with the catalog: one row per cost
component (node pools at minimum and maximum nodes, AKS tier, databases,
cache, messaging, gateway, Front Door, Key Vault, Log Analytics, disks,
IPs, private endpoints, load balancer, registry). Monthly = hourly × 730.
Totals are the sum of the rows shown. Every row names the region its price
is really for and which of three it is: sourced in region (a row for the
region, a Global meter or the region's billing zone), a region-ratio
estimate (another region's price times a ratio measured between the two,
such as "eastus × 1.28, the VM ratio in this region"), or a fallback
(another region's price as is, with why no ratio applies). Rows a rule
estimated carry a mark; tiered meters show their tier arithmetic; a meter
the catalog cannot say applies (the AKS Free tier's from 2026-10-01) is
an open question, shown and left out of the total. The total is compared
with the environment's budget.

--users N re-plans the environment(s) with N peak users and shows the
difference against the spec as written.

--region R (repeatable) prices the same plan in R instead: one region
gives the usual table priced there, several give them side by side
(total and per component, each cell marked with its basis, the
difference from the first region). A region without availability zones
cannot hold an environment planned across zones, and the output says so
instead of pricing it.

` + specArgHelp,
		Example: `  physarch cost --example kt-event-marketing
  physarch cost spec.yaml --env prod --format json
  physarch cost --env prod --users 20000
  physarch cost --region koreacentral --region eastus --region japaneast`,
		Args: specArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" && format != "csv" {
				return usageError{fmt.Errorf("--format must be table, json or csv, not %q", format)}
			}
			if users < 0 {
				return usageError{fmt.Errorf("--users must be positive")}
			}
			if users > 0 && len(regions) > 0 {
				return usageError{fmt.Errorf("--users and --region are two what-ifs; run them one at a time")}
			}
			src, err := sf.read(args, false)
			if err != nil {
				return err
			}
			if len(regions) > 0 {
				return costRegions(cmd.OutOrStdout(), src, env, format, regions)
			}
			prices, err := pricesFor(src)
			if err != nil {
				return err
			}
			base, err := costOf(src, env, prices, nil)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if users == 0 {
				return writeCost(w, format, base)
			}
			whatIf, err := costOf(src, env, prices, func(s *spec.Spec) {
				idx, _ := envIndex(s, env)
				for _, i := range idx {
					s.Environments[i].Targets.Users = users
				}
			})
			if err != nil {
				return err
			}
			return writeCostDiff(w, format, base, whatIf, users)
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVar(&env, "env", "", "only this environment")
	cmd.Flags().StringVar(&format, "format", "table", "table, json or csv")
	cmd.Flags().IntVar(&users, "users", 0, "what-if: re-plan with this many peak users")
	cmd.Flags().StringArrayVar(&regions, "region", nil, "what-if: price the same plan in this region (repeat for a side-by-side comparison)")
	return cmd
}

func costOf(src *source, env string, prices *azure.Prices, tweak func(*spec.Spec)) ([]*cost.Report, error) {
	pl, err := loadPlan(src, tweak)
	if err != nil {
		return nil, err
	}
	all, err := cost.Estimate(pl, prices)
	if err != nil {
		return nil, err
	}
	return forEnv(all, env, func(r *cost.Report) string { return r.Env })
}

func money(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func writeCost(w io.Writer, format string, reps []*cost.Report) error {
	switch format {
	case "json":
		return writeJSON(w, reps)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"environment", "component", "sku", "quantity_min", "quantity_max", "unit", "unit_price_usd", "monthly_min_usd", "monthly_max_usd", "priced_region", "region_fallback", "estimate", "source",
			"price_basis", "region_rule", "tier_arithmetic", "requested_region"})
		for _, r := range reps {
			for _, c := range r.Components {
				cw.Write([]string{r.Env, c.Name, c.SKU, strconv.FormatFloat(c.Quantity, 'f', -1, 64), strconv.FormatFloat(c.QuantityAt, 'f', -1, 64), c.Unit,
					strconv.FormatFloat(c.UnitPrice, 'f', -1, 64), money(c.MonthlyMin), money(c.MonthlyMax), c.Region, strconv.FormatBool(c.Fallback), c.Estimate, c.Source,
					string(c.Basis), c.RegionRule, c.TierArithmetic, r.Region})
			}
			cw.Write([]string{r.Env, "TOTAL", "", "", "", "", "", money(r.TotalMin), money(r.TotalMax), "", "", "", "", "", "", "", r.Region})
		}
		cw.Flush()
		return cw.Error()
	}
	for _, r := range reps {
		fmt.Fprintf(w, "Environment %s (requested region %s; prices from the %s, dated %s)\n", r.Env, r.Region, r.PricesOrigin, r.PricesDate)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
		fmt.Fprintln(tw, "component\tsku\tqty\tmonthly min USD\tmonthly max USD\tsavings plan 1y / 3y (min)\tpriced in\tprice basis\tnote\t")
		var tiers []string
		for _, c := range r.Components {
			qty := strconv.FormatFloat(c.Quantity, 'f', -1, 64)
			if c.QuantityAt != c.Quantity {
				qty += "–" + strconv.FormatFloat(c.QuantityAt, 'f', -1, 64)
			}
			basis := c.BasisLabel()
			if c.Basis == azure.BasisRegionRatio {
				basis += " (" + strings.SplitN(c.RegionRule, ",", 2)[0] + ")"
			}
			var notes []string
			if c.Estimate != "" {
				notes = append(notes, "estimate*")
			}
			if c.TierArithmetic != "" {
				notes = append(notes, "tiers†")
				tiers = append(tiers, c.Name+": "+c.TierArithmetic)
			}
			sp := ""
			if c.SavingsPlan1Y != nil && c.SavingsPlan3Y != nil {
				sp = money(*c.SavingsPlan1Y) + " / " + money(*c.SavingsPlan3Y)
				if c.SavingsPlanEstimate != "" {
					sp += "*"
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", c.Name, c.SKU, qty, money(c.MonthlyMin), money(c.MonthlyMax), sp, c.Region, basis, strings.Join(notes, " "))
		}
		fmt.Fprintf(tw, "TOTAL\t\t\t%s\t%s\t\t\t\t\t\n", money(r.TotalMin), money(r.TotalMax))
		tw.Flush()
		for _, t := range tiers {
			fmt.Fprintf(w, "† %s\n", t)
		}
		for _, q := range r.Open {
			fmt.Fprintf(w, "Open question, not in the total: %s: meter %s at %s USD per %s from %s (%s a month if charged; %s price): %s.\n",
				q.Name, q.Meter, strconv.FormatFloat(q.UnitPrice, 'f', -1, 64), q.Unit, q.Effective, money(q.MonthlyIfCharged), q.Region, q.Question)
		}
		if r.BudgetUSD > 0 {
			verdict := "within budget"
			if r.OverBudget {
				verdict = fmt.Sprintf("OVER budget by %s USD at maximum scale", money(r.OverByUSD))
			}
			fmt.Fprintf(w, "Budget %s USD/month: %s.\n", money(r.BudgetUSD), verdict)
		}
		fmt.Fprintf(w, "Price basis: %d of %d rows sourced in %s (or a Global meter), %d region-ratio estimates, %d fallbacks (another region's price as is); %d rows estimated by a rule (*: --format json gives every rule and reason).\n\n",
			r.InRegion, len(r.Components), r.Region, r.RegionRatios, r.Fallbacks, r.Estimates)
	}
	return nil
}

// costDiff is the what-if comparison for one environment.
type costDiff struct {
	Env       string          `json:"environment"`
	Users     int             `json:"users"`
	Before    *cost.Report    `json:"before"`
	After     *cost.Report    `json:"after"`
	DeltaMin  float64         `json:"delta_total_min_usd"`
	DeltaMax  float64         `json:"delta_total_max_usd"`
	Component []componentDiff `json:"components"`
}

type componentDiff struct {
	Name     string  `json:"name"`
	DeltaMin float64 `json:"delta_min_usd"`
	DeltaMax float64 `json:"delta_max_usd"`
}

func writeCostDiff(w io.Writer, format string, before, after []*cost.Report, users int) error {
	var diffs []costDiff
	for i := range before {
		b, a := before[i], after[i]
		d := costDiff{Env: b.Env, Users: users, Before: b, After: a, DeltaMin: round2(a.TotalMin - b.TotalMin), DeltaMax: round2(a.TotalMax - b.TotalMax)}
		old := map[string]cost.Component{}
		for _, c := range b.Components {
			old[c.Name] = c
		}
		for _, c := range a.Components {
			o := old[c.Name]
			if dm, dx := round2(c.MonthlyMin-o.MonthlyMin), round2(c.MonthlyMax-o.MonthlyMax); dm != 0 || dx != 0 {
				d.Component = append(d.Component, componentDiff{c.Name, dm, dx})
			}
		}
		diffs = append(diffs, d)
	}
	if format == "json" {
		return writeJSON(w, diffs)
	}
	for _, d := range diffs {
		fmt.Fprintf(w, "Environment %s with %d peak users: total %s–%s → %s–%s USD/month (%+.2f / %+.2f)\n", d.Env, d.Users,
			money(d.Before.TotalMin), money(d.Before.TotalMax), money(d.After.TotalMin), money(d.After.TotalMax), d.DeltaMin, d.DeltaMax)
		for _, c := range d.Component {
			fmt.Fprintf(w, "  %-40s %+10.2f min %+10.2f max\n", c.Name, c.DeltaMin, c.DeltaMax)
		}
	}
	return nil
}

func round2(v float64) float64 { return float64(int64(v*100+sign(v)*0.5)) / 100 }

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}
