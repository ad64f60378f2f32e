package azure

// DaemonSet is one DaemonSet AKS (or an add-on) runs on every node, with
// the CPU and memory its pods request there: Kubernetes reserves them on
// each node before any of the system's pods, so the node packing takes
// them off the node's allocatable.
type DaemonSet struct {
	Name   string // the DaemonSet's name in kube-system
	Addon  string // what brings it: a DaemonSetGroup
	CPUM   int64  // CPU requested per node, millicores (all its containers)
	MemMiB int64  // memory requested per node, MiB
	Source Source
	// Estimate marks a figure no Microsoft or upstream chart states for
	// AKS's own deployment of it: a measurement on a real AKS node
	// published by a third party, or an inference from one, which the
	// documents mark as an estimate.
	Estimate bool
	// UpperBound marks a figure Microsoft states as the limit, not the
	// request (Defender's sensor): counted whole, so the packing can
	// only overstate what the DaemonSet takes.
	UpperBound bool
}

// DaemonSet groups: what turns each set of DaemonSets on.
const (
	DSCore             = "core"               // every AKS node: kube-proxy, cloud-node-manager, the disk and file CSI drivers
	DSAzureCNI         = "azure-cni"          // networkPlugin azure: CNS and the IP masquerade agent
	DSPolicyAzure      = "policy-azure"       // networkPolicy azure: Azure Network Policy Manager
	DSPolicyCalico     = "policy-calico"      // networkPolicy calico
	DSPolicyCilium     = "policy-cilium"      // networkPolicy cilium (Azure CNI powered by Cilium)
	DSContainerInsight = "container-insights" // the cluster's oms_agent (ama-logs)
	DSKeyVaultCSI      = "keyvault-csi"       // key_vault_secrets_provider: the Secrets Store CSI driver and its Azure provider
	DSDefender         = "defender"           // microsoft_defender: the Defender sensor
)

var (
	// 2i2c measured the DaemonSets' requests on their AKS cluster
	// (utoronto, Kubernetes 1.28.3, kubenet): cloud-node-manager,
	// csi-azuredisk-node, csi-azurefile-node, kube-proxy and two
	// DaemonSets of their own request 226m and 300Mi a node, and
	// calico-node requests nothing.
	src2i2c = Source{Ref: "github.com/2i2c-org/infrastructure deployer/commands/generate/resource_allocation/daemonset_requests.yaml (aks utoronto, v1.28.3: calico-node among the DaemonSets with no requests)", Date: "2024-03-01"}
	// kubectl describe node on AKS nodes, published in issues: the
	// requests AKS itself sets on kube-proxy and the IP masquerade
	// agent (the same figures in both, a year apart).
	srcAKSNode = Source{Ref: "github.com/Azure/AKS issues/1558 and github.com/scalar-labs/scalar-terraform pull/262 (kubectl describe node on AKS: kube-proxy 100m CPU, no memory request; azure-ip-masq-agent 100m/50Mi)", Date: "2021-01-19"}
	// Azure/AKS#3525: on an AKS 1.24 node azure-cns and azure-npm
	// together request 550 MB; less azure-npm's 300Mi that leaves
	// 250Mi to azure-cns. Its upstream manifest states no requests.
	srcCNS = Source{Ref: "github.com/Azure/AKS issues/3525 (kubectl describe node on AKS 1.24: azure-cns and azure-npm request 550 MB together, azure-npm 300Mi of it; CPU 40m physarch's estimate)", Date: "2023-03-09"}
	// The upstream manifests and charts AKS deploys the add-ons from.
	srcNPM       = Source{Ref: "github.com/Azure/azure-container-networking npm/azure-npm.yaml (requests cpu 250m, memory limit 300Mi taken as the request) and github.com/Azure/AKS issues/2792 (AKS 2024: requests 250m/300Mi)", Date: "2026-12-02"}
	srcCilium    = Source{Ref: "github.com/Azure/azure-container-networking test/integration/manifests/cilium/v1.17/cilium-agent/templates/daemonset.yaml (agent resources {}, init container clean-cilium-state 100m/100Mi, so the pod requests 100m/100Mi)", Date: "2026-12-02"}
	srcCNMChart  = Source{Ref: "github.com/kubernetes-sigs/cloud-provider-azure helm/cloud-provider-azure/values.yaml (cloudNodeManager.containerResourceManagement requestsCPU 50m, requestsMem 50Mi)", Date: "2026-12-02"}
	srcDiskChart = Source{Ref: "github.com/kubernetes-sigs/azuredisk-csi-driver charts/latest/azuredisk-csi-driver/values.yaml (linux.resources: livenessProbe, nodeDriverRegistrar, azuredisk 10m/20Mi each)", Date: "2026-12-02"}
	srcFileChart = Source{Ref: "github.com/kubernetes-sigs/azurefile-csi-driver charts/latest/azurefile-csi-driver/values.yaml (linux.resources: livenessProbe, nodeDriverRegistrar, azurefile 10m/20Mi each)", Date: "2026-12-02"}
	srcAMAChart  = Source{Ref: "github.com/microsoft/Docker-Provider charts/azuremonitor-containerinsights-aks/values.yaml (daemonSetSizingValues singleSize: ama-logs 75m/325Mi, ama-logs-prometheus 75m/225Mi, addon-token-adapter 20m/50Mi)", Date: "2026-12-02"}
	srcSSChart   = Source{Ref: "github.com/kubernetes-sigs/secrets-store-csi-driver charts/secrets-store-csi-driver/values.yaml (linux: driver 50m/100Mi, registrar 10m/20Mi, livenessProbe 10m/20Mi)", Date: "2026-12-02"}
	srcKVChart   = Source{Ref: "github.com/Azure/secrets-store-csi-driver-provider-azure charts/csi-secrets-store-provider-azure/values.yaml (linux.resources.requests 50m/100Mi)", Date: "2026-12-02"}
	srcDefender  = Source{Ref: "learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-architecture (Defender agent component details: collector-ds limits 360m/296Mi, publisher-ds 60m/200Mi)", Date: "2026-12-02"}
)

// daemonSets is the catalog: every DaemonSet physarch counts, by group.
// Every figure has a source (TestDaemonSetsSourced); Estimate marks one
// measured by a third party on a real node, or inferred, rather than
// stated by the chart or manifest.
// konnectivity-agent is absent on purpose: AKS runs it as a Deployment
// on the system pool, not on every node. So is Istio's CNI: the AKS mesh
// add-on injects an istio-init container into each pod (counted with the
// sidecar) rather than running a CNI DaemonSet.
var daemonSets = []DaemonSet{
	{Name: "kube-proxy", Addon: DSCore, CPUM: 100, MemMiB: 0, Source: srcAKSNode, Estimate: true},
	{Name: "cloud-node-manager", Addon: DSCore, CPUM: 50, MemMiB: 50, Source: srcCNMChart},
	{Name: "csi-azuredisk-node", Addon: DSCore, CPUM: 30, MemMiB: 60, Source: srcDiskChart},
	{Name: "csi-azurefile-node", Addon: DSCore, CPUM: 30, MemMiB: 60, Source: srcFileChart},
	{Name: "azure-cns", Addon: DSAzureCNI, CPUM: 40, MemMiB: 250, Source: srcCNS, Estimate: true},
	{Name: "azure-ip-masq-agent", Addon: DSAzureCNI, CPUM: 100, MemMiB: 50, Source: srcAKSNode, Estimate: true},
	{Name: "azure-npm", Addon: DSPolicyAzure, CPUM: 250, MemMiB: 300, Source: srcNPM},
	{Name: "calico-node", Addon: DSPolicyCalico, CPUM: 0, MemMiB: 0, Source: src2i2c, Estimate: true},
	// Microsoft's own test manifest, not AKS's managed deployment of it.
	{Name: "cilium", Addon: DSPolicyCilium, CPUM: 100, MemMiB: 100, Source: srcCilium, Estimate: true},
	{Name: "ama-logs", Addon: DSContainerInsight, CPUM: 170, MemMiB: 600, Source: srcAMAChart},
	{Name: "aks-secrets-store-csi-driver", Addon: DSKeyVaultCSI, CPUM: 70, MemMiB: 140, Source: srcSSChart},
	{Name: "aks-secrets-store-provider-azure", Addon: DSKeyVaultCSI, CPUM: 50, MemMiB: 100, Source: srcKVChart},
	{Name: "microsoft-defender-collector-ds", Addon: DSDefender, CPUM: 360, MemMiB: 296, Source: srcDefender, UpperBound: true},
	{Name: "microsoft-defender-publisher-ds", Addon: DSDefender, CPUM: 60, MemMiB: 200, Source: srcDefender, UpperBound: true},
}

// groupLabels name what turns each group on, for the documents.
var groupLabels = map[string]Note{
	DSCore:             {En: "every AKS node", Ko: "모든 AKS 노드"},
	DSAzureCNI:         {En: "`networkPlugin: azure`", Ko: "`networkPlugin: azure`"},
	DSPolicyAzure:      {En: "`networkPolicy: azure`", Ko: "`networkPolicy: azure`"},
	DSPolicyCalico:     {En: "`networkPolicy: calico`", Ko: "`networkPolicy: calico`"},
	DSPolicyCilium:     {En: "`networkPolicy: cilium`", Ko: "`networkPolicy: cilium`"},
	DSContainerInsight: {En: "Container Insights (`oms_agent`)", Ko: "Container Insights (`oms_agent`)"},
	DSKeyVaultCSI:      {En: "the Secrets Store CSI driver (`key_vault_secrets_provider`)", Ko: "Secrets Store CSI 드라이버 (`key_vault_secrets_provider`)"},
	DSDefender:         {En: "the security sensor (`microsoft_defender`)", Ko: "보안 센서 (`microsoft_defender`)"},
}

// DaemonSetGroupLabel names what turns a group on ("`"+group+"`" for a
// group the catalog does not know).
func DaemonSetGroupLabel(group string) Note {
	if n, ok := groupLabels[group]; ok {
		return n
	}
	return Note{En: "`" + group + "`", Ko: "`" + group + "`"}
}

// DaemonSets returns the catalog's DaemonSets of a group, in catalog
// order (none for a group it does not know).
func DaemonSets(group string) []DaemonSet {
	var out []DaemonSet
	for _, d := range daemonSets {
		if d.Addon == group {
			out = append(out, d)
		}
	}
	return out
}

// AllDaemonSets is the whole catalog, for the audit and the tests.
func AllDaemonSets() []DaemonSet { return append([]DaemonSet(nil), daemonSets...) }
