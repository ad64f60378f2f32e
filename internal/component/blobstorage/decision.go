package blobstorage

import (
	"math"
	"strings"

	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/msg"
	"github.com/physarch/physarch/internal/spec"
)

// redundancies are the replications offered against each other: one
// datacenter, the region's zones, and the zones plus the paired region.
var redundancies = []string{"LRS", "ZRS", "GZRS"}

// Decisions implements decision.Decided: a managed account's redundancy
// and its default access tier. Azurite (dev) decides neither.
func (c *Component) Decisions(pl *plan.Plan, _ *plan.Env) []decision.Decision {
	if !c.Managed() {
		return nil
	}
	return []decision.Decision{c.redundancyDecision(pl.Region), c.tierDecision()}
}

// redundancyDecision offers the other redundancies the region allows (ZRS
// and GZRS need zones).
func (c *Component) redundancyDecision(region string) decision.Decision {
	d := decision.Decision{ID: "blobstorage.redundancy", Topic: decision.T("Blob Storage 중복", "Blob Storage redundancy"), Choice: decision.T(c.Redundancy, c.Redundancy)}
	gb := msg.Num(c.Volume.StoredGB)
	switch c.Redundancy {
	case "LRS":
		d.Reason = decision.Tf("데이터 %sGB를 한 데이터 센터 안에 3개 복사본으로 두어 저장 단가가 가장 낮습니다", "%s GB kept as three copies in one datacenter, at the lowest price per GB", gb)
	case "ZRS", "RA-ZRS":
		d.Reason = decision.Tf("데이터 %sGB를 가용 영역 3곳에 동기 복제해 영역 하나가 중단되어도 읽고 쓸 수 있습니다", "%s GB replicated synchronously over three zones, readable and writable with one zone down", gb)
	case "GRS", "RA-GRS":
		d.Reason = decision.Tf("데이터 %sGB를 한 데이터 센터 안 3개 복사본에 더해 쌍 지역에도 비동기 복제해 지역 장애에도 데이터를 잃지 않습니다", "%s GB kept as three copies in one datacenter and copied asynchronously to the paired region, so a regional outage loses no data", gb)
	default:
		d.Reason = decision.Tf("데이터 %sGB를 영역에 복제하고 쌍 지역에도 비동기 복제해 지역 장애에도 데이터를 잃지 않습니다", "%s GB replicated over the zones and asynchronously to the paired region, so a regional outage loses no data", gb)
	}
	zones := false
	if r, ok := azure.LookupRegion(region); ok {
		zones = r.Zones > 0
	}
	for _, r := range redundancies {
		if r == c.Redundancy || (r != "LRS" && !zones) {
			continue
		}
		note := redundancyNote(c.Redundancy, r)
		// Zone-redundant accounts have no Archive tier, which the loader
		// refuses: the alternative archives nothing, and says so.
		archive := c.Lifecycle.ArchiveAfterDays > 0 && strings.Contains(r, "ZRS")
		if archive {
			note = join(note, decision.Tf("%d일 뒤 Archive 이동 없음 (영역 중복 계정에는 Archive 계층이 없음)", "no move to Archive after %d days (zone-redundant accounts have no Archive tier)", c.Lifecycle.ArchiveAfterDays))
		}
		d.Alternatives = append(d.Alternatives, decision.Alternative{Choice: decision.T(r, r), Note: note, Change: func(_ *spec.Spec, env *spec.Environment) {
			st := decision.Settings[Settings](env, Name)
			st.Redundancy = r
			if archive {
				st.Lifecycle.ArchiveAfterDays = 0
			}
		}})
	}
	return d
}

// tierDecision offers Cool for Hot and Hot for the cooler tiers.
func (c *Component) tierDecision() decision.Decision {
	d := decision.Decision{ID: "blobstorage.access-tier", Topic: decision.T("Blob Storage 기본 액세스 계층", "Blob Storage default access tier"), Choice: decision.T(c.AccessTier, c.AccessTier)}
	reads, readsKo := msg.Num(c.Volume.ReadsM), tenThousands(c.Volume.ReadsM)
	alt, note := "Cool", decision.T("저장 단가가 낮고 읽기·쓰기 단가가 높으며, 30일 안에 지운 데이터도 30일분이 과금됩니다", "cheaper to store, dearer to read and write; data deleted within 30 days is billed for 30")
	if c.AccessTier == "Hot" {
		d.Reason = spec.Text{Ko: "매월 읽기 " + readsKo + "만 건을 읽기 단가가 가장 낮은 계층에서 처리합니다", En: reads + " million reads a month run on the tier with the cheapest reads"}
	} else {
		alt, note = "Hot", decision.T("읽기·쓰기 단가가 낮고 저장 단가가 높습니다", "cheaper to read and write, dearer to store")
		d.Reason = spec.Text{Ko: "매월 읽기 " + readsKo + "만 건으로 드물게 읽는 데이터라 저장 단가가 낮은 계층에 둡니다", En: "with " + reads + " million reads a month the data is read rarely, so it is kept on a tier that is cheaper to store"}
	}
	// A Cool account moves nothing to Cool, which the loader refuses:
	// the alternative drops that step of the lifecycle.
	cool := alt == "Cool" && c.Lifecycle.CoolAfterDays > 0
	d.Alternatives = []decision.Alternative{{Choice: decision.T(alt, alt), Note: note, Change: func(_ *spec.Spec, env *spec.Environment) {
		st := decision.Settings[Settings](env, Name)
		st.AccessTier = alt
		if cool {
			st.Lifecycle.CoolAfterDays = 0
		}
	}}}
	return d
}

// redundancyNote says what an alternative redundancy gives up or adds
// against the account's own.
func redundancyNote(from, to string) spec.Text {
	zoned := func(r string) bool { return strings.Contains(r, "ZRS") }
	geo := func(r string) bool { return strings.Contains(r, "GRS") || strings.Contains(r, "GZRS") }
	switch {
	case zoned(from) && !zoned(to) && geo(from) && !geo(to):
		return decision.T("영역 장애 시 데이터에 접근할 수 없고, 쌍 지역 복제본도 없습니다", "no access to the data while a zone is down, and no copy in the paired region")
	case zoned(from) && !zoned(to):
		return decision.T("영역 장애 시 데이터에 접근할 수 없습니다", "no access to the data while a zone is down")
	case geo(from) && !geo(to):
		return decision.T("쌍 지역 복제본이 없습니다", "no copy in the paired region")
	case !geo(from) && geo(to):
		return decision.T("쌍 지역에 비동기 복제본", "an asynchronous copy in the paired region")
	case strings.HasPrefix(from, "RA-") && !strings.HasPrefix(to, "RA-"):
		return decision.T("쌍 지역 복제본의 읽기 엔드포인트가 없습니다", "no read endpoint on the paired region's copy")
	}
	return spec.Text{}
}

// tenThousands prints millions as Korean counts them, in units of 10,000
// (30 million is 3,000만).
func tenThousands(millions float64) string { return msg.Num(math.Round(millions*1000) / 10) }

// join puts two notes together.
func join(a, b spec.Text) spec.Text {
	if a.Ko == "" {
		return b
	}
	return spec.Text{Ko: a.Ko + ", " + b.Ko, En: a.En + ", " + b.En}
}
