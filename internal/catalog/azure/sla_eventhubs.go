package azure

// Event Hubs SLAs. Azure/azqr's evh-003 query, which reports a namespace's
// SLA from its tier, says two things in two versions: 99.95% for Basic and
// Standard and 99.99% for Premium (commit 95c9a8b, the figures the
// reference data quotes), and 99.9% unless the namespace is Premium and
// zone-redundant, then 99.95% (commit 3045a27). Microsoft's reliability
// guide (MicrosoftDocs/reliability-docs reliability-event-hubs.md,
// 2025-10-17) says only that Premium's SLA is higher, and that every
// namespace in a region with availability zones is zone-redundant at no
// extra cost. The catalog keeps the lower figure and records the other.
var (
	srcEHSLA = Source{Ref: "Azure/azqr internal/graph/azqr/azure-resources/EventHub/namespaces/kql/evh-003.kql (commits 95c9a8b and 3045a27)", Date: "2026-02-16",
		Ko: "Azure/azqr internal/graph/azqr/azure-resources/EventHub/namespaces/kql/evh-003.kql (커밋 95c9a8b, 3045a27)"}
	ehDisagrees   = "99.95% (azqr evh-003 at 95c9a8b) vs 99.9% (at 3045a27)"
	ehDisagreesKo = "99.95% (azqr evh-003, 커밋 95c9a8b) 대 99.9% (커밋 3045a27)"
)

var eventHubsSLAs = []SLA{
	{Key: "eventhubs/Basic", Percent: 99.9, Source: srcEHSLA, Disagreement: ehDisagrees, DisagreementKo: ehDisagreesKo},
	{Key: "eventhubs/Standard", Percent: 99.9, Source: srcEHSLA, Disagreement: ehDisagrees, DisagreementKo: ehDisagreesKo},
	{Key: "eventhubs/Premium/zones", Percent: 99.95, Source: srcEHSLA, Disagreement: "99.99% (azqr evh-003 at 95c9a8b) vs 99.95% zone-redundant (at 3045a27)",
		DisagreementKo: "99.99% (azqr evh-003, 커밋 95c9a8b) 대 영역 중복 99.95% (커밋 3045a27)"},
	{Key: "eventhubs/Premium/nozones", Percent: 99.9, Source: srcEHSLA, Disagreement: "99.99% (azqr evh-003 at 95c9a8b) vs 99.9% without zone redundancy (at 3045a27)",
		DisagreementKo: "99.99% (azqr evh-003, 커밋 95c9a8b) 대 영역 중복 없이 99.9% (커밋 3045a27)"},
}
