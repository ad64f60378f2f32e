package keyvault

import (
	"fmt"
	"sort"
	"strings"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "SC004", Family: "security", Severity: check.Error,
			Title:     "Production secrets outside Key Vault",
			Rationale: "Kubernetes Secrets are base64 in etcd, readable by anyone who can read the namespace; Key Vault adds access control, audit and rotation.",
			Fix:       "Set security.keyVault: true (secrets reach pods through the Secrets Store CSI driver).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if _, ok := plan.Find[*Component](e); !ok && len(e.Secrets) > 0 {
						out = append(out, check.At(e, c, "security.keyVault", "%d secrets (%s) would live in Kubernetes Secrets", len(e.Secrets), strings.Join(e.Secrets, ", ")))
					}
				}
				return out
			}},
		{ID: "SC011", Family: "security", Severity: check.Error,
			Title:     "A workload can read a secret it does not use, or shares an identity",
			Rationale: "Each workload's identity is granted, and its SecretProviderClass mounts, exactly the Key Vault secrets its containers read; a wider class, an identity or ServiceAccount two workloads share, or a service holding a password only a component's Job needs (a database administrator's) gives one compromised pod every secret of the others.",
			Fix:       "Give every workload its own identity, ServiceAccount and class listing only the secrets it reads; the plan does this, so a finding means a plan defect to report.",
			Check:     leastPrivilege},
		{ID: "SC012", Family: "security", Severity: check.Info,
			Title:     "One key shared by several services",
			Rationale: "A connection string or access key several services read lets each act as all of them toward the component, a leak from any pod exposes them all, and rotating it touches every one. Identity-based access (an Azure role on each service's own workload identity) does not.",
			Fix:       "Where the component offers it, use each service's workload identity with an Azure role scoped to what it uses (as Blob Storage does) instead of the shared key; or accept the shared key knowingly.",
			Check:     sharedKeys},
	}
}

// leastPrivilege reports, where the vault holds the secrets, a class or
// grant wider than its workload's reads, identities that are not one per
// workload, and a service that can read what only a component's Job reads.
func leastPrivilege(c *check.Context) []check.Finding {
	var out []check.Finding
	for _, e := range c.Plan.Envs {
		if _, ok := plan.Find[*Component](e); !ok {
			continue
		}
		jobSecrets := map[string][]string{} // a component Job's declared reads
		for _, jr := range plan.Facets[plan.JobRunner](e) {
			for _, j := range jr.Jobs(c.Plan, e) {
				jobSecrets[j.Name] = j.Secrets
			}
		}
		serviceReads := map[string]bool{}
		for _, w := range e.Workloads {
			for _, s := range w.Secrets {
				serviceReads[s.Secret] = true
			}
		}
		privileged := map[string]string{} // secret → the Job that alone reads it
		for job, secrets := range jobSecrets {
			for _, s := range secrets {
				if !serviceReads[s] {
					privileged[s] = job
				}
			}
		}
		seen := map[string]string{}
		for _, id := range e.Identities {
			path := servicePath(c, e, id.Service)
			for kind, key := range map[string]string{
				"identity": id.Name, "federated credential": id.Credential,
				"ServiceAccount": e.NamespaceOf(id.Service) + "/" + id.ServiceAccount, "SecretProviderClass": id.SecretClass,
			} {
				if key == "" || key == "/" {
					continue
				}
				if other, dup := seen[kind+" "+key]; dup {
					out = append(out, check.Finding{Env: e.Name, Path: path, Message: fmt.Sprintf("%s and %s share the %s %s", other, id.Service, kind, key)})
				}
				seen[kind+" "+key] = id.Service
			}
			var uses []string
			if id.Component != "" {
				uses = jobSecrets[id.Service]
			} else if w := e.Workload(id.Service); w != nil {
				for _, s := range w.Secrets {
					uses = append(uses, s.Secret)
				}
			}
			used := map[string]bool{}
			for _, s := range uses {
				used[s] = true
			}
			var extra []string
			for _, s := range id.Secrets {
				if !used[s] {
					extra = append(extra, s)
				}
				if job, ok := privileged[s]; ok && id.Component == "" {
					out = append(out, check.Finding{Env: e.Name, Path: path, Message: fmt.Sprintf("%s can read %s, which only %s needs", id.Service, s, job)})
				}
			}
			if len(extra) > 0 {
				sort.Strings(extra)
				out = append(out, check.Finding{Env: e.Name, Path: path, Message: fmt.Sprintf("%s's identity can read %s, which its containers do not read", id.Service, strings.Join(extra, ", "))})
			}
		}
	}
	return out
}

// sharedKeys reports, per production environment with the vault, each
// secret more than one service reads, at the first of them.
func sharedKeys(c *check.Context) []check.Finding {
	var out []check.Finding
	for _, e := range check.ProdEnvs(c) {
		if _, ok := plan.Find[*Component](e); !ok {
			continue
		}
		readers := map[string][]string{}
		for _, id := range e.Identities {
			if id.Component != "" {
				continue
			}
			for _, s := range id.Secrets {
				readers[s] = append(readers[s], id.Service)
			}
		}
		for _, s := range e.Secrets {
			if r := readers[s]; len(r) > 1 {
				out = append(out, check.Finding{Env: e.Name, Path: servicePath(c, e, r[0]),
					Message: fmt.Sprintf("%s is one key read by %d services (%s)", s, len(r), strings.Join(r, ", "))})
			}
		}
	}
	return out
}

// servicePath is where the spec declares a service, or, for a component's
// Job, the environment.
func servicePath(c *check.Context, e *plan.Env, name string) string {
	for i, s := range c.Plan.Services {
		if s.Name == name {
			return fmt.Sprintf("services[%d]", i)
		}
	}
	return check.At(e, c, "", "").Path
}
