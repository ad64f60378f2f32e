package plan

import (
	"github.com/physarch/physarch/internal/catalog/azure/naming"
)

// Names are the Azure resource names of one environment. Documents,
// manifests and Terraform all take them from here; Terraform exposes each as
// a variable default, since globally unique names may be taken. Every name
// comes from the naming package's rule for its resource type.
type Names struct {
	ResourceGroup string
	Cluster       string
	DNSPrefix     string // the cluster's dns_prefix (54 characters at most)
	VNet          string
	// SecretProvider is the Kubernetes Secret the backing pods and, where
	// secrets are not in Key Vault, the services read.
	SecretProvider string
}

// NameChange is a name the naming rules had to change: which resource,
// what physarch wanted, what it uses, and why.
type NameChange struct {
	Resource string
	Wanted   string
	Got      string
	Why      string
	WhyKo    string // Why in Korean, for the Korean documents
	// ResourceKo is Resource in Korean, for the Korean documents.
	ResourceKo string
}

// resourceKo names, in Korean, the resources whose names the renamer
// derives; a resource not listed reads the same in both languages.
var resourceKo = map[string]string{
	"AKS DNS prefix":                "AKS DNS 접두사",
	"AKS cluster":                   "AKS 클러스터",
	"Key Vault secret":              "Key Vault 시크릿",
	"Kubernetes namespace":          "Kubernetes 네임스페이스",
	"action group":                  "작업 그룹",
	"action group short name":       "작업 그룹 약식 이름",
	"federated identity credential": "페더레이션 ID 자격 증명",
	"network security group":        "네트워크 보안 그룹",
	"private endpoint":              "프라이빗 엔드포인트",
	"resource group":                "리소스 그룹",
	"subnet":                        "서브넷",
	"user-assigned identity":        "사용자 할당 관리형 ID",
	"virtual network":               "가상 네트워크",
}

// renamer derives names and remembers every one it had to change.
type renamer struct{ changes []NameChange }

// use returns the derived name, recording it when it differs from the
// wanted one.
func (r *renamer) use(resource string, n naming.Name) string {
	if n.Changed() {
		for _, c := range r.changes {
			if c.Resource == resource && c.Wanted == n.Wanted {
				return n.Got
			}
		}
		r.changes = append(r.changes, NameChange{Resource: resource, ResourceKo: resourceKo[resource], Wanted: n.Wanted, Got: n.Got, Why: n.Why, WhyKo: n.WhyKo})
	}
	return n.Got
}

func (r *renamer) names(system, env string) Names {
	base := system + "-" + env
	cluster := r.use("AKS cluster", naming.AKSCluster("aks-"+base))
	return Names{
		ResourceGroup:  r.use("resource group", naming.ResourceGroup("rg-"+base)),
		Cluster:        cluster,
		DNSPrefix:      r.use("AKS DNS prefix", naming.AKSDNSPrefix(cluster)),
		VNet:           r.use("virtual network", naming.VirtualNetwork("vnet-"+base)),
		SecretProvider: r.use("Kubernetes Secret", naming.ObjectName(system+"-secrets")),
	}
}
