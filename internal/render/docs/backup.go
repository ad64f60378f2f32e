package docs

import (
	"path"
	"sort"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/k8s"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/terraform"
)

// Tiers of the backup table, in the order it lists them.
const (
	TierData          = "data"
	TierCache         = "cache"
	TierMessaging     = "messaging"
	TierSecrets       = "secrets"
	TierConfiguration = "configuration"
)

var tierOrder = []string{TierData, TierCache, TierMessaging, TierSecrets, TierConfiguration}

// tierName is a tier as the documents name it.
func tierName(d *md.Doc, tier string) string {
	switch tier {
	case TierData:
		return d.T("데이터", "Data")
	case TierCache:
		return d.T("캐시", "Cache")
	case TierMessaging:
		return d.T("메시징", "Messaging")
	case TierSecrets:
		return d.T("시크릿", "Secrets")
	}
	return d.T("클러스터 구성", "Cluster configuration")
}

// Backup is one row of the backup table: what keeps one tier's data
// recoverable, how often it is taken, how long it is kept, whether a
// copy leaves the region and how a restore goes and how long it takes.
// Texts are in the document's language; "-" where the plan knows
// nothing. Source says where the frequency and recovery figures come
// from (with its date), or that they are what the configuration states.
type Backup struct {
	Tier, Target                          string
	Method, Frequency, Retention, Recover string
	Geo                                   string
	Source                                string
	// At are the artifacts that realise what the row states: the
	// Terraform attributes that set retention, frequency and
	// geo-redundancy, the pod arguments, or the manual command. A row
	// without one is left out of the table.
	At []claim.Locator
}

// backupTable prints every component's backups and the cluster's own
// configuration, grouped by tier; each row is a claim on what realises
// it.
func backupTable(d *md.Doc, e *plan.Env) {
	d.Table([]string{d.T("대상", "Target"), d.T("계층", "Tier"), d.T("방식", "Method"), d.T("주기", "Frequency"), d.T("보존", "Retention"),
		d.T("지역 중복", "Geo-redundant"), d.T("복구", "Recovery"), d.T("근거", "Basis")}, backupCells(d, e))
}

// backupCells are the table's rows: a component's row with no artifact
// is left out (nothing would realise what it states).
func backupCells(d *md.Doc, e *plan.Env) [][]string {
	var rows []Backup
	for _, c := range plan.Facets[BackedUp](e) {
		for _, b := range c.Backups(d, e) {
			if len(b.At) > 0 {
				rows = append(rows, b)
			}
		}
	}
	rows = append(rows, configurationBackup(d, e))
	rank := map[string]int{}
	for i, t := range tierOrder {
		rank[t] = i
	}
	sort.SliceStable(rows, func(i, j int) bool { return rank[rows[i].Tier] < rank[rows[j].Tier] })
	var cells [][]string
	for _, b := range rows {
		d.Claim("backup."+b.Tier+"."+b.Target, b.Target, b.At...)
		cells = append(cells, []string{b.Target, tierName(d, b.Tier), b.Method, b.Frequency, b.Retention, b.Geo, b.Recover, b.Source})
	}
	return cells
}

// configurationBackup is the cluster's configuration: nothing in the
// cluster needs a backup, since physarch writes every resource and
// manifest from the spec; recovering is applying them again.
func configurationBackup(d *md.Doc, e *plan.Env) Backup {
	tf := path.Join(terraform.Dir, e.Name, "main.tf")
	overlay := path.Join(k8s.Dir, "overlays", e.Name, "kustomization.yaml")
	return Backup{Tier: TierConfiguration, Target: "Terraform, Kustomize",
		Method:    d.T("백업 불필요: 스펙(physarch.yaml)에서 다시 생성", "no backup needed: regenerated from the spec (physarch.yaml)"),
		Frequency: "-", Retention: "-", Geo: "-",
		Recover: "`terraform -chdir=" + path.Dir(tf) + " apply`, `kubectl apply -k " + path.Dir(overlay) + "`",
		Source:  d.T("생성된 파일", "the generated files"),
		At:      []claim.Locator{claim.File(tf, ""), claim.File(overlay, "")}}
}

// backupLocators are what realises the objectives table's backup summary:
// the artifacts of every component's backup rows (the configuration's
// regeneration is not a backup, so it is not among them).
func backupLocators(d *md.Doc, e *plan.Env) []claim.Locator {
	var at []claim.Locator
	for _, c := range plan.Facets[BackedUp](e) {
		for _, b := range c.Backups(d, e) {
			at = append(at, b.At...)
		}
	}
	return at
}
