package azure

// Azure Cosmos DB's throughput and storage limits: what physarch sizes
// RU/s within and what it refuses because Cosmos DB would. Every figure
// comes from the sources below.
var (
	srcCosmosLimits     = Source{Ref: "MicrosoftDocs/azure-databases-docs articles/cosmos-db/concepts-limits.md (service quotas: minimum throughput, serverless, per-account limits)", Date: "2023-04-15"}
	srcCosmosServerless = Source{Ref: "MicrosoftDocs/azure-databases-docs articles/cosmos-db/serverless-performance.md (RU/s per container by storage) and serverless.md (single region, no throughput setting)", Date: "2023-03-16"}
	srcCosmosThroughput = Source{Ref: "hashicorp/terraform-provider-azurerm internal/services/cosmos/validate/cosmos.go (CosmosThroughput: 400 in steps of 100; CosmosMaxThroughput: 1000 in steps of 1000)", Date: "2026-08-24"}
)

// CosmosLimits are the limits of one Cosmos DB container (dedicated
// throughput) and account.
type CosmosLimits struct {
	// Manual (provisioned) throughput: at least ManualMin RU/s in steps
	// of ManualStep, and at least ManualPerGB RU/s per stored GB.
	ManualMin, ManualStep, ManualPerGB int
	// Autoscale: the maximum RU/s is at least AutoscaleMin in steps of
	// AutoscaleStep and at least AutoscalePerGB per stored GB; the
	// container scales between AutoscaleFloorPercent and 100% of it.
	AutoscaleMin, AutoscaleStep, AutoscalePerGB, AutoscaleFloorPercent int
	// MaxRUs is the most RU/s one container takes without a support
	// request.
	MaxRUs int
	// Serverless: a container bursts to ServerlessBaseRUs up to
	// ServerlessBaseGB of storage, then ServerlessRUsPerPartition more per
	// ServerlessPartitionGB, and stores at most ServerlessMaxGB.
	ServerlessBaseRUs, ServerlessBaseGB, ServerlessRUsPerPartition, ServerlessPartitionGB, ServerlessMaxGB int
	// MaxResources is the most databases and containers one account
	// holds together.
	MaxResources int
	Sources      []Source
}

// Cosmos returns the limits.
func Cosmos() CosmosLimits {
	return CosmosLimits{
		ManualMin: 400, ManualStep: 100, ManualPerGB: 1,
		AutoscaleMin: 1000, AutoscaleStep: 1000, AutoscalePerGB: 10, AutoscaleFloorPercent: 10,
		MaxRUs:            1_000_000,
		ServerlessBaseRUs: 5000, ServerlessBaseGB: 250, ServerlessRUsPerPartition: 1000, ServerlessPartitionGB: 50, ServerlessMaxGB: 1000,
		MaxResources: 500,
		Sources:      []Source{srcCosmosLimits, srcCosmosServerless, srcCosmosThroughput},
	}
}

// ServerlessBurst is the most RU/s a serverless container storing gb
// gigabytes serves: 5,000 up to 250 GB, then 1,000 more for each further
// 50 GB physical partition (20,000 at 1 TB).
func (l CosmosLimits) ServerlessBurst(gb float64) int {
	if gb <= float64(l.ServerlessBaseGB) {
		return l.ServerlessBaseRUs
	}
	partitions := int(gb) / l.ServerlessPartitionGB
	if float64(partitions*l.ServerlessPartitionGB) < gb {
		partitions++
	}
	return partitions * l.ServerlessRUsPerPartition
}

// CosmosMongoVersions are the API for MongoDB server versions physarch
// offers: the ones the azurerm provider accepts for mongo_server_version
// (its validation lists 3.2 to 7.0), without the 3.x versions Microsoft
// retires.
func CosmosMongoVersions() []string { return []string{"4.2", "5.0", "6.0", "7.0"} }
