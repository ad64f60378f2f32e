package k8s

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

// handMadeSecrets are the keys of the Secret the user creates: every
// secret where no store outside the cluster holds them (SecretSynced),
// else only what the components' own pods and Jobs read (PodSecreted).
func (c envContext) handMadeSecrets() []string {
	if !c.csi {
		return c.e.Secrets
	}
	var out []string
	for _, p := range plan.Facets[PodSecreted](c.e) {
		out = append(out, p.PodSecrets()...)
	}
	return out
}

// handMadeSecretsIn are the keys a namespace's pods read from the Secret
// the user creates there: a Secret serves the pods of its own namespace
// only, so where the environment has several each gets the keys its pods
// read (in the environment's own, the components' too), in the order of
// the environment's secrets.
func (c envContext) handMadeSecretsIn(nsp plan.Namespace) []string {
	need := map[string]bool{}
	if !c.csi {
		for _, name := range nsp.Services {
			if w := c.e.Workload(name); w != nil {
				for _, s := range w.Secrets {
					need[s.Secret] = true
				}
			}
		}
	}
	if nsp.Components {
		for _, p := range plan.Facets[PodSecreted](c.e) {
			for _, s := range p.PodSecrets() {
				need[s] = true
			}
		}
	}
	var out []string
	for _, s := range c.e.Secrets {
		if need[s] {
			out = append(out, s)
		}
	}
	return out
}

// secretsReadme documents the Secret the user creates, since physarch
// never writes secret values: one in each namespace whose pods read one.
func (c envContext) secretsReadme() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Secrets for %s (%s)\n\n", c.e.Name, c.e.Namespace)
	if !c.e.MultiNamespace() {
		fmt.Fprintf(&b, "physarch never writes secret values. The workloads read the Kubernetes Secret\n`%s`; create it before `kubectl apply -k .`, with your own values:\n\n", c.e.Names.SecretProvider)
		c.secretCommand(&b, c.e.Namespace, c.handMadeSecrets())
		return []byte(b.String())
	}
	fmt.Fprintf(&b, "physarch never writes secret values. The workloads read the Kubernetes Secret\n`%s` of their own namespace; create it in each namespace below before\n`kubectl apply -k .`, with your own values:\n\n", c.e.Names.SecretProvider)
	for _, nsp := range c.e.Namespaces {
		if keys := c.handMadeSecretsIn(nsp); len(keys) > 0 {
			c.secretCommand(&b, nsp.Name, keys)
		}
	}
	return []byte(b.String())
}

// secretCommand writes the commands that create one namespace's Secret.
func (c envContext) secretCommand(b *strings.Builder, ns string, keys []string) {
	fmt.Fprintf(b, "```bash\nkubectl create namespace %s --dry-run=client -o yaml | kubectl apply -f -\nkubectl -n %s create secret generic %s \\\n", ns, ns, c.e.Names.SecretProvider)
	for i, n := range keys {
		end := " \\"
		if i == len(keys)-1 {
			end = ""
		}
		fmt.Fprintf(b, "  --from-literal=%s=\"$%s\"%s\n", n, appenv.EnvName(n), end)
	}
	b.WriteString("```\n")
}
