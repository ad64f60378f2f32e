package naming

// Microsoft.DocumentDB/databaseAccounts: 3–44 characters; lowercase
// letters, digits and hyphens; start and end with a lowercase letter or
// digit; globally unique (the account becomes <name>.documents.azure.com).
// The azurerm provider (internal/services/cosmos/validate/cosmos.go
// CosmosAccountName) accepts 3–50 of the same characters; the page's 44
// is the stricter bound, and PSRule for Azure (Azure.Cosmos.AccountName)
// checks the same 3–44 with alphanumeric ends.
var cosmosAccount = Rule{Kind: "Cosmos DB account", Min: 3, Max: 44, chars: lower | digit | hyphen, first: lower | digit, last: lower | digit, Global: true,
	Source: msRules + " (Microsoft.DocumentDB/databaseAccounts); azurerm CosmosAccountName; PSRule Azure.Cosmos.AccountName"}

// CosmosAccount derives an Azure Cosmos DB account name (globally unique).
func CosmosAccount(wanted string) Name { return cosmosAccount.Derive(wanted) }
