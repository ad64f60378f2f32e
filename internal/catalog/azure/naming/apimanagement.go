package naming

// API Management and Azure Firewall rules (Microsoft's "Naming rules and
// restrictions for Azure resources"; azurerm's validators where they are
// stricter).
var (
	// Microsoft.ApiManagement/service: 1–50; alphanumerics and hyphens;
	// start with a letter, end with a letter or digit; globally unique:
	// the name becomes <name>.azure-api.net (azurerm
	// SchemaApiManagementName: ^[a-zA-Z](?:[a-zA-Z0-9-]{0,48}[a-zA-Z0-9])?$).
	apiManagement = Rule{Kind: "API Management service", Min: 1, Max: 50, chars: alnum | hyphen, first: letter, last: alnum, Global: true,
		Source: msRules + " (Microsoft.ApiManagement/service); azurerm SchemaApiManagementName"}

	// Microsoft.Network/azureFirewalls and firewallPolicies: 1–80;
	// alphanumerics, underscores, periods, hyphens; start with an
	// alphanumeric, end with an alphanumeric or underscore.
	firewall = Rule{Kind: "Azure Firewall", Min: 1, Max: 80, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: msRules + " (Microsoft.Network/azureFirewalls)"}
	firewallPolicy = Rule{Kind: "firewall policy", Min: 1, Max: 80, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: msRules + " (Microsoft.Network/firewallPolicies)"}

	// Microsoft.Network/routeTables: 1–80, the same characters.
	routeTable = Rule{Kind: "route table", Min: 1, Max: 80, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: msRules + " (Microsoft.Network/routeTables)"}
)

// edgeBlockRules are the API Management and Azure Firewall blocks'
// rules, for Rules.
func edgeBlockRules() []Rule { return []Rule{apiManagement, firewall, firewallPolicy, routeTable} }

// APIManagement derives an API Management service name (globally unique).
func APIManagement(wanted string) Name { return apiManagement.Derive(wanted) }

// Firewall derives an Azure Firewall name.
func Firewall(wanted string) Name { return firewall.Derive(wanted) }

// FirewallPolicy derives a firewall policy name.
func FirewallPolicy(wanted string) Name { return firewallPolicy.Derive(wanted) }

// RouteTable derives a route table name.
func RouteTable(wanted string) Name { return routeTable.Derive(wanted) }
