package spec

// Environment is one deployment of the system. Every field but name and
// profile may come from the profile; what the environment states wins.
type Environment struct {
	Name       string             `yaml:"name" jsonschema:"required,pattern=^[a-z][a-z0-9-]{0,14}$"`
	Profile    string             `yaml:"profile" jsonschema:"required,enum=dev,enum=prod,description=built-in defaults this environment starts from"`
	Title      Text               `yaml:"title"`
	Targets    Targets            `yaml:"targets"`
	AKS        AKSSettings        `yaml:"aks"`
	NodePools  NodePools          `yaml:"nodePools"`
	Scaling    ScalingSettings    `yaml:"scaling"`
	PostgreSQL PostgreSQLSettings `yaml:"postgresql"`
	Redis      RedisSettings      `yaml:"redis"`
	ServiceBus ServiceBusSettings `yaml:"serviceBus"`
	Ingress    IngressSettings    `yaml:"ingress"`
	Network    NetworkSettings    `yaml:"network"`
	Security   SecuritySettings   `yaml:"security"`
	Monitoring MonitoringSettings `yaml:"monitoring"`
}

// Targets are what the environment must deliver.
type Targets struct {
	Users        int     `yaml:"users" jsonschema:"description=peak concurrent users"`
	Availability float64 `yaml:"availability" jsonschema:"description=availability target in percent such as 99.9"`
	RTO          string  `yaml:"rto" jsonschema:"description=recovery time objective as a duration such as 30m"`
	RPO          string  `yaml:"rpo" jsonschema:"description=recovery point objective as a duration such as 1h"`
	BudgetUSD    float64 `yaml:"budgetUSD" jsonschema:"description=monthly budget in USD"`
	Zones        int     `yaml:"zones" jsonschema:"minimum=1,maximum=3"`
}

// AKSSettings configure the cluster.
type AKSSettings struct {
	Tier              string `yaml:"tier" jsonschema:"enum=Free,enum=Standard,enum=Premium"`
	KubernetesVersion string `yaml:"kubernetesVersion"`
	NetworkPlugin     string `yaml:"networkPlugin" jsonschema:"enum=azure"`
	NetworkPolicy     string `yaml:"networkPolicy" jsonschema:"enum=azure,enum=calico,enum=cilium"`
	PrivateCluster    bool   `yaml:"privateCluster"`
	EntraRBAC         bool   `yaml:"entraRBAC"`
}

// NodePools are the system pool and the application pool.
type NodePools struct {
	System NodePool `yaml:"system"`
	Apps   NodePool `yaml:"apps"`
}

// NodePool is one AKS node pool. Min and max are computed from the pods
// when absent.
type NodePool struct {
	VMSize    string `yaml:"vmSize"`
	Min       int    `yaml:"min" jsonschema:"description=pin the minimum node count"`
	Max       int    `yaml:"max" jsonschema:"description=pin the maximum node count"`
	Spot      bool   `yaml:"spot"`
	Autoscale bool   `yaml:"autoscale"`
	MaxPods   int    `yaml:"maxPods" jsonschema:"description=max pods per node (Azure CNI default 30)"`
	OSDiskGB  int    `yaml:"osDiskGB"`
}

// ScalingSettings steer replica computation.
type ScalingSettings struct {
	TargetCPUUtilization int     `yaml:"targetCPUUtilization" jsonschema:"description=HPA CPU target in percent"`
	TargetMemUtilization int     `yaml:"targetMemoryUtilization" jsonschema:"description=HPA memory target in percent"`
	MinReplicas          int     `yaml:"minReplicas" jsonschema:"description=floor for every service's minimum replicas"`
	Headroom             float64 `yaml:"headroom" jsonschema:"description=factor over the computed peak for HPA max (1.5 = 50% spare)"`
	OffPeakFraction      float64 `yaml:"offPeakFraction" jsonschema:"description=share of the peak the minimum replicas must carry"`
	SpreadZones          bool    `yaml:"spreadZones" jsonschema:"description=spread replicas over zones (min replicas >= zones)"`
}

// PostgreSQLSettings choose how PostgreSQL runs.
type PostgreSQLSettings struct {
	Mode                string `yaml:"mode" jsonschema:"enum=pod,enum=flexible"`
	SKU                 string `yaml:"sku" jsonschema:"description=Flexible Server SKU such as GP_Standard_D2ds_v5"`
	StorageGB           int    `yaml:"storageGB"`
	HA                  string `yaml:"ha" jsonschema:"enum=none,enum=samezone,enum=zoneredundant"`
	BackupRetentionDays int    `yaml:"backupRetentionDays"`
	GeoBackup           bool   `yaml:"geoBackup"`
	ReadReplicas        int    `yaml:"readReplicas"`
	CPU                 string `yaml:"cpu" jsonschema:"description=pod CPU request (mode pod)"`
	Memory              string `yaml:"memory" jsonschema:"description=pod memory request (mode pod)"`
	MaxConnections      int    `yaml:"maxConnections"`
	StorageClass        string `yaml:"storageClass" jsonschema:"description=managed-disk storage class (mode pod)"`
}

// RedisSettings choose how Redis runs.
type RedisSettings struct {
	Mode           string `yaml:"mode" jsonschema:"enum=pod,enum=managed"`
	Tier           string `yaml:"tier" jsonschema:"enum=Basic,enum=Standard,enum=Premium"`
	SKU            string `yaml:"sku" jsonschema:"description=cache size such as C1 or P1"`
	Shards         int    `yaml:"shards"`
	Persistence    string `yaml:"persistence" jsonschema:"enum=none,enum=rdb,enum=aof"`
	CPU            string `yaml:"cpu"`
	Memory         string `yaml:"memory"`
	MaxMemory      string `yaml:"maxMemory"`
	EvictionPolicy string `yaml:"evictionPolicy"`
	StorageGB      int    `yaml:"storageGB"`
}

// ServiceBusSettings choose the Service Bus tier.
type ServiceBusSettings struct {
	Tier           string `yaml:"tier" jsonschema:"enum=Basic,enum=Standard,enum=Premium"`
	MessagingUnits int    `yaml:"messagingUnits"`
	MaxSizeMB      int    `yaml:"maxSizeMB"`
	MessageTTL     string `yaml:"messageTTL"`
}

// IngressSettings choose the edge.
type IngressSettings struct {
	Controller         string `yaml:"controller" jsonschema:"enum=nginx,enum=agic"`
	FrontDoor          string `yaml:"frontDoor" jsonschema:"enum=none,enum=Standard,enum=Premium"`
	WAF                bool   `yaml:"waf"`
	WAFMode            string `yaml:"wafMode" jsonschema:"enum=Detection,enum=Prevention"`
	RateLimitPerMinute int    `yaml:"rateLimitPerMinute" jsonschema:"description=requests per minute per client IP"`
	GatewayMinCapacity int    `yaml:"gatewayMinCapacity"`
	GatewayMaxCapacity int    `yaml:"gatewayMaxCapacity"`
	Domain             string `yaml:"domain"`
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
	Role string `yaml:"role" jsonschema:"required,enum=aks,enum=gateway,enum=database,enum=endpoints"`
	CIDR string `yaml:"cidr" jsonschema:"required"`
}

// SecuritySettings choose secret storage.
type SecuritySettings struct {
	KeyVault bool `yaml:"keyVault"`
}

// MonitoringSettings choose observability.
type MonitoringSettings struct {
	LogAnalytics    bool    `yaml:"logAnalytics"`
	AppInsights     bool    `yaml:"appInsights"`
	RetentionDays   int     `yaml:"retentionDays"`
	IngestGBPerDay  float64 `yaml:"ingestGBPerDay"`
	AlertCPUPercent int     `yaml:"alertCPUPercent"`
}
