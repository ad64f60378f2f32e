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
func (c envContext) secretProviderClasses() []any {
	var out []any
	for _, id := range c.e.Identities {
		if id.SecretClass == "" {
			continue
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
			ObjectMeta: objectMeta(id.SecretClass, c.e.Namespace, c.meta(id.Service, nil)),
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
