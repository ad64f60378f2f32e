package generate

import (
	"regexp"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
)

// blocksIn is which of the edge and platform blocks an environment runs.
type blocksIn struct {
	gateway, frontDoor, keyVault, logAnalytics bool
}

// TestBlocksAppearEverywhereOrNowhere: each of the blocks that moved onto
// the component model (the NGINX ingress or the Application Gateway, Front
// Door, Key Vault, the registry, Log Analytics) appears in every output
// where the environment runs it (Terraform, manifests, cost, SLA,
// documents, diagrams) and in none where it does not: the facets are
// wired in every stage, and an absent block leaves no filler behind.
func TestBlocksAppearEverywhereOrNowhere(t *testing.T) {
	all := blocksIn{gateway: true, frontDoor: true, keyVault: true, logAnalytics: true}
	cases := []struct {
		name      string
		dev, prod string // settings added to the environment
		want      map[string]blocksIn
	}{
		{"profiles as they are", "", "", map[string]blocksIn{"dev": {}, "prod": all}},
		{"prod behind NGINX, no Front Door", "", "ingress: {controller: nginx, waf: false, frontDoor: none}",
			map[string]blocksIn{"prod": {keyVault: true, logAnalytics: true}}},
		{"prod behind NGINX with Front Door", "", "ingress: {controller: nginx, waf: false}",
			map[string]blocksIn{"prod": {frontDoor: true, keyVault: true, logAnalytics: true}}},
		{"prod gateway without Front Door", "", "ingress: {frontDoor: none}",
			map[string]blocksIn{"prod": {gateway: true, keyVault: true, logAnalytics: true}}},
		{"prod secrets in Kubernetes", "", "security: {keyVault: false}",
			map[string]blocksIn{"prod": {gateway: true, frontDoor: true, logAnalytics: true}}},
		{"prod without Log Analytics", "", "monitoring: {logAnalytics: false}",
			map[string]blocksIn{"prod": {gateway: true, frontDoor: true, keyVault: true}}},
		{"dev with the gateway, Key Vault and Log Analytics", "ingress: {controller: agic, gatewayMinCapacity: 1, gatewayMaxCapacity: 2}\n    security: {keyVault: true}\n    monitoring: {logAnalytics: true, retentionDays: 30}", "",
			map[string]blocksIn{"dev": {gateway: true, keyVault: true, logAnalytics: true}}},
	}
	path, data, err := examples.Spec("phonebill")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := string(data)
			for env, add := range map[string]string{"dev": c.dev, "prod": c.prod} {
				if add != "" {
					src = strings.Replace(src, "    profile: "+env+"\n", "    profile: "+env+"\n    "+add+"\n", 1)
				}
			}
			_, files, err := Spec(path, []byte(src), Options{Lang: md.En})
			if err != nil {
				t.Fatal(err)
			}
			byPath := map[string]string{}
			for _, f := range files {
				byPath[f.Path] = string(f.Data)
			}
			for env, want := range c.want {
				checkBlocks(t, env, want, byPath)
			}
			for p, s := range byPath {
				if strings.HasSuffix(p, ".mmd") {
					checkNoDanglingNodes(t, p, s)
				}
			}
		})
	}
}

func checkBlocks(t *testing.T, env string, want blocksIn, files map[string]string) {
	t.Helper()
	prod := env == "prod"
	main := files["deploy/terraform/"+env+"/main.tf"]
	doc := files[render.PackageDir+"/physical-architecture-"+env+".md"]
	diagram := files[render.PackageDir+"/physical-architecture-"+env+".mmd"]
	network := files[render.PackageDir+"/network-"+env+".mmd"]
	overlay := "deploy/k8s/overlays/" + env + "/"
	_, spc := files[overlay+"secret-provider-class.yaml"]
	expect := func(what string, got, wanted bool) {
		t.Helper()
		if got != wanted {
			t.Errorf("%s: %s is %v, want %v", env, what, got, wanted)
		}
	}
	has := strings.Contains

	gw := want.gateway
	expect("the gateway in Terraform", has(main, `resource "azurerm_application_gateway" "main"`), gw)
	expect("the AGIC add-on", has(main, "ingress_application_gateway {"), gw)
	expect("the gateway subnet", has(main, `resource "azurerm_subnet" "gateway"`), gw)
	expect("the gateway's cost", has(doc, "| Application Gateway WAF_v2 fixed |"), gw)
	expect("the gateway's SLA link", has(doc, "| Application Gateway | WAF_v2, "), gw)
	expect("the load balancer's SLA link", has(doc, "| Load Balancer | Standard (NGINX ingress), "), !gw)
	expect("the AGIC ingress class", has(files[overlay+"ingress.yaml"], "ingressClassName: azure-application-gateway"), gw)
	expect("the NGINX ingress class", has(files[overlay+"ingress.yaml"], "ingressClassName: nginx"), !gw)
	expect("the ingress-nginx policy peer", has(files[overlay+"network-policies.yaml"], "kubernetes.io/metadata.name: ingress-nginx"), !gw)
	expect("the gateway in the network diagram", has(network, `WAF["WAF (OWASP CRS 3.2`), gw)
	expect("4.2.1 Application Gateway", has(doc, "4.2.1 Application Gateway"), gw && prod)
	expect("the L2 layer", has(doc, "| L2 Gateway |"), gw && prod)
	expect("the gateway in the physical diagram", has(diagram, `AppGateway["Application Gateway WAF_v2`), gw)

	fd := want.frontDoor
	expect("Front Door in Terraform", has(main, `resource "azurerm_cdn_frontdoor_profile" "main"`), fd && gw)
	expect("Front Door's cost", has(doc, "| Front Door Standard base |"), fd)
	expect("Front Door's SLA link", has(doc, "| Front Door | Standard |"), fd)
	expect("the NSG admitting Front Door only", has(main, `"AzureFrontDoor.Backend"`), fd && gw)
	expect("Front Door in the diagram", has(diagram, `FrontDoor["Azure Front Door`), fd && prod)
	expect("the L1 layer", has(doc, "| L1 Perimeter |"), fd && prod)

	kv := want.keyVault
	expect("the vault in Terraform", has(main, `resource "azurerm_key_vault" "main"`), kv)
	expect("the secrets provider add-on", has(main, "key_vault_secrets_provider {"), kv)
	expect("the SecretProviderClasses", spc, kv)
	expect("the CSI volume", has(files[overlay+"deployment-patches.yaml"], "secrets-store.csi.k8s.io"), kv)
	expect("the vault's cost", has(doc, "| Key Vault operations |"), kv)
	expect("the vault in the diagram", has(diagram, `KeyVault["Key Vault"]`), kv)
	expect("7.4.1 Azure Key Vault", has(doc, "7.4.1 Azure Key Vault"), kv && prod)
	expect("the vault's private endpoint", has(main, `resource "azurerm_private_endpoint" "keyvault"`), kv && prod)

	la := want.logAnalytics
	expect("the workspace in Terraform", has(main, `resource "azurerm_log_analytics_workspace" "main"`), la)
	expect("Container Insights", has(main, "oms_agent {"), la)
	expect("the ingestion cost", has(doc, "| Log Analytics ingestion |"), la)
	expect("the workspace in the diagram", has(diagram, `Monitor["Log Analytics`), la)

	// The registry is in every environment.
	expect("the registry in Terraform", has(main, `resource "azurerm_container_registry" "main"`), true)
	expect("the kubelet's pull access", has(main, `"AcrPull"`), true)
	expect("the registry's cost", has(doc, "| Container Registry |"), true)
	expect("the registry in the diagram", has(diagram, `ACR["Azure Container Registry"]`), true)
	expect("the image rewrite", has(files[overlay+"kustomization.yaml"], ".azurecr.io/"), true)
	expect("the registry's private endpoint", has(main, `resource "azurerm_private_endpoint" "registry"`), prod)
}

var (
	mermaidNode = regexp.MustCompile(`^\s*(?:subgraph )?([A-Za-z][A-Za-z0-9_]*)\[`)
	mermaidEdge = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z0-9_]*) (?:-->|-\.->)(?:\|"[^"]*"\|)? ([A-Za-z][A-Za-z0-9_]*)$`)
)

// checkNoDanglingNodes: every edge of a diagram joins nodes the diagram
// declares (Mermaid would draw an undeclared one as a bare box).
func checkNoDanglingNodes(t *testing.T, path, src string) {
	t.Helper()
	declared := map[string]bool{}
	var edges [][2]string
	for _, l := range strings.Split(src, "\n") {
		if m := mermaidEdge.FindStringSubmatch(l); m != nil {
			edges = append(edges, [2]string{m[1], m[2]})
			continue
		}
		if m := mermaidNode.FindStringSubmatch(l); m != nil {
			declared[m[1]] = true
			continue
		}
		if strings.Contains(l, "-->") || strings.Contains(l, "-.->") {
			t.Errorf("%s: edge not understood: %q", path, l)
		}
	}
	for _, e := range edges {
		for _, n := range e {
			if !declared[n] {
				t.Errorf("%s: edge %s → %s uses undeclared node %s", path, e[0], e[1], n)
			}
		}
	}
}
