package k8s

import (
	"fmt"
	"strings"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

// SecretProviderClass is the Secrets Store CSI driver's resource
// (secrets-store.csi.x-k8s.io/v1). Its Go types live in the driver's own
// module, which would pull in the driver; these few fields are all we
// write, and the server-side dry run checks them against the real CRD.
type SecretProviderClass struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              SecretProviderClassSpec `json:"spec"`
}

// SecretProviderClassSpec is the part of the spec physarch fills.
type SecretProviderClassSpec struct {
	Provider      string            `json:"provider"`
	Parameters    map[string]string `json:"parameters"`
	SecretObjects []SecretObject    `json:"secretObjects,omitempty"`
}

// SecretObject syncs mounted objects into a Kubernetes Secret.
type SecretObject struct {
	SecretName string             `json:"secretName"`
	Type       string             `json:"type"`
	Data       []SecretObjectData `json:"data"`
}

// SecretObjectData maps one Key Vault object to one Secret key.
type SecretObjectData struct {
	ObjectName string `json:"objectName"`
	Key        string `json:"key"`
}

// secretProviderClasses are one class per service that reads secrets: it
// mounts exactly that service's Key Vault secrets with that service's
// identity and syncs them into the service's own Secret. No value is
// written anywhere.
func (c envContext) secretProviderClasses(nsp plan.Namespace) []any {
	var out []any
	for _, id := range c.e.Identities {
		if id.SecretClass == "" || c.e.NamespaceOf(id.Service) != nsp.Name {
			continue // a class serves the pods of its own namespace only
		}
		var objects strings.Builder
		objects.WriteString("array:\n")
		var data []SecretObjectData
		for _, n := range id.Secrets {
			fmt.Fprintf(&objects, "  - |\n    objectName: %s\n    objectType: secret\n", n)
			data = append(data, SecretObjectData{ObjectName: n, Key: n})
		}
		out = append(out, SecretProviderClass{
			TypeMeta:   typeMeta("secrets-store.csi.x-k8s.io/v1", "SecretProviderClass"),
			ObjectMeta: objectMeta(id.SecretClass, nsp.Name, c.meta(id.Service, nil)),
			Spec: SecretProviderClassSpec{
				Provider: "azure",
				Parameters: map[string]string{
					"usePodIdentity": "false",
					"clientID":       clientIDPlaceholder(id.Service),
					"keyvaultName":   c.e.Names.KeyVault,
					"tenantId":       placeholder("tenant_id"),
					"objects":        objects.String(),
				},
				SecretObjects: []SecretObject{{SecretName: id.SecretClass, Type: "Opaque", Data: data}},
			},
		})
	}
	return out
}

// handMadeSecrets are the keys of the Secret the user creates: every
// secret where Key Vault holds none, else only what the in-cluster
// components' own pods (and Jobs) read.
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
