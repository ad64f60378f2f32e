package diff

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
)

// RegionLegend explains the marks of a region comparison.
const RegionLegend = "S sourced in region (or a Global meter), R region-ratio estimate (another region's price × a measured ratio), F fallback (another region's price as is); * estimated by a rule. Each row's rule: --format json."

// mark is a cell's basis letter, and * when a rule estimated the price.
func mark(c *cost.Component) string {
	m := map[azure.Basis]string{azure.BasisInRegion: "S", azure.BasisRegionRatio: "R", azure.BasisFallback: "F"}[c.Basis]
	if c.PriceEstimate != "" {
		m += "*"
	}
	return m
}

func usdRange(lo, hi float64, dollar string) string {
	if lo == hi {
		return fmt.Sprintf("%s%.2f", dollar, lo)
	}
	return fmt.Sprintf("%s%.2f–%s%.2f", dollar, lo, dollar, hi)
}

// RegionText writes a region comparison for a terminal: per environment,
// one column per region, every cell marked with its price basis, the
// total and the difference from the first region.
func RegionText(w io.Writer, cmps []cost.RegionComparison) {
	for _, c := range cmps {
		fmt.Fprintf(w, "Environment %s (%d zone(s)): the same plan priced in %d regions, USD/month at minimum–maximum scale\n", c.Env, c.Zones, len(c.Columns))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		head := []string{"component"}
		for _, col := range c.Columns {
			head = append(head, col.Region)
		}
		fmt.Fprintln(tw, strings.Join(head, "\t"))
		for _, r := range c.Rows() {
			cells := []string{r.Name}
			for _, cell := range r.Cells {
				if cell == nil {
					cells = append(cells, "—")
					continue
				}
				cells = append(cells, usdRange(cell.MonthlyMin, cell.MonthlyMax, "")+" "+mark(cell))
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
		}
		total, delta, counts := []string{"TOTAL"}, []string{"vs " + c.Columns[0].Region}, []string{"rows S / R / F / *"}
		base := c.Columns[0].Report
		for _, col := range c.Columns {
			if col.Report == nil {
				total, delta, counts = append(total, "cannot hold the plan"), append(delta, ""), append(counts, "")
				continue
			}
			r := col.Report
			total = append(total, usdRange(r.TotalMin, r.TotalMax, ""))
			switch {
			case base == nil || r == base:
				delta = append(delta, "")
			default:
				delta = append(delta, fmt.Sprintf("%s / %s", signed(r.TotalMin-base.TotalMin, "%.2f"), signed(r.TotalMax-base.TotalMax, "%.2f")))
			}
			counts = append(counts, fmt.Sprintf("%d / %d / %d / %d", r.InRegion, r.RegionRatios, r.Fallbacks, priceEstimates(r)))
		}
		fmt.Fprintln(tw, strings.Join(total, "\t"))
		fmt.Fprintln(tw, strings.Join(delta, "\t"))
		fmt.Fprintln(tw, strings.Join(counts, "\t"))
		tw.Flush()
		for _, col := range c.Columns {
			if !col.Holds {
				fmt.Fprintf(w, "%s: %s.\n", col.Region, col.Why)
			}
		}
		for _, q := range openQuestions(c) {
			fmt.Fprintf(w, "Open question (in no total): %s.\n", q)
		}
		fmt.Fprintf(w, "%s\n\n", RegionLegend)
	}
}

// RegionMarkdown writes a region comparison as a pull-request comment.
func RegionMarkdown(w io.Writer, cmps []cost.RegionComparison) {
	var regions []string
	if len(cmps) > 0 {
		for _, col := range cmps[0].Columns {
			regions = append(regions, "`"+col.Region+"`")
		}
	}
	fmt.Fprintf(w, "### physarch diff --region: the same plan priced in %s\n", strings.Join(regions, ", "))
	for _, c := range cmps {
		fmt.Fprintf(w, "\n#### %s (%d zone(s))\n\n", c.Env, c.Zones)
		head, rule := "| component |", "|---|"
		for _, col := range c.Columns {
			head += " " + col.Region + " |"
			rule += "---|"
		}
		fmt.Fprintln(w, head)
		fmt.Fprintln(w, rule)
		for _, r := range c.Rows() {
			line := "| " + strings.ReplaceAll(r.Name, "|", "\\|") + " |"
			for _, cell := range r.Cells {
				if cell == nil {
					line += " — |"
					continue
				}
				line += " " + usdRange(cell.MonthlyMin, cell.MonthlyMax, "$") + " " + mark(cell) + " |"
			}
			fmt.Fprintln(w, line)
		}
		base := c.Columns[0].Report
		total, delta := "| **total** |", "| vs "+c.Columns[0].Region+" |"
		for _, col := range c.Columns {
			if col.Report == nil {
				total += " cannot hold the plan |"
				delta += " |"
				continue
			}
			r := col.Report
			total += " **" + usdRange(r.TotalMin, r.TotalMax, "$") + "** |"
			if base == nil || r == base {
				delta += " |"
			} else {
				delta += fmt.Sprintf(" %s / %s |", signed(r.TotalMin-base.TotalMin, "$%.2f"), signed(r.TotalMax-base.TotalMax, "$%.2f"))
			}
		}
		fmt.Fprintln(w, total)
		fmt.Fprintln(w, delta)
		fmt.Fprintln(w)
		for _, col := range c.Columns {
			if !col.Holds {
				fmt.Fprintf(w, "- `%s`: %s.\n", col.Region, col.Why)
			}
		}
		for _, q := range openQuestions(c) {
			fmt.Fprintf(w, "- Open question (in no total): %s.\n", q)
		}
	}
	fmt.Fprintf(w, "\n_%s Cost figures are estimates (physarch cost)._\n", RegionLegend)
}

// priceEstimates counts the rows whose price a rule estimated.
func priceEstimates(r *cost.Report) int {
	n := 0
	for _, c := range r.Components {
		if c.PriceEstimate != "" {
			n++
		}
	}
	return n
}

// openQuestions lists a comparison's open questions once each.
func openQuestions(c cost.RegionComparison) []string {
	var out []string
	seen := map[string]bool{}
	for _, col := range c.Columns {
		if col.Report == nil {
			continue
		}
		for _, q := range col.Report.Open {
			if !seen[q.Meter] {
				seen[q.Meter] = true
				out = append(out, fmt.Sprintf("%s, meter %s at $%g per %s from %s ($%.2f a month if charged): %s", q.Name, q.Meter, q.UnitPrice, q.Unit, q.Effective, q.MonthlyIfCharged, q.Question))
			}
		}
	}
	return out
}
