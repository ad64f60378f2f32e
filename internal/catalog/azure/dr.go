package azure

import "time"

// DRMode is a way to recover an environment from the loss of its region,
// with what that way can promise: how long the recovery takes at most and
// how much data it may lose.
type DRMode struct {
	Name string
	// RecoveryTime and DataLoss are the longest the mode takes and the
	// most recent writes it may lose; zero where the mode recovers
	// nothing (none).
	RecoveryTime, DataLoss time.Duration
	// Recovers reports whether a region's loss can be recovered at all.
	Recovers bool
	Source   Source
}

// DR modes (environments[].dr.mode).
const (
	DRNone          = "none"
	DRGeoRestore    = "geo-restore"
	DRStandbyRegion = "standby-region"
)

// srcPGContinuity is Flexible Server's business continuity overview: a
// restore from backup "can be from few minutes up to 12 hours" (RTO
// depends on the data to restore and the log recovery), a geo-restore
// from geo-redundant backups "takes a longer RTO" with "RPO < 1 h", and a
// promoted cross-region read replica "RTO - Minutes", "RPO < 5 min".
var srcPGContinuity = Source{
	Ref:  "learn.microsoft.com/azure/postgresql/flexible-server/concepts-business-continuity (MicrosoftDocs/azure-docs articles/postgresql/flexible-server/concepts-business-continuity.md; read 2026-12-01, the reliability guide reliability-postgresql-flexible-server.md gives no shorter figure)",
	Date: "2021-11-30",
	Ko:   "learn.microsoft.com/azure/postgresql/flexible-server/concepts-business-continuity (MicrosoftDocs/azure-docs articles/postgresql/flexible-server/concepts-business-continuity.md; 2026-12-01 확인, 신뢰성 가이드 reliability-postgresql-flexible-server.md에 더 짧은 수치 없음)",
}

var drModes = []DRMode{
	{Name: DRNone, Source: srcPGContinuity},
	// The restore's own upper bound; the documents say it is a bound, not
	// a typical time. The paired region also needs the cluster and the
	// rest rebuilt, which Terraform does in the same run.
	{Name: DRGeoRestore, RecoveryTime: 12 * time.Hour, DataLoss: time.Hour, Recovers: true, Source: srcPGContinuity},
	// "Minutes" to promote, with the traffic redirected: physarch counts
	// 30 minutes, the smallest RTO it judges this mode able to meet.
	{Name: DRStandbyRegion, RecoveryTime: 30 * time.Minute, DataLoss: 5 * time.Minute, Recovers: true, Source: srcPGContinuity},
}

// LookupDRMode returns a DR mode by name.
func LookupDRMode(name string) (DRMode, bool) {
	for _, m := range drModes {
		if m.Name == name {
			return m, true
		}
	}
	return DRMode{}, false
}
