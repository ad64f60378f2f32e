package cost

import (
	"fmt"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
)

// RegionColumn is one environment of the plan priced in one region, or
// why the region cannot hold it.
type RegionColumn struct {
	Region string `json:"region"`
	// Zones is how many availability zones the region has (0: none).
	Zones int `json:"region_zones"`
	// Holds: the region can place the environment's zones. When it cannot,
	// Why says so and Report is nil: a price for a design that cannot be
	// built would be no price at all.
	Holds  bool    `json:"holds_plan"`
	Why    string  `json:"why_not,omitempty"`
	Report *Report `json:"cost,omitempty"`
}

// RegionComparison is one environment of the same plan priced in several
// regions, side by side.
type RegionComparison struct {
	Env     string         `json:"environment"`
	Zones   int            `json:"plan_zones"`
	Columns []RegionColumn `json:"regions"`
}

// CompareRegions prices the plan, unchanged, in each region (in the order
// given), with the prices each region's source gives (the region's
// refreshed cache over the embedded snapshot, as `physarch cost` uses).
// Every region must be one the catalog knows.
func CompareRegions(pl *plan.Plan, regions []string, pricesFor func(region string) (*azure.Prices, error)) ([]RegionComparison, error) {
	out := make([]RegionComparison, len(pl.Envs))
	for i, e := range pl.Envs {
		out[i] = RegionComparison{Env: e.Name, Zones: len(e.Zones)}
	}
	for _, name := range regions {
		reg, ok := azure.LookupRegion(name)
		if !ok {
			return nil, fmt.Errorf("%q is not an Azure region the catalog knows", name)
		}
		prices, err := pricesFor(name)
		if err != nil {
			return nil, err
		}
		for i, e := range pl.Envs {
			col := RegionColumn{Region: name, Zones: reg.Zones, Holds: reg.Holds(len(e.Zones))}
			if !col.Holds {
				col.Why = fmt.Sprintf("%s has no availability zones; %s is planned across %d, so the same plan cannot be placed there", name, e.Name, len(e.Zones))
			} else {
				r, err := estimateEnv(e, prices, name)
				if err != nil {
					return nil, fmt.Errorf("pricing %s in %s: %w", e.Name, name, err)
				}
				col.Report = r
			}
			out[i].Columns = append(out[i].Columns, col)
		}
	}
	return out, nil
}

// Row is one component's cost across the regions of a comparison, in the
// order the first region that holds the plan lists them; a cell is nil
// where the region cannot hold the plan or has no such row.
type Row struct {
	Name  string       `json:"name"`
	Cells []*Component `json:"regions"`
}

// Rows lines the components of a comparison up by name.
func (c RegionComparison) Rows() []Row {
	var order []string
	seen := map[string]bool{}
	for _, col := range c.Columns {
		if col.Report == nil {
			continue
		}
		for _, comp := range col.Report.Components {
			if !seen[comp.Name] {
				seen[comp.Name] = true
				order = append(order, comp.Name)
			}
		}
	}
	rows := make([]Row, len(order))
	for i, name := range order {
		rows[i] = Row{Name: name, Cells: make([]*Component, len(c.Columns))}
		for j, col := range c.Columns {
			if col.Report == nil {
				continue
			}
			for k := range col.Report.Components {
				if col.Report.Components[k].Name == name {
					rows[i].Cells[j] = &col.Report.Components[k]
					break
				}
			}
		}
	}
	return rows
}
