package docs

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
)

// rbacTables print production's 7.2.2 grouped, so that identities with the
// same grants share a row: the first table groups the workloads by
// namespace, kind (service or component Job) and their other Azure roles,
// the second the Key Vault secrets by the workloads that read them (each
// assignment is per secret). Every identity, credential and assignment is
// the plan's; Terraform writes them all.
func rbacTables(d *md.Doc, pl *plan.Plan, e *plan.Env) {
	type group struct {
		workloads []string
		ids       []plan.WorkloadIdentity
		ns, roles string
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, id := range e.Identities {
		var roles []string
		for _, a := range plan.Facets[Authorised](e) {
			roles = append(roles, a.Roles(d, pl, e, id.Service)...)
		}
		other := "-"
		if len(roles) > 0 {
			other = strings.Join(roles, "; ")
		}
		ns := e.NamespaceOf(id.Service)
		key := strings.Join([]string{ns, id.Component, other}, "\x00")
		g := byKey[key]
		if g == nil {
			g = &group{ns: ns, roles: other}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.workloads = append(g.workloads, id.Service)
		g.ids = append(g.ids, id)
	}
	var rows [][]string
	for _, g := range groups {
		rows = append(rows, []string{strings.Join(g.workloads, ", "), subjects(d, g.ns, g.ids), g.roles})
	}
	d.Table([]string{d.T("워크로드", "Workloads"), d.T("주체", "Subject"), d.T("기타 Azure 역할", "Other Azure roles")}, rows)

	// Secrets read by the same workloads share a row; so do the secrets
	// each named after the one workload of its readers that owns it
	// (<workload>-db-password), whose other readers are the same.
	type row struct{ secrets, owners, readers []string }
	var order []*row
	rowOf := map[string]*row{}
	for _, id := range e.Identities {
		if id.SecretClass == "" {
			continue
		}
		for _, sec := range id.Secrets {
			readers := readersOf(e, sec)
			owner, pattern := ownerOf(sec, readers)
			key := pattern + "\x00" + strings.Join(without(readers, owner), ", ")
			r := rowOf[key]
			if r == nil {
				r = &row{readers: without(readers, owner)}
				rowOf[key] = r
				order = append(order, r)
			}
			if !contains(r.secrets, sec) {
				r.secrets = append(r.secrets, sec)
				if owner != "" {
					r.owners = append(r.owners, owner)
				}
			}
		}
	}
	if len(order) == 0 {
		return
	}
	var kv [][]string
	for _, r := range order {
		secrets, readers := strings.Join(r.secrets, ", "), strings.Join(r.readers, ", ")
		if len(r.owners) > 1 {
			_, pattern := ownerOf(r.secrets[0], []string{r.owners[0]})
			secrets = fmt.Sprintf(d.T("`%s` (%d개: %s)", "`%s` (%d: %s)"), strings.Replace(pattern, "\x01", d.T("<워크로드>", "<workload>"), 1), len(r.owners), strings.Join(r.owners, ", "))
			readers = strings.Join(append([]string{d.T("각 워크로드 자신", "each workload itself")}, r.readers...), ", ")
		}
		kv = append(kv, []string{secrets, readers})
	}
	d.Table([]string{d.T("Key Vault Secrets User (시크릿 단위 할당)", "Key Vault Secrets User (assigned per secret)"), d.T("읽는 워크로드", "Read by")}, kv)
}

// ownerOf finds the one reader a secret is named after (user-service for
// user-service-db-password) and the name with the reader replaced by
// \x01; "" and the name itself where there is no single such reader.
func ownerOf(secret string, readers []string) (owner, pattern string) {
	for _, r := range readers {
		if strings.HasPrefix(secret, r+"-") {
			if owner != "" {
				return "", secret
			}
			owner = r
		}
	}
	if owner == "" {
		return "", secret
	}
	return owner, "\x01" + strings.TrimPrefix(secret, owner)
}

func without(list []string, s string) []string {
	var out []string
	for _, v := range list {
		if v != s {
			out = append(out, v)
		}
	}
	return out
}

// subjects names a group's identities once where they follow one pattern
// (each workload's own ServiceAccount trusted by its own identity,
// <prefix><workload>), else one by one.
func subjects(d *md.Doc, ns string, ids []plan.WorkloadIdentity) string {
	first := ids[0]
	prefix, ok := strings.CutSuffix(first.Name, first.Service)
	for _, id := range ids {
		ok = ok && id.ServiceAccount == id.Service && id.Name == prefix+id.Service
	}
	if ok && len(ids) > 1 {
		w := d.T("<워크로드>", "<workload>")
		// In code spans: a bare <workload> is an HTML element to Markdown
		// (markdownlint MD033, and renderers drop it).
		return fmt.Sprintf(d.T("워크로드마다 ServiceAccount `%s/%s` → `%s%s` (%d개)", "per workload, ServiceAccount `%s/%s` → `%s%s` (%d)"), ns, w, prefix, w, len(ids))
	}
	var out []string
	for _, id := range ids {
		out = append(out, fmt.Sprintf("ServiceAccount %s/%s → %s", ns, id.ServiceAccount, id.Name))
	}
	return strings.Join(out, "; ")
}

// readersOf are the workloads whose identity is granted a secret, in the
// plan's order.
func readersOf(e *plan.Env, secret string) []string {
	var out []string
	for _, id := range e.Identities {
		if id.SecretClass != "" && contains(id.Secrets, secret) {
			out = append(out, id.Service)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
