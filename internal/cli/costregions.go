package cli

import (
	"encoding/csv"
	"io"

	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/diff"
)

// compareRegions prices the spec's plan, unchanged, in each region: the
// region's refreshed cache over the embedded snapshot, as cost and build
// use for the spec's own region.
func compareRegions(src *source, env string, regions []string) ([]cost.RegionComparison, error) {
	pl, err := loadPlan(src, nil)
	if err != nil {
		return nil, err
	}
	cmps, err := cost.CompareRegions(pl, regions, loadPrices)
	if err != nil {
		return nil, err
	}
	return forEnv(cmps, env, func(c cost.RegionComparison) string { return c.Env })
}

// costRegions is `physarch cost --region R...`: one region gives the
// usual output priced there (what `physarch cost` gives for a spec in
// that region), several a side-by-side comparison.
func costRegions(w io.Writer, src *source, env, format string, flags []string) error {
	doc, err := src.load()
	if err != nil {
		return err
	}
	regions, err := regionList(doc.Spec.Region, flags, false)
	if err != nil {
		return err
	}
	cmps, err := compareRegions(src, env, regions)
	if err != nil {
		return err
	}
	if len(regions) == 1 {
		var reps []*cost.Report
		for _, c := range cmps {
			if r := c.Columns[0].Report; r != nil {
				reps = append(reps, r)
			}
		}
		if format == "table" {
			for _, c := range cmps {
				if col := c.Columns[0]; !col.Holds {
					if _, err := io.WriteString(w, "Environment "+c.Env+": "+col.Why+".\n\n"); err != nil {
						return err
					}
				}
			}
		}
		return writeCost(w, format, reps)
	}
	switch format {
	case "json":
		return writeJSON(w, cmps)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"environment", "component", "region", "holds_plan", "monthly_min_usd", "monthly_max_usd", "priced_region", "price_basis", "region_rule", "estimate"})
		for _, c := range cmps {
			for _, r := range c.Rows() {
				for i, cell := range r.Cells {
					col := c.Columns[i]
					if cell == nil {
						cw.Write([]string{c.Env, r.Name, col.Region, boolText(col.Holds), "", "", "", "", col.Why, ""})
						continue
					}
					cw.Write([]string{c.Env, r.Name, col.Region, "true", money(cell.MonthlyMin), money(cell.MonthlyMax), cell.Region, string(cell.Basis), cell.RegionRule, cell.Estimate})
				}
			}
			for _, col := range c.Columns {
				if col.Report == nil {
					cw.Write([]string{c.Env, "TOTAL", col.Region, "false", "", "", "", "", col.Why, ""})
					continue
				}
				cw.Write([]string{c.Env, "TOTAL", col.Region, "true", money(col.Report.TotalMin), money(col.Report.TotalMax), "", "", "", ""})
			}
		}
		cw.Flush()
		return cw.Error()
	}
	diff.RegionText(w, cmps)
	return nil
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
