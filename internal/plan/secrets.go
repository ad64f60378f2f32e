package plan

import (
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/spec"
)

// The secrets every environment may need, by name only: values never
// appear in any output. One name serves as Key Vault secret and as key of
// the Kubernetes Secret, so both follow the Key Vault secret rule.
const ()

// APIKeySecret is the secret holding the key for an external system.
func APIKeySecret(external string) string {
	return naming.KeyVaultSecret(external + "-api-key").Got
}

// SecretRef is one setting a service's container takes from a secret:
// the environment variable and the secret's name.
type SecretRef struct{ Env, Secret string }

// WorkloadIdentity is one workload's Azure identity in one environment: a
// user-assigned identity of its own with one federated credential for its
// ServiceAccount (Azure allows 20 per identity), and the Key Vault secrets
// it, and only it, may read. The workload is a service, or a component's
// Job (JobRunner).
type WorkloadIdentity struct {
	// Service names the workload: the service, or the component's Job.
	Service string
	// Component is the ID of the component whose Job this is; empty for
	// a service.
	Component      string
	Name           string // the user-assigned identity
	Credential     string // its federated identity credential
	ServiceAccount string // the Kubernetes ServiceAccount the credential trusts
	// SecretClass names the service's SecretProviderClass and the
	// Kubernetes Secret it syncs; empty when the service reads no secret
	// or no store outside the cluster holds the secrets (SecretStore).
	SecretClass string
	Secrets     []string // Key Vault secrets the service reads, sorted
	// Mounted is whether the workload reads its secrets as files from the
	// class's volume only: its class syncs no Kubernetes Secret (a
	// component's Job, which reads an administrator password).
	Mounted bool
	// KEDACredential is a worker's second federated credential, which
	// lets KEDA's operator (kube-system/keda-operator) act as the worker's
	// identity to read its backlog; empty for the other kinds.
	KEDACredential string
}

// KEDAOperator is the ServiceAccount of KEDA's operator in the AKS KEDA
// add-on, which a worker's identity also trusts.
const KEDAOperator = "system:serviceaccount:kube-system:keda-operator"

// secrets lists the secrets the environment needs.
func (pl *Plan) secrets(e *Env, r *renamer) []string {
	var out []string
	for _, c := range Facets[Secreted](e) {
		out = append(out, c.Secrets(pl, e)...)
	}
	for _, x := range pl.External {
		out = append(out, r.use("Key Vault secret", naming.KeyVaultSecret(x.Name+"-api-key")))
	}
	return out
}

// secretRefs are the secrets one service's container reads, in a stable
// order: its own database password, the cache, the bus, its external
// systems' keys. Never the PostgreSQL administrator password, never
// another service's.
func (pl *Plan) secretRefs(e *Env, sv Service) []SecretRef {
	var out []SecretRef
	for _, c := range Facets[Secreted](e) {
		out = append(out, c.SecretRefs(pl, e, sv)...)
	}
	known := map[string]bool{}
	for _, x := range pl.External {
		known[x.Name] = true
	}
	for _, name := range sv.External {
		if known[name] {
			out = append(out, SecretRef{envName(name) + "_API_KEY", APIKeySecret(name)})
		}
	}
	return out
}

// envName turns a name such as azure-openai into AZURE_OPENAI.
func envName(name string) string {
	return strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(name))
}

// identities gives every service its own identity, credential and, where
// a store outside the cluster holds the secrets (SecretStore), its own
// SecretProviderClass.
func (pl *Plan) identities(e *Env, r *renamer) []WorkloadIdentity {
	store := false
	for _, s := range Facets[SecretStore](e) {
		store = store || s.HoldsServiceSecrets()
	}
	var out []WorkloadIdentity
	for _, sv := range pl.Services {
		w := e.Workload(sv.Name)
		if w == nil {
			continue
		}
		id := WorkloadIdentity{
			Service:        sv.Name,
			Name:           r.use("user-assigned identity", naming.UserAssignedIdentity("id-"+pl.Name+"-"+e.Name+"-"+sv.Name)),
			Credential:     r.use("federated identity credential", naming.FederatedCredential(sv.Name)),
			ServiceAccount: sv.Name,
		}
		seen := map[string]bool{}
		for _, s := range w.Secrets {
			if !seen[s.Secret] {
				seen[s.Secret] = true
				id.Secrets = append(id.Secrets, s.Secret)
			}
		}
		sort.Strings(id.Secrets)
		if sv.Kind == spec.WorkloadWorker {
			id.KEDACredential = r.use("federated identity credential", naming.FederatedCredential(sv.Name+"-keda"))
		}
		if store && len(id.Secrets) > 0 {
			id.SecretClass = r.use("Kubernetes SecretProviderClass", naming.ObjectName(sv.Name+"-secrets"))
		}
		out = append(out, id)
	}
	if !store {
		// Without a store the Jobs read the hand-made Secret and need no
		// Azure identity.
		return out
	}
	for _, c := range e.Components {
		jr, ok := c.(JobRunner)
		if !ok {
			continue
		}
		for _, j := range jr.Jobs(pl, e) {
			id := WorkloadIdentity{
				Service:        j.Name,
				Component:      c.ID(),
				Name:           r.use("user-assigned identity", naming.UserAssignedIdentity("id-"+pl.Name+"-"+e.Name+"-"+j.Name)),
				Credential:     r.use("federated identity credential", naming.FederatedCredential(j.Name)),
				ServiceAccount: j.Name,
				Secrets:        append([]string(nil), j.Secrets...),
				Mounted:        true,
			}
			sort.Strings(id.Secrets)
			if len(id.Secrets) > 0 {
				id.SecretClass = r.use("Kubernetes SecretProviderClass", naming.ObjectName(j.Name+"-secrets"))
			}
			out = append(out, id)
		}
	}
	return out
}

// JobIdentities are the identities of the components' Jobs, in the
// components' order.
func (e *Env) JobIdentities() []WorkloadIdentity {
	var out []WorkloadIdentity
	for _, id := range e.Identities {
		if id.Component != "" {
			out = append(out, id)
		}
	}
	return out
}

// Identity returns a service's workload identity.
func (e *Env) Identity(service string) *WorkloadIdentity {
	for i := range e.Identities {
		if e.Identities[i].Service == service {
			return &e.Identities[i]
		}
	}
	return nil
}
