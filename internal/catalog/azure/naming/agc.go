package naming

// Application Gateway for Containers' rules: the azurerm provider checks
// the traffic controller's, its frontends' and its associations' names
// alike (1–80 characters: alphanumerics, underscores, periods and
// hyphens, starting with an alphanumeric and ending with an alphanumeric
// or underscore), as the Microsoft.ServiceNetworking resource provider
// does.
const srcAGC = "hashicorp/terraform-provider-azurerm internal/services/servicenetworking (name validation of azurerm_application_load_balancer, _frontend, _subnet_association)"

var (
	trafficController = Rule{Kind: "Application Gateway for Containers", Min: 1, Max: 80, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: srcAGC + " (Microsoft.ServiceNetworking/trafficControllers)"}
	trafficControllerChild = Rule{Kind: "Application Gateway for Containers frontend or association", Min: 1, Max: 80, chars: alnum | underscore | period | hyphen,
		first: alnum, last: alnum | underscore, Source: srcAGC + " (Microsoft.ServiceNetworking/trafficControllers/frontends, /associations)"}
)

// agcRules are the block's rules, for Rules.
func agcRules() []Rule { return []Rule{trafficController, trafficControllerChild} }

// TrafficController derives an Application Gateway for Containers name.
func TrafficController(wanted string) Name { return trafficController.Derive(wanted) }

// TrafficControllerChild derives a frontend or association name.
func TrafficControllerChild(wanted string) Name { return trafficControllerChild.Derive(wanted) }
