package azure

import (
	"fmt"
	"strconv"
)

// srcSQLLimits is where the Azure SQL Database compute sizes come from.
var srcSQLLimits = Source{Ref: "MicrosoftDocs/sql-docs azure-sql/database/resource-limits-vcore-single-databases.md (General purpose serverless and provisioned Gen5, Business Critical Gen5 tables)", Date: "2022-04-25"}

// SQLSize is one Azure SQL Database compute size (service objective) of
// the vCore purchasing model on standard-series (Gen5) hardware.
type SQLSize struct {
	Tier    string // GeneralPurpose or BusinessCritical
	Compute string // provisioned or serverless
	VCores  int    // vCores (serverless: the maximum)
	// MinVCores is the least a serverless database may be set to keep
	// (its min_capacity); 0 for provisioned sizes.
	MinVCores float64
	MemoryGB  float64 // memory (serverless: at the maximum vCores)
	MaxDataGB int     // the largest max size the size allows
	// Workers are the concurrent requests the database runs; beyond
	// them new requests fail (error 10928).
	Workers int
	Source  Source
}

// Name is the size's service objective as the provider spells sku_name:
// GP_Gen5_2, BC_Gen5_4, GP_S_Gen5_1.
func (s SQLSize) Name() string {
	prefix := "GP_"
	if s.Tier == "BusinessCritical" {
		prefix = "BC_"
	}
	if s.Compute == "serverless" {
		prefix += "S_"
	}
	return prefix + "Gen5_" + strconv.Itoa(s.VCores)
}

var sqlSizes = func() []SQLSize {
	var out []SQLSize
	provisioned := []struct {
		vcores  int
		mem     float64
		maxData int
		workers int
	}{
		{2, 10.4, 1024, 200}, {4, 20.8, 1024, 400}, {6, 31.1, 1536, 600}, {8, 41.5, 2048, 800},
		{10, 51.9, 2048, 1000}, {12, 62.3, 3072, 1200}, {14, 72.7, 3072, 1400}, {16, 83, 3072, 1600},
		{18, 93.4, 3072, 1800}, {20, 103.8, 3072, 2000}, {24, 124.6, 4096, 2400}, {32, 166.1, 4096, 3200},
		{40, 207.6, 4096, 4000}, {80, 415.2, 4096, 8000},
	}
	// General Purpose and Business Critical Gen5 share vCores, memory,
	// max data size and workers in the tables.
	for _, tier := range []string{"GeneralPurpose", "BusinessCritical"} {
		for _, p := range provisioned {
			out = append(out, SQLSize{Tier: tier, Compute: "provisioned", VCores: p.vcores, MemoryGB: p.mem, MaxDataGB: p.maxData, Workers: p.workers, Source: srcSQLLimits})
		}
	}
	for _, s := range []struct {
		vcores  int
		min     float64
		mem     float64
		maxData int
		workers int
	}{
		{1, 0.5, 3, 512, 75}, {2, 0.5, 6, 1024, 150}, {4, 0.5, 12, 1024, 300}, {6, 0.75, 18, 1024, 450},
		{8, 1, 24, 2048, 600}, {10, 1.25, 30, 2048, 750}, {12, 1.5, 36, 3072, 900}, {14, 1.75, 42, 3072, 1050},
		{16, 2, 48, 3072, 1200}, {18, 2.25, 54, 3072, 1350}, {20, 2.5, 60, 3072, 1500}, {24, 3, 72, 4096, 1800},
		{32, 4, 96, 4096, 2400}, {40, 5, 120, 4096, 3000},
	} {
		out = append(out, SQLSize{Tier: "GeneralPurpose", Compute: "serverless", VCores: s.vcores, MinVCores: s.min, MemoryGB: s.mem, MaxDataGB: s.maxData, Workers: s.workers, Source: srcSQLLimits})
	}
	return out
}()

// LookupSQL finds a compute size by tier, compute model and vCores.
func LookupSQL(tier, compute string, vcores int) (SQLSize, bool) {
	for _, s := range sqlSizes {
		if s.Tier == tier && s.Compute == compute && s.VCores == vcores {
			return s, true
		}
	}
	return SQLSize{}, false
}

// SQLVCores lists the vCore counts a tier and compute model offer, for
// hints.
func SQLVCores(tier, compute string) []int {
	var out []int
	for _, s := range sqlSizes {
		if s.Tier == tier && s.Compute == compute {
			out = append(out, s.VCores)
		}
	}
	return out
}

// SQLMinCapacities are the min_capacity values a serverless database
// takes (azurerm mssql_database's validation, which the service
// enforces too), besides the size's own minimum.
var SQLMinCapacities = []float64{0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40}

// SQLSizesSource says where the compute sizes come from.
func SQLSizesSource() Source { return srcSQLLimits }

// String names a size for messages.
func (s SQLSize) String() string {
	return fmt.Sprintf("%s (%d vCores, %d GB max data, %d workers)", s.Name(), s.VCores, s.MaxDataGB, s.Workers)
}
