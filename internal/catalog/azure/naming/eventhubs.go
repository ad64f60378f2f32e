package naming

// Event Hubs rules (Microsoft's "Naming rules and restrictions for Azure
// resources", Microsoft.EventHub; azurerm eventhub/validate/
// eventhub_names.go where it is stricter).
var (
	// Microsoft.EventHub/namespaces: 6–50; alphanumerics and hyphens;
	// start with a letter, end with a letter or digit; globally unique: the
	// name becomes <name>.servicebus.windows.net, a DNS name Event Hubs and
	// Service Bus namespaces share (azurerm ValidateEventHubNamespaceName:
	// ^[a-zA-Z][-a-zA-Z0-9]{4,48}[a-zA-Z0-9]$).
	eventHubNamespace = Rule{Kind: "Event Hubs namespace", Min: 6, Max: 50, chars: alnum | hyphen, first: letter, last: alnum, Global: true,
		Source: msRules + " (Microsoft.EventHub/namespaces); azurerm ValidateEventHubNamespaceName"}

	// Microsoft.EventHub/namespaces/eventhubs: 1–50 (azurerm allows 256;
	// Microsoft's 50 is the stricter); alphanumerics, periods, hyphens,
	// underscores; start and end with a letter or digit.
	eventHub = Rule{Kind: "event hub", Min: 1, Max: 50, chars: alnum | period | hyphen | underscore, first: alnum, last: alnum,
		Source: msRules + " (Microsoft.EventHub/namespaces/eventhubs); azurerm ValidateEventHubName"}

	// Microsoft.EventHub/namespaces/eventhubs/consumergroups: 1–50; the
	// same characters (azurerm ValidateEventHubConsumerName).
	eventHubConsumerGroup = Rule{Kind: "Event Hubs consumer group", Min: 1, Max: 50, chars: alnum | period | hyphen | underscore, first: alnum, last: alnum,
		Source: msRules + " (Microsoft.EventHub/namespaces/eventhubs/consumergroups); azurerm ValidateEventHubConsumerName"}
)

// eventHubRules are the Event Hubs block's rules, for Rules.
func eventHubRules() []Rule { return []Rule{eventHubNamespace, eventHub, eventHubConsumerGroup} }

// EventHubNamespace derives an Event Hubs namespace name (globally unique).
func EventHubNamespace(wanted string) Name { return eventHubNamespace.Derive(wanted) }

// EventHub derives an event hub name.
func EventHub(wanted string) Name { return eventHub.Derive(wanted) }

// EventHubConsumerGroup derives a consumer group name.
func EventHubConsumerGroup(wanted string) Name { return eventHubConsumerGroup.Derive(wanted) }
