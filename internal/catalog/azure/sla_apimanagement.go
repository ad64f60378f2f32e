package azure

// API Management SLAs. Microsoft's reliability guide for API Management
// and its pricing page: 99.95% for the production tiers (Standard v2,
// Premium), 99.99% for Premium with units in two or more availability
// zones (or regions); the Developer tier has no SLA.
var srcAPIMSLA = Source{Ref: "MicrosoftDocs/azure-docs articles/reliability/reliability-api-management.md; azure.microsoft.com/pricing/details/api-management (99.99% on Premium with units in two or more zones or regions)", Date: "2025-06-05",
	Ko: "MicrosoftDocs/azure-docs articles/reliability/reliability-api-management.md; azure.microsoft.com/pricing/details/api-management (Premium 유닛이 둘 이상의 영역 또는 리전에 있을 때 99.99%)"}

var apiManagementSLAs = []SLA{
	{Key: "apim/Developer", Source: srcAPIMSLA}, // Developer carries no SLA
	{Key: "apim/StandardV2", Percent: 99.95, Source: srcAPIMSLA},
	{Key: "apim/Premium", Percent: 99.95, Source: srcAPIMSLA},
	{Key: "apim/Premium/zones", Percent: 99.99, Source: srcAPIMSLA,
		Condition: &Condition{AllOf: []Fact{ZoneRedundant}, Text: "units spread over two or more availability zones", TextKo: "유닛이 둘 이상의 가용성 영역에 분산"}, Otherwise: "apim/Premium"},
}
