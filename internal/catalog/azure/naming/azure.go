package naming

// The Azure rules. Unless a rule says otherwise its source is Microsoft's
// "Naming rules and restrictions for Azure resources"
// (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules),
// read for the resource provider named in each comment. Where the azurerm
// provider's own validation (what `terraform validate` checks, in
// hashicorp/terraform-provider-azurerm, internal/services/...) is stricter
// or more precise, the rule follows the provider and cites it too.
//
// Names are compared case-insensitively by Azure; physarch derives them in
// lowercase wherever the rule allows only that or where a DNS name results.

const msRules = "learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules"

// Resource providers' rules, one per resource type physarch names.
var (
	// Microsoft.Resources/resourcegroups: 1–90; underscores, hyphens,
	// periods, parentheses, letters or digits; can't end with a period.
	resourceGroup = Rule{Kind: "resource group", Min: 1, Max: 90,
		chars: alnum | underscore | hyphen | period | paren, first: alnum | underscore | hyphen | period | paren,
		last: alnum | underscore | hyphen | paren, Source: msRules + " (Microsoft.Resources/resourcegroups)"}

	// Microsoft.ContainerService/managedClusters: 1–63; alphanumerics,
	// underscores, hyphens; start and end with an alphanumeric
	// (azurerm containers/validate/kubernetes.go KubernetesClusterName).
	aksCluster = Rule{Kind: "AKS cluster", Min: 1, Max: 63, chars: alnum | underscore | hyphen, first: alnum, last: alnum,
		Source: msRules + " (Microsoft.ContainerService/managedClusters); azurerm KubernetesClusterName"}

	// AKS dns_prefix: 1–54; letters, digits, hyphens; begins and ends
	// with a letter or digit (azurerm containers/validate/kubernetes.go
	// KubernetesDNSPrefix). It becomes part of the API server's FQDN.
	aksDNSPrefix = Rule{Kind: "AKS DNS prefix", Min: 1, Max: 54, chars: alnum | hyphen, first: alnum, last: alnum,
		Source: "azurerm KubernetesDNSPrefix (terraform-provider-azurerm internal/services/containers/validate/kubernetes.go)"}

	// Microsoft.Network/virtualNetworks: 2–64; alphanumerics,
	// underscores, periods, hyphens; start with an alphanumeric, end with
	// an alphanumeric or underscore.
	virtualNetwork = Rule{Kind: "virtual network", Min: 2, Max: 64, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: msRules + " (Microsoft.Network/virtualNetworks)"}

	// Microsoft.Network/virtualNetworks/subnets: 1–80; as virtual networks.
	subnet = Rule{Kind: "subnet", Min: 1, Max: 80, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: msRules + " (Microsoft.Network/virtualNetworks/subnets)"}

	// Microsoft.Network/networkSecurityGroups: 1–80; as subnets.
	networkSecurityGroup = Rule{Kind: "network security group", Min: 1, Max: 80, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: msRules + " (Microsoft.Network/networkSecurityGroups)"}

	// Microsoft.Network/publicIPAddresses: 1–80; as subnets.
	publicIP = Rule{Kind: "public IP address", Min: 1, Max: 80, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: msRules + " (Microsoft.Network/publicIPAddresses)"}

	// Microsoft.Network/privateEndpoints: 2–64; alphanumerics,
	// underscores, periods, hyphens; start with an alphanumeric, end with
	// an alphanumeric or underscore (azurerm PrivateLinkName allows up
	// to 80; the page's 64 is the stricter bound).
	privateEndpoint = Rule{Kind: "private endpoint", Min: 2, Max: 64, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: msRules + " (Microsoft.Network/privateEndpoints); azurerm PrivateLinkName"}

	// Microsoft.Network/applicationGateways: 1–80; alphanumerics,
	// underscores, periods, hyphens; start with an alphanumeric, end with
	// an alphanumeric or underscore (azurerm ApplicationGatewayName).
	applicationGateway = Rule{Kind: "Application Gateway", Min: 1, Max: 80, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: msRules + " (Microsoft.Network/applicationGateways); azurerm ApplicationGatewayName"}

	// Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies:
	// at most 80 characters. physarch keeps to letters and digits,
	// starting with a letter (the rule the page gives Front Door WAF
	// policies, Microsoft.Network/frontdoorWebApplicationFirewallPolicies),
	// so the one name is valid for either kind of policy.
	wafPolicy = Rule{Kind: "WAF policy", Min: 1, Max: 80, chars: alnum, first: letter, last: alnum,
		Source: msRules + " (Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies, frontdoorWebApplicationFirewallPolicies)"}

	// Microsoft.ContainerRegistry/registries: 5–50; alphanumerics;
	// globally unique (azurerm ContainerRegistryName). Derived in
	// lowercase: the login server <name>.azurecr.io is lowercase.
	containerRegistry = Rule{Kind: "container registry", Min: 5, Max: 50, chars: alnum, first: alnum, last: alnum, Global: true,
		Source: msRules + " (Microsoft.ContainerRegistry/registries); azurerm ContainerRegistryName"}

	// Microsoft.KeyVault/vaults: 3–24; alphanumerics and hyphens; start
	// with a letter, end with a letter or digit; no consecutive hyphens;
	// globally unique (azurerm keyvault/validate/vault_name.go VaultName).
	keyVault = Rule{Kind: "Key Vault", Min: 3, Max: 24, chars: alnum | hyphen, first: letter, last: alnum, noDoubleHyphen: true, Global: true,
		Source: msRules + " (Microsoft.KeyVault/vaults); azurerm VaultName"}

	// Microsoft.KeyVault/vaults/secrets: 1–127; alphanumerics and
	// hyphens (go-azure-helpers keyvault ValidateNestedItemName, which
	// azurerm uses).
	keyVaultSecret = Rule{Kind: "Key Vault secret", Min: 1, Max: 127, chars: alnum | hyphen, first: alnum | hyphen, last: alnum | hyphen,
		Source: msRules + " (Microsoft.KeyVault/vaults/secrets); go-azure-helpers ValidateNestedItemName"}

	// Microsoft.OperationalInsights/workspaces: 4–63; alphanumerics and
	// hyphens; start and end with an alphanumeric (azurerm
	// LogAnalyticsWorkspaceName).
	logAnalytics = Rule{Kind: "Log Analytics workspace", Min: 4, Max: 63, chars: alnum | hyphen, first: alnum, last: alnum,
		Source: msRules + " (Microsoft.OperationalInsights/workspaces); azurerm LogAnalyticsWorkspaceName"}

	// Microsoft.Insights/components: 1–260; the page forbids
	// %&\?/ and control characters and a trailing space or period;
	// physarch keeps to the subset alphanumerics, hyphens, underscores,
	// periods, ending alphanumeric.
	applicationInsights = Rule{Kind: "Application Insights", Min: 1, Max: 260, chars: alnum | hyphen | underscore | period, first: alnum, last: alnum,
		Source: msRules + " (Microsoft.Insights/components)"}

	// Microsoft.Cdn/profiles (Front Door Standard/Premium): azurerm
	// cdn/validate/front_door_name.go FrontDoorName: 2–90 letters,
	// digits and hyphens, starting and ending with a letter or digit.
	frontDoorProfile = Rule{Kind: "Front Door profile", Min: 2, Max: 90, chars: alnum | hyphen, first: alnum, last: alnum,
		Source: msRules + " (Microsoft.Cdn/profiles); azurerm cdn FrontDoorName"}

	// Microsoft.Cdn/profiles/afdEndpoints: 2–46; letters, digits,
	// hyphens; start and end with a letter or digit (azurerm
	// cdn/validate/front_door_endpoint_name.go); its host name
	// <name>-<hash>.z01.azurefd.net is global.
	frontDoorEndpoint = Rule{Kind: "Front Door endpoint", Min: 2, Max: 46, chars: alnum | hyphen, first: alnum, last: alnum, Global: true,
		Source: msRules + " (Microsoft.Cdn/profiles/afdEndpoints); azurerm FrontDoorEndpointName"}

	// Microsoft.DBforPostgreSQL/flexibleServers: 3–63; lowercase letters,
	// digits, hyphens; can't start or end with a hyphen; globally unique
	// (azurerm postgres/validate/flexible_server_name.go asks for the
	// same characters).
	postgresServer = Rule{Kind: "PostgreSQL flexible server", Min: 3, Max: 63, chars: lower | digit | hyphen, first: lower | digit, last: lower | digit, Global: true,
		Source: msRules + " (Microsoft.DBforPostgreSQL/flexibleServers); azurerm postgres FlexibleServerName"}

	// Flexible server databases: 1–63 (PostgreSQL's identifier length);
	// letters, digits, hyphens and underscores, starting with a letter,
	// hyphen or underscore (azurerm postgres/validate/
	// flexible_server_database_name.go). physarch also ends it with a
	// letter or digit.
	postgresDatabase = Rule{Kind: "PostgreSQL database", Min: 1, Max: 63, chars: alnum | hyphen | underscore, first: letter | hyphen | underscore, last: alnum,
		Source: "azurerm postgres FlexibleServerDatabaseName (terraform-provider-azurerm internal/services/postgres/validate)"}

	// Microsoft.Cache/redis: 1–63; alphanumerics and hyphens; start and
	// end with an alphanumeric; consecutive hyphens aren't allowed;
	// globally unique (<name>.redis.cache.windows.net).
	redisCache = Rule{Kind: "Azure Cache for Redis", Min: 1, Max: 63, chars: alnum | hyphen, first: alnum, last: alnum, noDoubleHyphen: true, Global: true,
		Source: msRules + " (Microsoft.Cache/redis)"}

	// Microsoft.ServiceBus/namespaces: 6–50; alphanumerics and hyphens;
	// start with a letter, end with a letter or digit; can't end with
	// -sb or -mgmt; globally unique (azurerm servicebus/validate/
	// namespace_name.go NamespaceName).
	serviceBusNamespace = Rule{Kind: "Service Bus namespace", Min: 6, Max: 50, chars: alnum | hyphen, first: letter, last: alnum,
		badSuffixes: []string{"-sb", "-mgmt"}, Global: true,
		Source: msRules + " (Microsoft.ServiceBus/namespaces); azurerm servicebus NamespaceName"}

	// Microsoft.ServiceBus/namespaces/queues and topics: 1–260;
	// alphanumerics, periods, hyphens, underscores, slashes (azurerm also
	// tildes); start and end with an alphanumeric (azurerm servicebus/
	// validate/queue_name.go, topic_name.go). Case-insensitive.
	serviceBusQueue = Rule{Kind: "Service Bus queue", Min: 1, Max: 260, chars: alnum | period | hyphen | underscore | slash | tilde, first: alnum, last: alnum,
		Source: msRules + " (Microsoft.ServiceBus/namespaces/queues); azurerm servicebus QueueName"}
	serviceBusTopic = Rule{Kind: "Service Bus topic", Min: 1, Max: 260, chars: alnum | period | hyphen | underscore | slash | tilde, first: alnum, last: alnum,
		Source: msRules + " (Microsoft.ServiceBus/namespaces/topics); azurerm servicebus TopicName"}

	// Microsoft.ManagedIdentity/userAssignedIdentities: 3–128;
	// alphanumerics, hyphens, underscores; start with a letter or digit.
	userAssignedIdentity = Rule{Kind: "user-assigned identity", Min: 3, Max: 128, chars: alnum | hyphen | underscore, first: alnum, last: alnum | hyphen | underscore,
		Source: msRules + " (Microsoft.ManagedIdentity/userAssignedIdentities)"}

	// Microsoft.ManagedIdentity/userAssignedIdentities/
	// federatedIdentityCredentials: 3–120; alphanumerics, hyphens,
	// underscores; start with a letter or digit (the REST API's pattern
	// ^[a-zA-Z0-9]{1}[a-zA-Z0-9-_]{2,119}$). At most 20 per identity
	// (learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
	federatedCredential = Rule{Kind: "federated identity credential", Min: 3, Max: 120, chars: alnum | hyphen | underscore, first: alnum, last: alnum | hyphen | underscore,
		Source: msRules + " (Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials)"}

	// Microsoft.Storage/storageAccounts: 3–24; lowercase letters and
	// digits; globally unique (azurerm storage/validate/
	// storage_account_name.go StorageAccountName).
	storageAccount = Rule{Kind: "storage account", Min: 3, Max: 24, chars: lower | digit, first: lower | digit, last: lower | digit, Global: true,
		Source: msRules + " (Microsoft.Storage/storageAccounts); azurerm StorageAccountName"}
)

// ResourceGroup derives a resource group name.
func ResourceGroup(wanted string) Name { return resourceGroup.Derive(wanted) }

// AKSCluster derives an AKS cluster name.
func AKSCluster(wanted string) Name { return aksCluster.Derive(wanted) }

// AKSDNSPrefix derives an AKS cluster's dns_prefix.
func AKSDNSPrefix(wanted string) Name { return aksDNSPrefix.Derive(wanted) }

// VirtualNetwork derives a virtual network name.
func VirtualNetwork(wanted string) Name { return virtualNetwork.Derive(wanted) }

// Subnet derives a subnet name.
func Subnet(wanted string) Name { return subnet.Derive(wanted) }

// NetworkSecurityGroup derives a network security group name.
func NetworkSecurityGroup(wanted string) Name { return networkSecurityGroup.Derive(wanted) }

// PublicIP derives a public IP address name.
func PublicIP(wanted string) Name { return publicIP.Derive(wanted) }

// PrivateEndpoint derives a private endpoint name.
func PrivateEndpoint(wanted string) Name { return privateEndpoint.Derive(wanted) }

// ApplicationGateway derives an Application Gateway name.
func ApplicationGateway(wanted string) Name { return applicationGateway.Derive(wanted) }

// WAFPolicy derives a web application firewall policy name.
func WAFPolicy(wanted string) Name { return wafPolicy.Derive(wanted) }

// ContainerRegistry derives a container registry name (globally unique).
func ContainerRegistry(wanted string) Name { return containerRegistry.Derive(wanted) }

// KeyVault derives a Key Vault name (globally unique).
func KeyVault(wanted string) Name { return keyVault.Derive(wanted) }

// KeyVaultSecret derives a Key Vault secret name.
func KeyVaultSecret(wanted string) Name { return keyVaultSecret.Derive(wanted) }

// LogAnalyticsWorkspace derives a Log Analytics workspace name.
func LogAnalyticsWorkspace(wanted string) Name { return logAnalytics.Derive(wanted) }

// ApplicationInsights derives an Application Insights component name.
func ApplicationInsights(wanted string) Name { return applicationInsights.Derive(wanted) }

// FrontDoorProfile derives a Front Door (Standard/Premium) profile name.
func FrontDoorProfile(wanted string) Name { return frontDoorProfile.Derive(wanted) }

// FrontDoorEndpoint derives a Front Door endpoint name.
func FrontDoorEndpoint(wanted string) Name { return frontDoorEndpoint.Derive(wanted) }

// PostgresServer derives a PostgreSQL flexible server name (globally unique).
func PostgresServer(wanted string) Name { return postgresServer.Derive(wanted) }

// PostgresDatabase derives a PostgreSQL database name.
func PostgresDatabase(wanted string) Name { return postgresDatabase.Derive(wanted) }

// RedisCache derives an Azure Cache for Redis name (globally unique).
func RedisCache(wanted string) Name { return redisCache.Derive(wanted) }

// ServiceBusNamespace derives a Service Bus namespace name (globally unique).
func ServiceBusNamespace(wanted string) Name { return serviceBusNamespace.Derive(wanted) }

// ServiceBusQueue derives a Service Bus queue name.
func ServiceBusQueue(wanted string) Name { return serviceBusQueue.Derive(wanted) }

// ServiceBusTopic derives a Service Bus topic name.
func ServiceBusTopic(wanted string) Name { return serviceBusTopic.Derive(wanted) }

// UserAssignedIdentity derives a user-assigned managed identity name.
func UserAssignedIdentity(wanted string) Name { return userAssignedIdentity.Derive(wanted) }

// FederatedCredential derives a federated identity credential name.
func FederatedCredential(wanted string) Name { return federatedCredential.Derive(wanted) }

// StorageAccount derives a storage account name (globally unique).
func StorageAccount(wanted string) Name { return storageAccount.Derive(wanted) }
