package azure

// Azure Managed Redis: no SLA without high availability; 99.9% with
// high availability (a replicated pair of nodes); 99.99% when the highly
// available cache is zone-redundant, which it is by itself in a region
// with availability zones.
var (
	srcAMRHA = Source{Ref: "MicrosoftDocs/azure-docs articles/redis/high-availability.md (Standard replication 99.9%, Zone redundancy 99.99%)", Date: "2025-05-18",
		Ko: "MicrosoftDocs/azure-docs articles/redis/high-availability.md (Standard 복제 99.9%, 영역 중복 99.99%)"}
	// Without high availability "your Redis instance doesn't have
	// replication enabled and doesn't have access to the availability
	// SLA"; the reliability guide: to be eligible for availability SLAs
	// "you must enable high availability configuration".
	srcAMRNoHA = Source{Ref: "MicrosoftDocs/azure-docs articles/redis/architecture.md (Running without high availability mode enabled); MicrosoftDocs/reliability-docs articles/reliability/reliability-managed-redis.md (Service-level agreement)", Date: "2026-01-12",
		Ko: "MicrosoftDocs/azure-docs articles/redis/architecture.md (고가용성 모드 없이 실행); MicrosoftDocs/reliability-docs articles/reliability/reliability-managed-redis.md (서비스 수준 계약)"}
)

var managedRedisSLAs = []SLA{
	{Key: "managedredis/noha", Source: srcAMRNoHA},
	{Key: "managedredis/ha", Percent: 99.9, Source: srcAMRHA},
	{Key: "managedredis/ha/zones", Percent: 99.99, Source: srcAMRHA},
}
