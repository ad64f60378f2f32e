package azure

// Azure SQL Database SLAs (the azuresql block). azqr's query reports
// 99.995% for General Purpose and Business Critical databases with zone
// redundancy and 99.99% otherwise; the Microsoft Learn module on Azure
// SQL availability agrees for Business Critical but, written while
// General Purpose zone redundancy was in preview, gives General Purpose
// 99.99% whatever its zones. As everywhere in the catalog, the lower
// figure is kept and the other recorded.
var (
	srcSQLAQ    = Source{Ref: "Azure/azqr internal/graph/azqr/azure-resources/Sql/servers/kql/sqldb-003.kql", Date: "2026-02-16"}
	srcSQLLearn = "MicrosoftDocs/learn learn-pr/azure/azure-sql-high-availability/includes/7-higher-availability-options.md"
)

var azureSQLSLAs = []SLA{
	{Key: "azuresql/GeneralPurpose", Percent: 99.99, Source: srcSQLAQ},
	{Key: "azuresql/GeneralPurpose/zoneredundant", Percent: 99.99, Source: srcSQLAQ,
		Disagreement:   "99.995% (azqr 2026) vs 99.99% for General Purpose in " + srcSQLLearn + " (written while General Purpose zone redundancy was in preview)",
		DisagreementKo: "99.995% (azqr 2026) 대 " + srcSQLLearn + "의 General Purpose 99.99% (General Purpose 영역 중복이 미리 보기일 때 작성)"},
	{Key: "azuresql/BusinessCritical", Percent: 99.99, Source: srcSQLAQ},
	{Key: "azuresql/BusinessCritical/zoneredundant", Percent: 99.995, Source: srcSQLAQ},
}
