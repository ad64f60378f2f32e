package naming

// The Kubernetes rules, from "Object Names and IDs"
// (kubernetes.io/docs/concepts/overview/working-with-objects/names) and
// "Labels and Selectors" (.../working-with-objects/labels), as
// k8s.io/apimachinery/pkg/util/validation implements them (the tests
// check the two agree).
const k8sNames = "kubernetes.io/docs/concepts/overview/working-with-objects/names"

var (
	// DNS-1123 label: at most 63 lowercase alphanumerics or '-',
	// starting and ending with an alphanumeric. Namespaces, container
	// names and most object names that become DNS labels.
	dns1123Label = Rule{Kind: "Kubernetes DNS-1123 label", Min: 1, Max: 63, chars: lower | digit | hyphen, first: lower | digit, last: lower | digit,
		Source: k8sNames + " (RFC 1123 label names)"}
	namespace = Rule{Kind: "Kubernetes namespace", Min: 1, Max: 63, chars: lower | digit | hyphen, first: lower | digit, last: lower | digit,
		Source: k8sNames + " (namespaces are RFC 1123 labels)"}
	container = Rule{Kind: "Kubernetes container name", Min: 1, Max: 63, chars: lower | digit | hyphen, first: lower | digit, last: lower | digit,
		Source: k8sNames + " (container names are RFC 1123 labels)"}

	// DNS-1035 label: as DNS-1123, but starting with a letter: Service
	// names.
	dns1035Label = Rule{Kind: "Kubernetes DNS-1035 label", Min: 1, Max: 63, chars: lower | digit | hyphen, first: lower, last: lower | digit,
		Source: k8sNames + " (RFC 1035 label names)"}

	// DNS-1123 subdomain: at most 253 lowercase alphanumerics, '-' or
	// '.', starting and ending with an alphanumeric. ConfigMaps, Secrets,
	// ServiceAccounts, Deployments and most other objects.
	dns1123Subdomain = Rule{Kind: "Kubernetes object name", Min: 1, Max: 253, chars: lower | digit | hyphen | period, first: lower | digit, last: lower | digit, dotLabels: true,
		Source: k8sNames + " (DNS subdomain names)"}

	// Label values: empty, or at most 63 alphanumerics, '-', '_' or
	// '.', starting and ending with an alphanumeric.
	labelValue = Rule{Kind: "Kubernetes label value", Min: 0, Max: 63, chars: alnum | hyphen | underscore | period, first: alnum, last: alnum,
		Source: "kubernetes.io/docs/concepts/overview/working-with-objects/labels (syntax and character set)"}
)

// Namespace derives a Kubernetes namespace name.
func Namespace(wanted string) Name { return namespace.Derive(wanted) }

// DNS1123Label derives an object name that must be a DNS-1123 label.
func DNS1123Label(wanted string) Name { return dns1123Label.Derive(wanted) }

// DNS1035Label derives an object name that must be a DNS-1035 label
// (Services).
func DNS1035Label(wanted string) Name { return dns1035Label.Derive(wanted) }

// ObjectName derives an object name that must be a DNS-1123 subdomain.
func ObjectName(wanted string) Name { return dns1123Subdomain.Derive(wanted) }

// LabelValue derives a label value.
func LabelValue(wanted string) Name { return labelValue.Derive(wanted) }

// ContainerName derives a container name.
func ContainerName(wanted string) Name { return container.Derive(wanted) }

// Rules lists every rule, for tests and checks that validate names.
func Rules() []Rule {
	return append([]Rule{
		resourceGroup, aksCluster, aksDNSPrefix, virtualNetwork, subnet, networkSecurityGroup, publicIP, privateEndpoint,
		applicationGateway, wafPolicy, containerRegistry, keyVault, keyVaultSecret, logAnalytics, applicationInsights,
		frontDoorProfile, frontDoorEndpoint, postgresServer, postgresDatabase, redisCache, serviceBusNamespace,
		serviceBusQueue, serviceBusTopic, userAssignedIdentity, federatedCredential, storageAccount, storageContainer,
		sqlServer, sqlDatabase, cosmosAccount,
		namespace, dns1123Label, dns1035Label, dns1123Subdomain, labelValue, container,
		managedRedisCluster,
	}, append(append(append(eventHubRules(), edgeBlockRules()...), bastionRules()...), append(monitorRules(), agcRules()...)...)...)
}

// RuleFor returns the rule of a kind, such as "Key Vault".
func RuleFor(kind string) (Rule, bool) {
	for _, r := range Rules() {
		if r.Kind == kind {
			return r, true
		}
	}
	return Rule{}, false
}
