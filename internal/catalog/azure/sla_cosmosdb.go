package azure

// srcCosmosSLA is Microsoft's reliability guide for Cosmos DB, whose SLA
// table gives the write and read availability of each configuration. A
// request path both reads and writes, so the catalog keeps the write
// figure, the lower one, and records the read figure where they differ.
var srcCosmosSLA = Source{Ref: "MicrosoftDocs/azure-docs articles/reliability/reliability-cosmos-db-nosql.md (SLA improvements table; serverless.md: serverless SLAs align with single-region writes with availability zones)", Date: "2024-05-06",
	Ko: "MicrosoftDocs/azure-docs articles/reliability/reliability-cosmos-db-nosql.md (SLA 개선 표; serverless.md: serverless SLA는 가용성 영역을 쓰는 단일 리전 쓰기와 같음)"}

var cosmosdbSLAs = []SLA{
	{Key: "cosmosdb/single", Percent: 99.99, Source: srcCosmosSLA},
	{Key: "cosmosdb/single-zr", Percent: 99.995, Source: srcCosmosSLA},
	{Key: "cosmosdb/multi", Percent: 99.99, Source: srcCosmosSLA, Disagreement: "writes 99.99%, reads 99.999% (several regions, one write region, no zones)",
		DisagreementKo: "쓰기 99.99%, 읽기 99.999% (여러 리전, 쓰기 리전 1개, 영역 없음)"},
	{Key: "cosmosdb/multi-zr", Percent: 99.995, Source: srcCosmosSLA, Disagreement: "writes 99.995%, reads 99.999% (several regions, one write region, zone-redundant)",
		DisagreementKo: "쓰기 99.995%, 읽기 99.999% (여러 리전, 쓰기 리전 1개, 영역 중복)"},
	{Key: "cosmosdb/multi-write", Percent: 99.999, Source: srcCosmosSLA},
}
