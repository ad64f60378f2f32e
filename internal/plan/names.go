package plan

import "strings"

// Names are the Azure resource names of one environment. Documents,
// manifests and Terraform all take them from here; Terraform exposes each as
// a variable default, since globally unique names may be taken.
type Names struct {
	ResourceGroup  string
	Cluster        string
	VNet           string
	Registry       string // alphanumerics only, 5–50
	KeyVault       string // 3–24, letters, digits and hyphens
	LogAnalytics   string
	Gateway        string
	WAFPolicy      string // alphanumerics only
	FrontDoor      string
	Postgres       string
	Redis          string
	ServiceBus     string
	Identity       string // the workloads' user-assigned managed identity
	SecretProvider string // the Kubernetes Secret and SecretProviderClass name
}

func names(system, env string) Names {
	base := system + "-" + env
	alnum := strings.ReplaceAll(system, "-", "") + env
	return Names{
		ResourceGroup:  "rg-" + base,
		Cluster:        "aks-" + base,
		VNet:           "vnet-" + base,
		Registry:       clip("acr"+alnum, 50),
		KeyVault:       "kv-" + strings.TrimRight(clip(system, 24-len("kv--")-len(env)), "-") + "-" + env,
		LogAnalytics:   "log-" + base,
		Gateway:        "agw-" + base,
		WAFPolicy:      clip("waf"+alnum, 80),
		FrontDoor:      "afd-" + base,
		Postgres:       "psql-" + base,
		Redis:          "redis-" + base,
		ServiceBus:     "sb-" + base,
		Identity:       "id-" + base + "-workloads",
		SecretProvider: system + "-secrets",
	}
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
