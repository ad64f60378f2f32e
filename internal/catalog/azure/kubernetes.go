package azure

import "time"

// CatalogDate is the day the catalog's lifecycle facts are judged at. It is
// fixed, not today's date, so that the same spec gives the same result on
// every day; `physarch check` says when the catalog is old.
var CatalogDate = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// KubernetesVersion is a Kubernetes minor version's life on AKS.
type KubernetesVersion struct {
	Minor string
	// EndOfLife ends community support: AKS creates no new clusters on the
	// version afterwards.
	EndOfLife time.Time
	// LTSEnd ends AKS long-term support (Premium tier only); zero when the
	// version has none.
	LTSEnd time.Time
	Source Source
}

var (
	srcAKSCalendar = Source{Ref: "MicrosoftDocs/azure-aks-docs articles/aks/supported-kubernetes-versions.md (AKS release calendar, LTS table; month precision, the month's last day used)", Date: "2024-10-30"}
	// Versions after the calendar above: the upstream end of life. AKS ends
	// community support about a month after upstream, so this is the safe
	// side.
	srcUpstream = Source{Ref: "kubernetes.io/releases/<minor> (upstream End Of Life Date)", Date: "2026-08-11"}
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var kubernetesVersions = []KubernetesVersion{
	{Minor: "1.28", EndOfLife: day(2025, 1, 31), Source: srcAKSCalendar},
	{Minor: "1.29", EndOfLife: day(2025, 3, 31), Source: srcAKSCalendar},
	{Minor: "1.30", EndOfLife: day(2025, 7, 31), LTSEnd: day(2026, 7, 31), Source: srcAKSCalendar},
	{Minor: "1.31", EndOfLife: day(2025, 11, 30), Source: srcAKSCalendar},
	{Minor: "1.32", EndOfLife: day(2026, 3, 31), Source: srcAKSCalendar},
	{Minor: "1.33", EndOfLife: day(2026, 6, 28), Source: srcUpstream},
	{Minor: "1.34", EndOfLife: day(2026, 10, 27), Source: srcUpstream},
	{Minor: "1.35", EndOfLife: day(2027, 2, 28), Source: srcUpstream},
	{Minor: "1.36", EndOfLife: day(2027, 6, 28), Source: srcUpstream},
}

// LookupKubernetes finds a minor version ("1.35").
func LookupKubernetes(minor string) (KubernetesVersion, bool) {
	for _, v := range kubernetesVersions {
		if v.Minor == minor {
			return v, true
		}
	}
	return KubernetesVersion{}, false
}

// Supported reports whether AKS supports the version at the catalog date:
// in community support on any tier, or in long-term support on Premium.
func (v KubernetesVersion) Supported(tier string) bool {
	if CatalogDate.Before(v.EndOfLife) {
		return true
	}
	return tier == "Premium" && CatalogDate.Before(v.LTSEnd)
}

// SupportedKubernetes lists the minor versions a tier can run at the
// catalog date.
func SupportedKubernetes(tier string) []string {
	var out []string
	for _, v := range kubernetesVersions {
		if v.Supported(tier) {
			out = append(out, v.Minor)
		}
	}
	return out
}

// KubernetesMinors lists every minor version the catalog knows.
func KubernetesMinors() []string {
	out := make([]string, len(kubernetesVersions))
	for i, v := range kubernetesVersions {
		out[i] = v.Minor
	}
	return out
}
