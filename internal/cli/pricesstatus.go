package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// meterStatus is one meter the plan is priced with, in one region.
type meterStatus struct {
	Meter      string      `json:"meter"`
	Basis      azure.Basis `json:"price_basis"`
	Region     string      `json:"priced_region"`
	Rule       string      `json:"region_rule,omitempty"`
	Estimate   string      `json:"price_estimate,omitempty"`
	Source     string      `json:"source"`
	SourceDate string      `json:"source_date"`
	AgeDays    int         `json:"age_days"`
	Open       string      `json:"open_question,omitempty"`
	UsedBy     []string    `json:"used_by"`
}

// regionStatus is how a region prices the plan's meters, and how old the
// sources are.
type regionStatus struct {
	Region        string        `json:"region"`
	PricesOrigin  string        `json:"prices_origin"`
	PricesDate    string        `json:"prices_date"`
	PricesAgeDays int           `json:"prices_age_days"`
	Meters        int           `json:"meters"`
	InRegion      int           `json:"in_region"`
	RegionRatio   int           `json:"region_ratio"`
	Fallback      int           `json:"fallback"`
	Estimated     int           `json:"estimated_by_rule"`
	Open          int           `json:"open_questions"`
	Oldest        string        `json:"oldest_source_date"`
	OldestAgeDays int           `json:"oldest_source_age_days"`
	Newest        string        `json:"newest_source_date"`
	NewestAgeDays int           `json:"newest_source_age_days"`
	List          []meterStatus `json:"meter_list"`
}

func newPricesStatus() *cobra.Command {
	var sf specFlags
	var regions []string
	var format, asOf string
	var meters bool
	cmd := &cobra.Command{
		Use:   "status [SPEC]",
		Short: "How current the prices of the plan's meters are, per region",
		Long: `status prices the spec's plan in its region (and in each --region) and
says, for the plan's meters (every meter a cost row of any environment
uses, each counted once), how many are sourced in the region (or a Global
meter), region-ratio estimates (another region's price times a measured
ratio), or fallbacks (another region's price as is), how many are
estimated by a rule, and how old their sources are at --as-of (default
today). Open questions (a meter the catalog holds but cannot say applies,
such as the AKS Free tier's from 2026-10-01) are listed, never priced
into a total. --meters lists every meter.

Prices older than ` + fmt.Sprint(check.PriceAgeLimitDays) + ` days make 'physarch check' report OP007; 'physarch
prices refresh' fetches the region's current prices.

` + specArgHelp,
		Example: `  physarch prices status --example kt-event-marketing
  physarch prices status --region koreacentral --region eastus --meters
  physarch prices status --format json --as-of 2027-06-01`,
		Args: specArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return usageError{fmt.Errorf("--format must be table or json, not %q", format)}
			}
			now := nowFunc().UTC()
			if asOf != "" {
				t, err := time.Parse("2006-01-02", asOf)
				if err != nil {
					return usageError{fmt.Errorf("--as-of %q is not a date: give YYYY-MM-DD", asOf)}
				}
				now = t
			}
			src, err := sf.read(args, false)
			if err != nil {
				return err
			}
			pl, err := loadPlan(src, nil)
			if err != nil {
				return err
			}
			list, err := regionList(pl.Region, regions, false)
			if err != nil {
				return err
			}
			var out []regionStatus
			for _, r := range list {
				st, err := statusIn(pl, r, now)
				if err != nil {
					return err
				}
				out = append(out, st)
			}
			w := cmd.OutOrStdout()
			if format == "json" {
				return writeJSON(w, out)
			}
			writeStatus(w, out, now, meters)
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().StringArrayVar(&regions, "region", nil, "region to report (repeat; default: the spec's)")
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	cmd.Flags().StringVar(&asOf, "as-of", "", "judge the sources' age at this date (YYYY-MM-DD; default today)")
	cmd.Flags().BoolVar(&meters, "meters", false, "list every meter with its basis, source and age")
	return cmd
}

// regionList checks --region values against the catalog (a usage error
// with a hint otherwise), lower-cases them and drops repeats. withSpec
// puts the spec's region first; with no flag the spec's region is the
// list either way.
func regionList(specRegion string, flags []string, withSpec bool) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(r string) {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	if withSpec || len(flags) == 0 {
		add(strings.ToLower(specRegion))
	}
	for _, f := range flags {
		r, err := refreshRegion(f, true)
		if err != nil {
			return nil, err
		}
		add(r)
	}
	return out, nil
}

func days(now time.Time, date string) int {
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		return 0
	}
	return int(now.Sub(d).Hours() / 24)
}

// statusIn prices the plan in a region and gathers its meters.
func statusIn(pl *plan.Plan, region string, now time.Time) (regionStatus, error) {
	prices, err := loadPrices(region)
	if err != nil {
		return regionStatus{}, err
	}
	reps, err := cost.EstimateIn(pl, prices, region)
	if err != nil {
		return regionStatus{}, err
	}
	st := regionStatus{Region: region, PricesOrigin: prices.Origin, PricesDate: prices.Date, PricesAgeDays: days(now, prices.Date)}
	byMeter := map[string]*meterStatus{}
	var order []string
	use := func(m meterStatus, by string) {
		if x, ok := byMeter[m.Meter]; ok {
			x.UsedBy = append(x.UsedBy, by)
			return
		}
		m.UsedBy = []string{by}
		byMeter[m.Meter] = &m
		order = append(order, m.Meter)
	}
	for _, r := range reps {
		for _, c := range r.Components {
			use(meterStatus{Meter: c.Meter, Basis: c.Basis, Region: c.Region, Rule: c.RegionRule, Estimate: c.PriceEstimate, Source: c.Source, SourceDate: c.SourceDate, AgeDays: days(now, c.SourceDate)}, r.Env+": "+c.Name)
		}
		for _, q := range r.Open {
			use(meterStatus{Meter: q.Meter, Basis: q.Basis, Region: q.Region, Source: q.Source, SourceDate: q.SourceDate, AgeDays: days(now, q.SourceDate), Open: q.Question}, r.Env+": "+q.Name)
		}
	}
	for _, name := range order {
		st.List = append(st.List, *byMeter[name])
	}
	st.Meters = len(st.List)
	for i := range st.List {
		m := &st.List[i]
		switch m.Basis {
		case azure.BasisInRegion:
			st.InRegion++
		case azure.BasisRegionRatio:
			st.RegionRatio++
		default:
			st.Fallback++
		}
		if m.Estimate != "" {
			st.Estimated++
		}
		if m.Open != "" {
			st.Open++
		}
		if m.SourceDate != "" && (st.Oldest == "" || m.SourceDate < st.Oldest) {
			st.Oldest = m.SourceDate
		}
		if m.SourceDate > st.Newest {
			st.Newest = m.SourceDate
		}
	}
	st.OldestAgeDays, st.NewestAgeDays = days(now, st.Oldest), days(now, st.Newest)
	sort.SliceStable(st.List, func(i, j int) bool { return st.List[i].Meter < st.List[j].Meter })
	return st, nil
}

func writeStatus(w io.Writer, out []regionStatus, now time.Time, meters bool) {
	n := 0
	if len(out) > 0 {
		n = out[0].Meters
	}
	fmt.Fprintf(w, "Prices of the plan's %d meters, as of %s\n", n, now.Format("2006-01-02"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "region\tprices\tmeters\tsourced in region\tregion-ratio\tfallback\testimated by rule\topen\toldest source\tnewest source")
	for _, s := range out {
		fmt.Fprintf(tw, "%s\t%s (%s, %d days)\t%d\t%d\t%d\t%d\t%d\t%d\t%s (%d days)\t%s (%d days)\n", s.Region, s.PricesOrigin, s.PricesDate, s.PricesAgeDays,
			s.Meters, s.InRegion, s.RegionRatio, s.Fallback, s.Estimated, s.Open, s.Oldest, s.OldestAgeDays, s.Newest, s.NewestAgeDays)
	}
	tw.Flush()
	opens := map[string]bool{}
	for _, s := range out {
		for _, m := range s.List {
			if m.Open != "" && !opens[m.Meter] {
				opens[m.Meter] = true
				fmt.Fprintf(w, "Open question: %s (%s, %s): %s. It is in no total.\n", m.Meter, m.Region, strings.Join(m.UsedBy, ", "), m.Open)
			}
		}
	}
	for _, s := range out {
		if s.PricesAgeDays > check.PriceAgeLimitDays {
			fmt.Fprintf(w, "%s: the %s is %d days old, more than %d: 'physarch check' reports OP007; run 'physarch prices refresh --region %s'.\n", s.Region, s.PricesOrigin, s.PricesAgeDays, check.PriceAgeLimitDays, s.Region)
		}
	}
	if !meters {
		fmt.Fprintln(w, "Every meter with its basis, rule, source and age: --meters (or --format json).")
		return
	}
	for _, s := range out {
		fmt.Fprintf(w, "\nMeters in %s\n", s.Region)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "meter\tbasis\tpriced in\tsource date\tage (days)\testimate\trule")
		for _, m := range s.List {
			basis := string(m.Basis)
			if m.Open != "" {
				basis += " (open question)"
			}
			est := "-"
			if m.Estimate != "" {
				est = "yes"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", m.Meter, basis, m.Region, dash(m.SourceDate), m.AgeDays, est, dash(m.Rule))
		}
		tw.Flush()
	}
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
