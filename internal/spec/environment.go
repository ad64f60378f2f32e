package spec

import "github.com/physarch/physarch/internal/catalog/azure"

// Environment is one deployment of the system. Every field but name and
// profile may come from the profile; what the environment states wins.
type Environment struct {
	Name      string          `yaml:"name" jsonschema:"required"`
	Profile   string          `yaml:"profile" jsonschema:"required" jsonschema_description:"built-in defaults this environment starts from"`
	Title     Text            `yaml:"title"`
	Targets   Targets         `yaml:"targets"`
	AKS       AKSSettings     `yaml:"aks"`
	NodePools NodePools       `yaml:"nodePools"`
	Scaling   ScalingSettings `yaml:"scaling"`
	Network   NetworkSettings `yaml:"network"`
	DR        DRSettings      `yaml:"dr" jsonschema_description:"how the environment recovers from the loss of its region"`
	// Blocks are the building blocks' settings (Section.SettingsKey),
	// profile defaults merged with what the environment states.
	Blocks Blocks `yaml:"-"`
}

func (*Environment) blockScope() scope { return scopeSettings }
func (e *Environment) blocks() *Blocks { return &e.Blocks }

// Targets are what the environment must deliver.
type Targets struct {
	Users        int     `yaml:"users" jsonschema_description:"peak concurrent users"`
	Availability float64 `yaml:"availability" jsonschema_description:"availability target in percent such as 99.9"`
	RTO          string  `yaml:"rto" jsonschema_description:"recovery time objective as a duration such as 30m"`
	RPO          string  `yaml:"rpo" jsonschema_description:"recovery point objective as a duration such as 1h"`
	BudgetUSD    float64 `yaml:"budgetUSD" jsonschema_description:"monthly budget in USD"`
	Zones        int     `yaml:"zones"`
}

// DRSettings choose how the environment recovers from the loss of its
// region; the DR row and rule RS010 judge targets.rto and targets.rpo
// against what the mode can deliver.
type DRSettings struct {
	Mode   string `yaml:"mode" jsonschema_description:"none: no recovery from a region's loss (dev's default); geo-restore: restore the geo-redundant backups into the DR region, up to 12 h, losing up to 1 h (prod's default); standby-region: a warm standby in the DR region (a PostgreSQL read replica promoted on failover, the registry geo-replicated, the rest rebuilt by the same Terraform)"`
	Region string `yaml:"region" jsonschema_description:"the region recovered into (default: the region's pair from Microsoft's list, koreasouth for koreacentral)"`
}

// FieldRules constrains the DR mode.
func (DRSettings) FieldRules() Rules {
	return Rules{"mode": OneOf(azure.DRNone, azure.DRGeoRestore, azure.DRStandbyRegion), "region": OneOf(azure.RegionNames()...)}
}

// AKSSettings configure the cluster.
type AKSSettings struct {
	Tier              string `yaml:"tier"`
	KubernetesVersion string `yaml:"kubernetesVersion"`
	NetworkPlugin     string `yaml:"networkPlugin"`
	NetworkPolicy     string `yaml:"networkPolicy"`
	PrivateCluster    bool   `yaml:"privateCluster"`
	EntraRBAC         bool   `yaml:"entraRBAC"`
}

// NodePools are the system pool, the application pool and any dedicated
// pools (nodePools.<name>) for the services that name them.
type NodePools struct {
	System NodePool `yaml:"system"`
	Apps   NodePool `yaml:"apps"`
	// Dedicated are the pools besides system and apps, by name: every
	// other key of nodePools. The schema gives them as its
	// additionalProperties (see schema.go).
	Dedicated map[string]DedicatedPool `yaml:",inline" jsonschema:"-"`
}

// DedicatedPool is a node pool for a group of services (a GPU pool, a
// memory-heavy pool): services[].nodePool places a service on it. Min
// and max are computed from the pods placed on it when absent.
type DedicatedPool struct {
	VMSize    string            `yaml:"vmSize" jsonschema:"required" jsonschema_description:"VM size of the pool's nodes, GPU sizes such as Standard_NC4as_T4_v3 included"`
	Min       int               `yaml:"min" jsonschema_description:"pin the minimum node count (0 lets an autoscaled pool scale to zero)"`
	Max       int               `yaml:"max" jsonschema_description:"pin the maximum node count"`
	Zones     []int             `yaml:"zones" jsonschema_description:"the availability zones the pool runs in, a subset of the environment's (default: the environment's zones)"`
	Taints    []string          `yaml:"taints" jsonschema_description:"node taints as key=value:Effect (NoSchedule, PreferNoSchedule, NoExecute); the services placed on the pool tolerate them"`
	Labels    map[string]string `yaml:"labels" jsonschema_description:"node labels"`
	Autoscale *bool             `yaml:"autoscale" jsonschema_description:"the cluster autoscaler sizes the pool (default: as the apps pool)"`
	MaxPods   int               `yaml:"maxPods" jsonschema_description:"max pods per node (default 30)"`
	OSDiskGB  int               `yaml:"osDiskGB" jsonschema_description:"OS disk size (default: as the apps pool)"`
}

// NodePool is one AKS node pool. Min and max are computed from the pods
// when absent.
type NodePool struct {
	VMSize    string `yaml:"vmSize"`
	Min       int    `yaml:"min" jsonschema_description:"pin the minimum node count"`
	Max       int    `yaml:"max" jsonschema_description:"pin the maximum node count"`
	Spot      bool   `yaml:"spot"`
	Autoscale bool   `yaml:"autoscale"`
	MaxPods   int    `yaml:"maxPods" jsonschema_description:"max pods per node (Azure CNI default 30)"`
	OSDiskGB  int    `yaml:"osDiskGB"`
}

// ScalingSettings steer replica computation.
type ScalingSettings struct {
	TargetCPUUtilization int     `yaml:"targetCPUUtilization" jsonschema_description:"HPA CPU target in percent"`
	TargetMemUtilization int     `yaml:"targetMemoryUtilization" jsonschema_description:"HPA memory target in percent"`
	MinReplicas          int     `yaml:"minReplicas" jsonschema_description:"floor for every service's minimum replicas"`
	Headroom             float64 `yaml:"headroom" jsonschema_description:"factor over the computed peak for HPA max (1.5 = 50% spare)"`
	OffPeakFraction      float64 `yaml:"offPeakFraction" jsonschema_description:"share of the peak the minimum replicas must carry"`
	SpreadZones          bool    `yaml:"spreadZones" jsonschema_description:"spread replicas over zones (min replicas >= zones)"`
}

// NetworkSettings place the environment in address space. Subnets given by
// hand replace the computed ones and are checked, never trusted.
type NetworkSettings struct {
	VNetCIDR         string          `yaml:"vnetCIDR"`
	ServiceCIDR      string          `yaml:"serviceCIDR"`
	PrivateEndpoints bool            `yaml:"privateEndpoints"`
	Subnets          []SubnetPinning `yaml:"subnets"`
}

// SubnetPinning fixes one subnet's CIDR by role.
type SubnetPinning struct {
	Role string `yaml:"role" jsonschema:"required"`
	CIDR string `yaml:"cidr" jsonschema:"required"`
}

// FieldRules constrains an environment's name and profile.
func (Environment) FieldRules() Rules {
	return Rules{
		"name":    Pattern(namePattern, 15, "lower-case letters, digits and single hyphens, starting with a letter and ending with a letter or digit, at most 15 characters"),
		"profile": OneOf(ProfileNames()...),
	}
}

// MaxUsers bounds peak users: beyond it the design is no longer one AKS
// cluster in one region.
const MaxUsers = 100_000_000

// FieldRules bounds the targets.
func (Targets) FieldRules() Rules {
	return Rules{
		"users":        Between(1, MaxUsers).WithHint("peak concurrent users, from 1 to 100,000,000"),
		"availability": Percent(),
		"rto":          Duration(),
		"rpo":          Duration(),
		"budgetUSD":    Between(0, 10_000_000).WithHint("a monthly budget in USD, from 0 to 10,000,000"),
		"zones":        Between(1, 3).WithHint("Azure regions have up to 3 availability zones"),
	}
}

// FieldRules constrains the cluster settings.
func (AKSSettings) FieldRules() Rules {
	return Rules{
		"tier":              OneOf("Free", "Standard", "Premium"),
		"kubernetesVersion": Pattern(`^[0-9]+\.[0-9]+(\.[0-9]+)?$`, 12, `a minor version AKS supports, in quotes, such as "`+azure.SupportedKubernetes("Standard")[0]+`"`),
		"networkPlugin":     OneOf("azure"),
		"networkPolicy":     OneOf("azure", "calico", "cilium"),
	}
}

// FieldRules constrains a node pool.
func (NodePool) FieldRules() Rules {
	nodes := Between(0, MaxPoolNodes).WithHint("0 (computed from the pods) or a node count up to 1,000, AKS's limit per pool")
	return Rules{
		"vmSize":   OneOf(azure.VMNames()...),
		"min":      nodes,
		"max":      nodes,
		"maxPods":  Between(10, 250).WithHint("Azure CNI allows 10 to 250 pods per node; 30 is the default"),
		"osDiskGB": Between(30, 2048).WithHint("an OS disk from 30 to 2,048 GB"),
	}
}

// MaxDedicatedPools bounds the dedicated pools of an environment; AKS
// allows 100 pools per cluster, and a design with more groups than this
// is a different design.
const MaxDedicatedPools = 10

// FieldRules names the dedicated pools (the keys besides system and
// apps): AKS's rule for Linux node pool names.
func (NodePools) FieldRules() Rules {
	name := Pattern(`^[a-z][a-z0-9]{0,11}$`, 12, "a node pool name: lower-case letters and digits, starting with a letter, at most 12 characters (AKS's rule for Linux pools)")
	name.MaxItems = MaxDedicatedPools
	return Rules{"*": name}
}

// taintPattern is a taint as AKS's node_taints take it: key=value:Effect.
const taintPattern = `^[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?=[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?:(NoSchedule|PreferNoSchedule|NoExecute)$`

// FieldRules constrains a dedicated pool.
func (DedicatedPool) FieldRules() Rules {
	nodes := Between(0, MaxPoolNodes).WithHint("0 (computed from the pods) or a node count up to 1,000, AKS's limit per pool")
	zone := Between(1, 3).WithHint("a zone from 1 to 3")
	taint := Pattern(taintPattern, 316, "key=value:NoSchedule (or PreferNoSchedule, NoExecute), such as sku=gpu:NoSchedule")
	labelKey := Pattern(`^([a-z0-9]([a-z0-9.-]*[a-z0-9])?/)?[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$`, 316, "a Kubernetes label key such as workload or example.com/tier")
	labelValue := Pattern(`^([A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?)?$`, 63, "a Kubernetes label value: letters, digits, '.', '_' and '-', at most 63 characters")
	labels := Rule{MaxItems: 20, Keys: &labelKey, Items: &labelValue, Hint: "at most 20 labels"}
	return Rules{
		"vmSize":   OneOf(azure.VMNames()...),
		"min":      nodes,
		"max":      nodes,
		"zones":    Rule{MinItems: 1, MaxItems: 3, Items: &zone, Hint: "one to three zones, such as [1]"},
		"taints":   List(10, &taint),
		"labels":   labels,
		"maxPods":  Between(10, 250).WithHint("Azure CNI allows 10 to 250 pods per node; 30 is the default"),
		"osDiskGB": Between(30, 2048).WithHint("an OS disk from 30 to 2,048 GB"),
	}
}

// MaxPoolNodes is AKS's node limit per pool.
const MaxPoolNodes = 1000

// FieldRules bounds the scaling settings.
func (ScalingSettings) FieldRules() Rules {
	return Rules{
		"targetCPUUtilization":    Between(10, 95).WithHint("a percentage from 10 to 95, usually 70"),
		"targetMemoryUtilization": Between(0, 95).WithHint("0 (no memory metric) or a percentage up to 95"),
		"minReplicas":             Between(1, MaxReplicas).WithHint("from 1 to 1,000 replicas"),
		"headroom":                Between(1, 10).WithHint("1.0 means no spare; 1.5 means 50% spare; at most 10"),
		"offPeakFraction":         Between(0, 1).WithHint("a share of the peak from 0 to 1, such as 0.3"),
	}
}

// FieldRules constrains the address plan.
func (NetworkSettings) FieldRules() Rules {
	cidr := Pattern(cidrPattern, 18, "an IPv4 CIDR such as 10.20.0.0/16")
	return Rules{"vnetCIDR": cidr, "serviceCIDR": cidr, "subnets": Rule{MaxItems: 10}}
}

// FieldRules constrains a pinned subnet.
func (SubnetPinning) FieldRules() Rules {
	return Rules{
		"role": Pattern(namePattern, 30, "a subnet role such as aks, gateway or endpoints"),
		"cidr": Pattern(cidrPattern, 18, "an IPv4 CIDR such as 10.20.0.0/22"),
	}
}
