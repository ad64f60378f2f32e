package azure

// Azure Firewall SLAs: 99.95% for a firewall in one zone (or none),
// 99.99% when it spans two or more availability zones (Microsoft's
// reliability guide for Azure Firewall; Azure Advisor's "Deploy your
// Azure Firewall to span multiple Availability Zones" says the same).
var srcFirewallSLA = Source{Ref: "MicrosoftDocs/azure-docs articles/reliability/reliability-firewall.md (99.99% uptime SLA with two or more availability zones; 99.95% otherwise)", Date: "2025-07-23",
	Ko: "MicrosoftDocs/azure-docs articles/reliability/reliability-firewall.md (가용성 영역 둘 이상이면 가동 시간 SLA 99.99%, 그 밖에는 99.95%)"}

var firewallSLAs = []SLA{
	{Key: "firewall", Percent: 99.95, Source: srcFirewallSLA},
	{Key: "firewall/zones", Percent: 99.99, Source: srcFirewallSLA,
		Condition: &Condition{AllOf: []Fact{ZoneRedundant}, Text: "deployed across two or more availability zones", TextKo: "둘 이상의 가용성 영역에 배포"}, Otherwise: "firewall"},
}
