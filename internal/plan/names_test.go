package plan_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/component/appgateway"
	"github.com/physarch/physarch/internal/component/frontdoor"
	"github.com/physarch/physarch/internal/component/keyvault"
	"github.com/physarch/physarch/internal/component/loganalytics"
	"github.com/physarch/physarch/internal/component/postgresql"
	"github.com/physarch/physarch/internal/component/redis"
	"github.com/physarch/physarch/internal/component/registry"
	"github.com/physarch/physarch/internal/component/servicebus"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/testplan"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/spec"
)

// namesOf lists every name an environment gives a platform, with the rule
// it must meet.
func namesOf(pl *plan.Plan, e *plan.Env) map[string][]string {
	n := e.Names
	out := map[string][]string{
		"resource group": {n.ResourceGroup}, "AKS cluster": {n.Cluster}, "AKS DNS prefix": {n.DNSPrefix},
		"virtual network": {n.VNet}, "Kubernetes object name": {n.SecretProvider},
		"Kubernetes namespace": {e.Namespace}, "Key Vault secret": e.Secrets,
	}
	for _, s := range e.Network.Subnets {
		out["subnet"] = append(out["subnet"], s.Name)
		out["network security group"] = append(out["network security group"], s.NSG)
	}
	for _, p := range e.PrivateEndpoints {
		out["private endpoint"] = append(out["private endpoint"], p.Name)
	}
	if pg, ok := plan.Find[*postgresql.Component](e); ok && pg.Flexible() {
		out["PostgreSQL flexible server"] = []string{pg.Server}
	}
	if b, ok := plan.Find[*servicebus.Component](e); ok {
		out["Service Bus namespace"] = []string{b.Namespace}
		out["Service Bus queue"], out["Service Bus topic"] = b.Queues, b.Topics
	}
	if r, ok := plan.Find[*redis.Component](e); ok && r.Managed() {
		kind := "Azure Cache for Redis"
		if r.AMR() {
			kind = "Azure Managed Redis"
		}
		out[kind] = []string{r.Cache}
		if r.Backup != "" {
			out["storage account"] = []string{r.Backup}
		}
	}
	if gw, ok := plan.Find[*appgateway.Component](e); ok {
		out["Application Gateway"] = []string{gw.Gateway}
		out["public IP address"] = []string{gw.PublicIP}
		out["WAF policy"] = []string{gw.WAFPolicy}
	}
	if fd, ok := plan.Find[*frontdoor.Component](e); ok && fd.Origin != "" {
		out["Front Door profile"] = []string{fd.Profile}
		out["Front Door endpoint"] = []string{fd.Endpoint}
	}
	if r, ok := plan.Find[*registry.Component](e); ok {
		out["container registry"] = []string{r.Registry}
	}
	if m, ok := plan.Find[*loganalytics.Component](e); ok && m.Workspace {
		out["Log Analytics workspace"] = []string{m.WorkspaceName}
		if m.AppInsights {
			out["Application Insights"] = []string{m.InsightsName}
		}
	}
	if kv, ok := plan.Find[*keyvault.Component](e); ok {
		out["Key Vault"] = []string{kv.Vault}
	}
	if pg, ok := plan.Find[*postgresql.Component](e); ok {
		for _, d := range pg.Databases {
			out["PostgreSQL database"] = append(out["PostgreSQL database"], d.Name)
		}
	}
	for _, id := range e.Identities {
		out["user-assigned identity"] = append(out["user-assigned identity"], id.Name)
		out["federated identity credential"] = append(out["federated identity credential"], id.Credential)
		out["Key Vault secret"] = append(out["Key Vault secret"], id.Secrets...)
		if id.SecretClass != "" {
			out["Kubernetes object name"] = append(out["Kubernetes object name"], id.SecretClass)
		}
	}
	return out
}

func checkNames(t *testing.T, pl *plan.Plan) {
	t.Helper()
	for _, e := range pl.Envs {
		for kind, names := range namesOf(pl, e) {
			rule, ok := naming.RuleFor(kind)
			if !ok {
				t.Fatalf("no rule %q", kind)
			}
			for _, n := range names {
				if err := rule.Valid(n); err != nil {
					t.Errorf("%s: %v", e.Name, err)
				}
			}
		}
	}
}

// TestHardNamesValid: the spec with the names the platforms reject, a
// 40-character system among them, plans names that meet every rule (the
// Service Bus namespace's 50 characters, its queue without the trailing
// period).
func TestHardNamesValid(t *testing.T) {
	pl := testplan.HardNames(t)
	checkNames(t, pl)
	for _, e := range pl.Envs {
		b, ok := plan.Find[*servicebus.Component](e)
		if !ok || len(b.Namespace) > 50 || len(b.Queues) != 1 || strings.HasSuffix(b.Queues[0], ".") {
			t.Errorf("%s: Service Bus %+v", e.Name, b)
		}
	}
}

// TestExampleNamesValid: every name of every example meets its rule.
func TestExampleNamesValid(t *testing.T) {
	for _, name := range examples.Names() {
		p, data, _ := examples.Spec(name)
		doc, err := components.Load(p, data)
		if err != nil {
			t.Fatal(err)
		}
		pl, err := components.Plan(doc)
		if err != nil {
			t.Fatal(err)
		}
		checkNames(t, pl)
	}
}

// TestNamesByRule covers issue 10's names: each gives a valid name, and
// the plan records what it changed.
func TestNamesByRule(t *testing.T) {
	long := "a" + strings.Repeat("b", 38) + "c" // 40 characters, the longest system name
	cases := []struct {
		name   string
		mutate func(s *spec.Spec)
		check  func(t *testing.T, pl *plan.Plan, e *plan.Env)
	}{
		{"environment prod-eu", func(s *spec.Spec) {
			s.Metadata.Name = "phonebill"
			s.Environments[0].Name = "prod-eu"
			// Azure Cache for Redis Premium keeps its RDB backups in a
			// storage account, whose name this case derives.
			if st, ok := spec.Block[redis.Settings](s.Environments[0].Blocks, redis.Name); ok {
				st.Service = redis.CacheForRedis
			}
		}, func(t *testing.T, pl *plan.Plan, e *plan.Env) {
			r, _ := plan.Find[*redis.Component](e)
			if reg, _ := plan.Find[*registry.Component](e); reg == nil || reg.Registry != "acrphonebillprodeu" || r == nil || r.Backup != "stphonebillprodeu" {
				t.Errorf("registry %+v, redis %+v", reg, r)
			}
			wantChange(t, e, "container registry", "acrphonebillprod-eu")
		}},
		{"environment prod-", func(s *spec.Spec) { s.Environments[0].Name = "prod-" }, func(t *testing.T, pl *plan.Plan, e *plan.Env) {
			if e.Namespace != "shop-prod" {
				t.Errorf("namespace %q", e.Namespace)
			}
			wantChange(t, e, "Kubernetes namespace", "shop-prod-")
		}},
		{"system ab--cd", func(s *spec.Spec) { s.Metadata.Name = "ab--cd" }, func(t *testing.T, pl *plan.Plan, e *plan.Env) {
			r, _ := plan.Find[*redis.Component](e)
			kv, _ := plan.Find[*keyvault.Component](e)
			if kv == nil || strings.Contains(kv.Vault, "--") || r == nil || strings.Contains(r.Cache, "--") {
				t.Errorf("Key Vault %+v, Redis %+v", kv, r)
			}
			wantChange(t, e, "Key Vault", "kv-ab--cd-prod")
			wantChange(t, e, "Azure Managed Redis", "redis-ab--cd-prod")
		}},
		{"40-character system", func(s *spec.Spec) { s.Metadata.Name = long; s.Environments[0].Name = "production-eu-2" }, func(t *testing.T, pl *plan.Plan, e *plan.Env) {
			fd, _ := plan.Find[*frontdoor.Component](e)
			if fd == nil || len(fd.Endpoint) > 46 || len(e.Names.DNSPrefix) > 54 {
				t.Errorf("Front Door %+v, dns prefix %s", fd, e.Names.DNSPrefix)
			}
			wantChange(t, e, "Front Door endpoint", "fde-"+long+"-production-eu-2")
			wantChange(t, e, "AKS DNS prefix", e.Names.Cluster)
		}},
		{"service a", func(s *spec.Spec) { s.Services[1].Name = "a" }, func(t *testing.T, pl *plan.Plan, e *plan.Env) {
			if id := e.Identity("a"); id == nil || len(id.Credential) < 3 {
				t.Errorf("identity %+v", id)
			}
			wantChange(t, e, "federated identity credential", "a")
		}},
		{"database auth-db", func(s *spec.Spec) { s.Services[0].Database = "auth-db" }, func(t *testing.T, pl *plan.Plan, e *plan.Env) {
			pg, _ := plan.Find[*postgresql.Component](e)
			if pg == nil || pg.Databases[0].Name != "auth-db" || len(e.NameChanges) != 0 {
				t.Errorf("a valid database name changed: %+v, %v", pg, e.NameChanges)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pl, errs := planMutated(t, c.mutate)
			if errs != nil {
				t.Fatal(errs)
			}
			checkNames(t, pl)
			c.check(t, pl, pl.Envs[0])
		})
	}
}

func wantChange(t *testing.T, e *plan.Env, resource, wanted string) {
	t.Helper()
	for _, c := range e.NameChanges {
		if c.Resource == resource && c.Wanted == wanted {
			if c.Got == wanted || c.Why == "" {
				t.Errorf("change recorded without effect or reason: %+v", c)
			}
			return
		}
	}
	t.Errorf("no %s change from %q recorded in %+v", resource, wanted, e.NameChanges)
}
