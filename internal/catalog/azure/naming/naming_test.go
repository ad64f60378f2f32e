package naming

import (
	"math/rand/v2"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/util/validation"
)

// The cases of issue 10 ("Names the platforms reject"): each wanted name
// is what physarch asked for before; the derived one must be valid and
// must say that it changed.
func TestIssueCases(t *testing.T) {
	long := strings.Repeat("a", 20) + "-" + strings.Repeat("b", 19) // a 40-character system name
	cases := []struct {
		name   string
		derive func(string) Name
		kind   string
		wanted string
		want   string // the exact result where it is predictable
	}{
		{"registry with a hyphenated environment", ContainerRegistry, "container registry", "acrphonebillprod-eu", "acrphonebillprodeu"},
		{"storage with a hyphenated environment", StorageAccount, "storage account", "stphonebillprod-eu", "stphonebillprodeu"},
		{"namespace of environment prod-", Namespace, "Kubernetes namespace", "phonebill-prod-", "phonebill-prod"},
		{"Key Vault of system ab--cd", KeyVault, "Key Vault", "kv-ab--cd-prod", "kv-ab-cd-prod"},
		{"Redis of system ab--cd", RedisCache, "Azure Cache for Redis", "redis-ab--cd-prod", "redis-ab-cd-prod"},
		{"Front Door endpoint of a 40-character system", FrontDoorEndpoint, "Front Door endpoint", "fde-" + long + "-prod", ""},
		{"dns_prefix of a 40-character system", AKSDNSPrefix, "AKS DNS prefix", "aks-" + long + "-production1234", ""},
		{"Service Bus of a 40-character system", ServiceBusNamespace, "Service Bus namespace", "sb-" + long + "-production", ""},
		{"federated credential of service a", FederatedCredential, "federated identity credential", "a", ""},
		{"queue ending with a period", ServiceBusQueue, "Service Bus queue", "ai.recommendation_jobs.", "ai.recommendation_jobs"},
		{"Service Bus namespace ending in -sb", ServiceBusNamespace, "Service Bus namespace", "orders-sb", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, ok := RuleFor(c.kind)
			if !ok {
				t.Fatalf("no rule %q", c.kind)
			}
			if r.Valid(c.wanted) == nil {
				t.Fatalf("%q should be invalid as a %s", c.wanted, c.kind)
			}
			n := c.derive(c.wanted)
			if err := r.Valid(n.Got); err != nil {
				t.Fatalf("derived %q is invalid: %v", n.Got, err)
			}
			if !n.Changed() || n.Why == "" || n.Wanted != c.wanted {
				t.Errorf("the change is not recorded: %+v", n)
			}
			if c.want != "" && n.Got != c.want {
				t.Errorf("got %q, want %q", n.Got, c.want)
			}
		})
	}
}

// A name shortened to its limit keeps its start and ends in a hash of the
// whole wanted name, so two long names that share their start stay apart.
func TestShortenedNamesKeepAHash(t *testing.T) {
	a := KeyVault("kv-kt-event-marketing-prod")
	b := KeyVault("kv-kt-event-marketing-dev")
	if len(a.Got) > 24 || !strings.HasPrefix(a.Got, "kv-kt-event-mar") || a.Got == b.Got {
		t.Errorf("got %q and %q", a.Got, b.Got)
	}
	if again := KeyVault("kv-kt-event-marketing-prod"); again != a {
		t.Errorf("not stable: %+v then %+v", a, again)
	}
	if !strings.HasSuffix(a.Got, "-"+shortHash(a.Wanted)) {
		t.Errorf("%q does not end in the hash of %q", a.Got, a.Wanted)
	}
	if !strings.Contains(a.Why, "shortened") {
		t.Errorf("why: %q", a.Why)
	}
}

// Valid names pass through unchanged; the names of the examples are of
// this kind.
func TestValidNamesUnchanged(t *testing.T) {
	for _, c := range []struct {
		derive func(string) Name
		name   string
	}{
		{ResourceGroup, "rg-phonebill-prod"}, {AKSCluster, "aks-phonebill-prod"}, {AKSDNSPrefix, "aks-phonebill-prod"},
		{VirtualNetwork, "vnet-phonebill-prod"}, {Subnet, "snet-aks"}, {NetworkSecurityGroup, "nsg-snet-aks"},
		{PublicIP, "pip-agw-phonebill-prod"}, {PrivateEndpoint, "pe-keyvault-phonebill-prod"},
		{ApplicationGateway, "agw-phonebill-prod"}, {WAFPolicy, "wafphonebillprod"}, {ContainerRegistry, "acrphonebillprod"},
		{KeyVault, "kv-phonebill-prod"}, {KeyVaultSecret, "auth-service-db-password"}, {LogAnalyticsWorkspace, "log-phonebill-prod"},
		{ApplicationInsights, "appi-phonebill-prod"}, {FrontDoorProfile, "afd-phonebill-prod"}, {FrontDoorEndpoint, "fde-phonebill-prod"},
		{PostgresServer, "psql-phonebill-prod"}, {PostgresDatabase, "auth_db"}, {PostgresDatabase, "auth-db"},
		{RedisCache, "redis-phonebill-prod"}, {ServiceBusNamespace, "sb-phonebill-prod"}, {ServiceBusQueue, "ai.recommendation_jobs"},
		{ServiceBusTopic, "bill-events"}, {UserAssignedIdentity, "id-phonebill-prod-auth-service"}, {FederatedCredential, "auth-service"},
		{StorageAccount, "stphonebillprod"}, {Namespace, "phonebill-prod"}, {DNS1123Label, "auth-service"},
		{DNS1035Label, "auth-service"}, {ObjectName, "auth-service-config"}, {LabelValue, "auth-service"}, {ContainerName, "auth-service"},
	} {
		if n := c.derive(c.name); n.Changed() || n.Why != "" {
			t.Errorf("%s: %q changed to %q (%s)", n.Kind, c.name, n.Got, n.Why)
		}
	}
}

// randomName draws names of the kinds that break rules: empty, long,
// mixed case, punctuation, runs of hyphens, non-ASCII.
func randomName(r *rand.Rand) string {
	const alphabet = "abcxyzABCXYZ0123456789-----__..//~() #%é日"
	n := r.IntN(300)
	if r.IntN(4) == 0 {
		n = r.IntN(8)
	}
	var b strings.Builder
	runes := []rune(alphabet)
	for range n {
		b.WriteRune(runes[r.IntN(len(runes))])
	}
	return b.String()
}

// Every rule derives a valid name from anything, the same one every time,
// and leaves that derived name alone when asked again.
func TestDeriveAlwaysValid(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 1500 {
		w := randomName(r)
		for _, rule := range Rules() {
			n := rule.Derive(w)
			if err := rule.Valid(n.Got); err != nil {
				t.Fatalf("%s: %q derived to %q: %v", rule.Kind, w, n.Got, err)
			}
			if n.Changed() != (n.Why != "") {
				t.Fatalf("%s: %q → %q with reason %q", rule.Kind, w, n.Got, n.Why)
			}
			if again := rule.Derive(n.Got); again.Changed() {
				t.Fatalf("%s: %q is not a fixed point (→ %q)", rule.Kind, n.Got, again.Got)
			}
			if rule.Derive(w) != n {
				t.Fatalf("%s: %q derives differently twice", rule.Kind, w)
			}
		}
	}
}

// The Kubernetes rules say exactly what the API machinery checks.
func TestKubernetesRulesMatchAPIMachinery(t *testing.T) {
	checks := []struct {
		rule Rule
		api  func(string) []string
	}{
		{namespace, validation.IsDNS1123Label},
		{dns1123Label, validation.IsDNS1123Label},
		{container, validation.IsDNS1123Label},
		{dns1035Label, validation.IsDNS1035Label},
		{dns1123Subdomain, validation.IsDNS1123Subdomain},
		{labelValue, validation.IsValidLabelValue},
	}
	r := rand.New(rand.NewPCG(3, 4))
	samples := []string{"", "a", "-a", "a-", "a--b", "1a", "a.b", "A", strings.Repeat("a", 63), strings.Repeat("a", 64), strings.Repeat("a", 254)}
	for range 5000 {
		samples = append(samples, randomName(r))
	}
	for _, c := range checks {
		for _, s := range samples {
			ours, theirs := c.rule.Valid(s) == nil, len(c.api(s)) == 0
			if ours != theirs {
				t.Fatalf("%s: %q valid by our rule %v, by apimachinery %v", c.rule.Kind, s, ours, theirs)
			}
		}
	}
}

func TestValidSaysWhy(t *testing.T) {
	for _, c := range []struct {
		rule Rule
		name string
		want string
	}{
		{keyVault, "kv", "has 2 characters; 3 to 24"},
		{keyVault, "kv-a--b", "consecutive hyphens"},
		{keyVault, "1kv", "must start with"},
		{containerRegistry, "acr-x-y", `contains '-'`},
		{serviceBusNamespace, "orders-sb", `must not end with "-sb"`},
		{storageAccount, "stAbc", `contains 'A'`},
		{postgresDatabase, "db-", "must end with"},
	} {
		err := c.rule.Valid(c.name)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %q: got %v, want %q", c.rule.Kind, c.name, err, c.want)
		}
	}
}

// Every rule names its source.
func TestRulesCiteSources(t *testing.T) {
	kinds := map[string]bool{}
	for _, r := range Rules() {
		if r.Source == "" || r.Kind == "" || r.Max < r.Min || r.Max == 0 {
			t.Errorf("rule %+v is incomplete", r)
		}
		if kinds[r.Kind] {
			t.Errorf("two rules for %s", r.Kind)
		}
		kinds[r.Kind] = true
	}
}
