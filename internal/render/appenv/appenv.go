// Package appenv derives the settings a service's container receives from
// the plan: where its database, cache, queues, callees and external systems
// are. The Kubernetes ConfigMaps and the dev compose file both read it, so
// the two cannot name a setting differently.
package appenv

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Var is one plain setting.
type Var struct{ Name, Value string }

// SecretRef is one setting taken from a secret key; values never appear in
// any output.
type SecretRef struct{ Name, Key string }

// Hosts say how a service reaches the backing services where it runs: the
// cluster's DNS names in Kubernetes, the compose service names locally.
type Hosts struct {
	// Local names the host a component is reached at outside the cluster
	// (compose's service names), by component ID; nil in the cluster,
	// where each component gives its own address.
	Local func(id string) string
	// Service returns the base URL of a callee.
	Service func(name string, port int) string
}

// Of is the host a component is reached at: its own address, or where it
// runs locally.
func (h Hosts) Of(id, own string) string {
	if h.Local != nil {
		return h.Local(id)
	}
	return own
}

// Configured is a component that configures the services using it: the
// settings their containers receive (its secrets come from the plan).
type Configured interface {
	Vars(e *plan.Env, sv plan.Service, h Hosts) []Var
}

// ClusterHosts are the names inside the environment's cluster: a callee's
// Service name, or, where the environment has several namespaces, its
// full name (name.namespace.svc.cluster.local), which resolves from any
// namespace.
func ClusterHosts(e *plan.Env) Hosts {
	if e.MultiNamespace() {
		return Hosts{Service: func(name string, port int) string {
			return fmt.Sprintf("http://%s.%s.svc.cluster.local:%d", name, e.NamespaceOf(name), port)
		}}
	}
	return Hosts{Service: func(name string, port int) string { return fmt.Sprintf("http://%s:%d", name, port) }}
}

// DBUser is the database role a service logs in as: its name with
// underscores, since hyphens would need quoting in SQL.
func DBUser(service string) string { return strings.ReplaceAll(service, "-", "_") }

// EnvName turns a name such as azure-openai into AZURE_OPENAI.
func EnvName(name string) string {
	return strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(name))
}

// Builder derives settings for the services of one environment.
type Builder struct {
	pl    *plan.Plan
	e     *plan.Env
	h     Hosts
	port  map[string]int
	extra map[string]spec.External
}

// New prepares the lookups every service's settings need, once per
// environment (not per service: that is quadratic in services).
func New(pl *plan.Plan, e *plan.Env, h Hosts) *Builder {
	b := &Builder{pl: pl, e: e, h: h, port: map[string]int{}, extra: map[string]spec.External{}}
	for _, s := range pl.Services {
		b.port[s.Name] = s.Port
	}
	for _, x := range pl.External {
		b.extra[x.Name] = x
	}
	return b
}

// For returns a service's plain settings and secret references, in a
// stable order.
func (b *Builder) For(sv plan.Service) ([]Var, []SecretRef) {
	e, h := b.e, b.h
	vars := []Var{{"SERVER_PORT", strconv.Itoa(sv.Port)}}
	var secrets []SecretRef
	if w := e.Workload(sv.Name); w != nil {
		// The plan decides which secrets a service reads; the same list
		// names its SecretProviderClass's objects.
		for _, s := range w.Secrets {
			secrets = append(secrets, SecretRef{s.Env, s.Secret})
		}
	}
	for _, c := range plan.Facets[Configured](e) {
		vars = append(vars, c.Vars(e, sv, h)...)
	}
	for _, c := range sv.Calls {
		vars = append(vars, Var{EnvName(c) + "_URL", h.Service(c, b.port[c])})
	}
	for _, name := range sv.External {
		if x, ok := b.extra[name]; ok {
			p := EnvName(x.Name)
			vars = append(vars, Var{p + "_URL", x.URL})
			if x.TimeoutSeconds > 0 {
				vars = append(vars, Var{p + "_TIMEOUT_SECONDS", strconv.Itoa(x.TimeoutSeconds)})
			}
			vars = append(vars, Var{p + "_CIRCUIT_BREAKER", strconv.FormatBool(x.CircuitBreaker)})
		}
	}
	return vars, secrets
}
