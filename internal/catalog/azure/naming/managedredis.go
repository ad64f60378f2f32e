package naming

// Microsoft.Cache/redisEnterprise (Azure Managed Redis): 3–63; letters,
// digits and hyphens; start and end with a letter or digit; no
// consecutive hyphens (azurerm managedredis/validate/managed_redis_name.go
// ManagedRedisName, what `terraform validate` checks). physarch derives it
// in lowercase because it becomes a DNS label: <name>.<region>.redis.azure.net
// is unique in its region, so a valid name can still be taken.
var managedRedisCluster = Rule{Kind: "Azure Managed Redis", Min: 3, Max: 63, chars: lower | digit | hyphen, first: lower | digit, last: lower | digit,
	noDoubleHyphen: true, Global: true,
	Source: "azurerm ManagedRedisName (terraform-provider-azurerm internal/services/managedredis/validate/managed_redis_name.go)"}

// ManagedRedis derives an Azure Managed Redis name.
func ManagedRedis(wanted string) Name { return managedRedisCluster.Derive(wanted) }
