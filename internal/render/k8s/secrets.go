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

// secretsReadme documents the Secret the user creates, since physarch
// never writes secret values.
func (c envContext) secretsReadme() []byte {
	keys := c.handMadeSecrets()
	var b strings.Builder
	fmt.Fprintf(&b, "# Secrets for %s (%s)\n\n", c.e.Name, c.e.Namespace)
	fmt.Fprintf(&b, "physarch never writes secret values. The workloads read the Kubernetes Secret\n`%s`; create it before `kubectl apply -k .`, with your own values:\n\n", c.e.Names.SecretProvider)
	fmt.Fprintf(&b, "```bash\nkubectl create namespace %s --dry-run=client -o yaml | kubectl apply -f -\nkubectl -n %s create secret generic %s \\\n", c.e.Namespace, c.e.Namespace, c.e.Names.SecretProvider)
	for i, n := range keys {
		end := " \\"
		if i == len(keys)-1 {
			end = ""
		}
		fmt.Fprintf(&b, "  --from-literal=%s=\"$%s\"%s\n", n, appenv.EnvName(n), end)
	}
	b.WriteString("```\n")
	return []byte(b.String())
}
