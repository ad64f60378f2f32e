// Package plan resolves a spec into one model per environment. Every figure
// any output prints is computed here, once; renderers only format it.
package plan

import (
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/spec"
)

// Plan is the resolved design of the whole system.
type Plan struct {
	Name     string
	Title    spec.Text
	Cloud    string
	Region   string
	Services []Service // environment-independent facts, in spec order
	// Destinations are the messaging destinations the blocks declare.
	Destinations []Destination
	External     []spec.External
	Envs         []*Env
	// doc and kinds are what the plan was built from, for Vary; no stage
	// reads the spec through them.
	doc   *spec.Document
	kinds []Kind
}

// Service is what a service is, whatever the environment.
type Service struct {
	Name  string
	Title spec.Text
	// Kind is the workload kind: spec.WorkloadService (a Deployment behind
	// a Service, scaled by an HPA), spec.WorkloadCronJob or
	// spec.WorkloadWorker; "" reads as a service.
	Kind    string
	CronJob *CronJob // kind cronjob only
	Worker  *Worker  // kind worker only
	// Group is the service's namespace group (services[].namespace); ""
	// for the environment's own namespace.
	Group    string
	Port     int
	Route    string
	Runtime  string
	Image    string
	Health   string
	Database string
	DBPool   int // connections per replica
	Cache    bool
	Calls    []string
	Produces []string
	Consumes []string
	External []string
}

// CronJob is how a kind: cronjob runs (a batch/v1 CronJob).
type CronJob struct {
	Schedule                string
	TimeZone                string // "" is the controller's zone
	ConcurrencyPolicy       string // Forbid, Allow, Replace
	StartingDeadlineSeconds int
	ActiveDeadlineSeconds   int
	Parallelism             int // pods of one run at once
	Completions             int
	BackoffLimit            int
}

// Worker is how KEDA scales a kind: worker; its replica bounds are the
// workload's Min and Max.
type Worker struct {
	// MessagesPerReplica is the backlog one replica works off (the
	// trigger's queue length or lag threshold).
	MessagesPerReplica int
	// Which figures the spec states; the others are physarch's defaults,
	// and the documents say so. A trigger with a default of its own (an
	// event hub's lag) may use it where TargetStated is false.
	MinStated, MaxStated, TargetStated bool
}

// HasService reports whether the service runs behind a Kubernetes
// Service (kind service): only such a service can be called or routed to.
func (s Service) HasService() bool { return s.Kind == "" || s.Kind == spec.WorkloadService }

// Database is one PostgreSQL database and the service that owns it.
type Database struct {
	Name  string
	Owner string
}

// Env is one environment, resolved.
type Env struct {
	Name      string
	Profile   string
	Title     spec.Text
	Namespace string // the environment's own namespace
	// Namespaces are the environment's namespaces: its own first, then one
	// per namespace group the services name, in spec order.
	Namespaces []Namespace
	Names      Names
	Settings   spec.Environment // profile merged with the spec's overrides
	Zones      []int
	// RegionZones is how many availability zones the region has (0:
	// none, as koreasouth). Zones still counts one zone there (the
	// region's one datacenter, for spreading and rounding), but nothing
	// may pin a resource to a zone number: Pinned says what to pin.
	RegionZones int
	// Region is where the environment runs (the spec's region).
	Region   string
	RTO, RPO string
	// DR is how the environment recovers from its region's loss
	// (dr.mode) and what that mode can deliver, from the catalog.
	DR azure.DRMode
	// Recovery is what that mode delivers here, block by block, with
	// the region it recovers into.
	Recovery  Recovery
	PeakRPS   float64
	Workloads []Workload // application services, in spec order
	// workloadAt indexes Workloads by name once they are planned: the
	// planner, the estimates and the renderers look a workload up for
	// every service, and a scan each time made a large spec's build
	// quadratic in its services (a tenth of the 1,000-service build).
	// An Env assembled by hand has none, and Workload scans.
	workloadAt map[string]int
	Backing    []Workload // the components' pods (dev), empty otherwise
	Pools      []NodePool
	// DaemonSets are the DaemonSets every node runs and what they
	// request there, taken off each pool's allocatable.
	DaemonSets DaemonSetReservation
	Network    Network
	// Components are the building blocks the environment runs, in
	// registration order.
	Components []Component
	// Rates are the messaging destinations' peak rates, in the order the
	// plan declares them (Rated, ConsumedRate).
	Rates []Rate
	Flows []Flow
	// SecurityRules are the NSG rules, by subnet role.
	SecurityRules []SecurityRule
	Secrets       []string
	// Identities are the services' workload identities, in spec order.
	Identities []WorkloadIdentity
	// NameChanges lists every name the naming rules changed from the one
	// physarch wanted (too long, a character the resource refuses, ...),
	// so the documents and the build can say so.
	NameChanges []NameChange
	// PrivateEndpoints are the managed services reached privately.
	PrivateEndpoints []PrivateEndpoint
	// Alerts are the metric alert rules the environment deploys and
	// Diagnostics the resources' diagnostic settings (monitor.go), in
	// registration order.
	Alerts      []Alert
	ActionGroup ActionGroup
	Diagnostics []Diagnostic

	// DowntimeMinutes is what the availability target allows per month
	// (730 hours): (1 − target) × 730 × 60.
	DowntimeMinutes float64
}

// Workload is one service's sizing in one environment.
type Workload struct {
	Name string
	// Pool is the node pool the workload's pods run on: "apps" or a
	// dedicated pool the service names.
	Pool string
	// Namespace is the Kubernetes namespace it runs in (services only).
	Namespace string
	// Kind is the service's workload kind ("" reads as a service).
	// A cronjob's Min and Max are the pods of one run (its parallelism),
	// counted in the node pools at minimum and at maximum because a
	// schedule may fire at any time; a worker's are its KEDA bounds.
	Kind          string
	Port          int
	CPURequest    string // as written, e.g. 250m
	MemRequest    string
	CPULimit      string
	MemLimit      string
	CPURequestM   int64 // millicores
	MemRequestMiB int64
	PeakRPS       float64
	CPUNeededM    float64 // millicores at peak
	Needed        int     // replicas that carry the peak at the CPU target
	Min, Max      int
	Pinned        bool
	PDBMinAvail   int // 0 means the PDB uses maxUnavailable: 1
	HPACPU        int
	HPAMem        int
	// Scratch space: the root filesystem is read-only, so each pod gets an
	// emptyDir of EphemeralLimit at /tmp, and requests EphemeralRequest
	// of the node's disk for it and its logs.
	EphemeralRequest string
	EphemeralLimit   string
	// Secrets are the secrets the container reads (services only).
	Secrets []SecretRef
	// Owner is the settings key of the component that runs the pod
	// (backing pods only): where its storage class is set.
	Owner        string
	Title        string // backing pods only: what the pod runs, such as "PostgreSQL"
	StorageGB    int    // backing pods only
	StorageClass string // backing pods only
	Image        string // backing pods only
	// Sidecar is the container a Sidecared component injects into the
	// pod (nil for none); CPURequestM and MemRequestMiB stay the
	// service's own, and PodCPUM and PodMemMiB add the sidecar's.
	Sidecar *Sidecar
}

// Autoscaled reports whether an HPA scales the workload on CPU (kind
// service): KEDA scales workers, and a cronjob's runs are not scaled.
func (w Workload) Autoscaled() bool { return w.Kind == "" || w.Kind == spec.WorkloadService }

// HasPDB reports whether the workload gets a PodDisruptionBudget: every
// service; a worker only from two replicas up (a budget over fewer, or
// over a worker scaled to zero, would block node drains or guard
// nothing); never a cronjob, whose pods end on their own.
func (w Workload) HasPDB() bool {
	switch w.Kind {
	case spec.WorkloadCronJob:
		return false
	case spec.WorkloadWorker:
		return w.Min >= 2
	}
	return true
}

// PDB describes the disruption budget as Kubernetes spells it.
func (w Workload) PDB() (field string, value int) {
	if w.PDBMinAvail > 0 {
		return "minAvailable", w.PDBMinAvail
	}
	return "maxUnavailable", 1
}

// NodePool is one sized AKS node pool.
type NodePool struct {
	Name        string // system, apps or a dedicated pool's name
	Mode        string // System or User
	VMSize      string
	VCPU        int
	MemoryGiB   int
	AllocCPUM   int64
	AllocMemMiB int64
	// FreeCPUM and FreeMemMiB are what a node offers the pods after the
	// DaemonSets' requests (Env.DaemonSets): the room the packing fills.
	FreeCPUM   int64
	FreeMemMiB int64
	MaxPods    int
	PodSlots   int // max pods less the DaemonSet pods every node runs
	Min, Max   int
	Autoscale  bool
	Spot       bool
	Zones      []int
	Taints     []string
	// Labels are a dedicated pool's own node labels (besides
	// physarch.dev/pool, which every pool has).
	Labels map[string]string
	// GPUs and GPU are each node's accelerators (the VM size's).
	GPUs int
	GPU  string
	// Dedicated marks a pool for a group of services (nodePools.<name>);
	// Services are the services placed on it.
	Dedicated     bool
	Services      []string
	OSDiskGB      int
	NodesAtMin    int // nodes the pods need at minimum replicas (before zone rounding)
	NodesAtMax    int
	RequestedCPUM int64 // pod CPU requests at minimum replicas
	RequestedMiB  int64
}

// MaxSurgePercent is the upgrade surge physarch sets on every pool that
// takes one (Terraform's upgrade_settings.max_surge), AKS's own default:
// "If not specified, the default is 10%" (learn.microsoft.com/dotnet/api/
// microsoft.azure.commands.aks.neworupdateagentpoolbase.maxsurge,
// 2026-12-01). Setting it, rather than relying on the default, keeps the
// subnet formula and the cluster on one figure.
const MaxSurgePercent = 10

// SurgeNodes are the nodes an upgrade adds to the pool at its largest, as
// AKS counts a percentage: of the pool's size, fractional nodes rounded up
// (same source), so at least one. A Spot pool cannot set a surge (AKS
// refuses it: "Spot pools can't set max surge"), yet the figure still
// counts for it: the subnet then holds whatever AKS does during its
// upgrade.
func (np NodePool) SurgeNodes() int {
	return max(1, (np.Max*MaxSurgePercent+99)/100)
}

// Network is the environment's address plan.
type Network struct {
	VNet         string
	ServiceCIDR  string
	DNSServiceIP string
	Subnets      []Subnet
}

// Subnet is one subnet and why it has its size.
type Subnet struct {
	Role       string // aks, endpoints, or a component's (gateway, database)
	Name       string
	NSG        string // its network security group; "" where Azure refuses one (SubnetNeed.NoNSG)
	CIDR       string
	Required   int // addresses its contents need
	Usable     int // addresses Azure leaves usable (size − 5)
	Delegation string
	Pinned     bool
	// Purpose is a component's subnet's purpose (empty for the core's).
	Purpose spec.Text
	// DefaultOutbound is whether the subnet opts in to Azure's default
	// outbound access (SubnetNeed.DefaultOutbound).
	DefaultOutbound bool
}

// Subnet returns the subnet with a role, if any.
func (n Network) Subnet(role string) (Subnet, bool) {
	for _, s := range n.Subnets {
		if s.Role == role {
			return s, true
		}
	}
	return Subnet{}, false
}

// Pool returns the pool with a name.
func (e *Env) Pool(name string) *NodePool {
	for i := range e.Pools {
		if e.Pools[i].Name == name {
			return &e.Pools[i]
		}
	}
	return nil
}

// Workload returns a service's sizing.
func (e *Env) Workload(name string) *Workload {
	if i, ok := e.workloadAt[name]; ok && i < len(e.Workloads) && e.Workloads[i].Name == name {
		return &e.Workloads[i]
	}
	if e.workloadAt != nil && len(e.workloadAt) == len(e.Workloads) {
		return nil
	}
	for i := range e.Workloads {
		if e.Workloads[i].Name == name {
			return &e.Workloads[i]
		}
	}
	return nil
}

// indexWorkloads builds workloadAt; Workloads must not change after it.
func (e *Env) indexWorkloads() {
	e.workloadAt = make(map[string]int, len(e.Workloads))
	for i, w := range e.Workloads {
		e.workloadAt[w.Name] = i
	}
}

// IsProdLike reports whether the environment runs managed services behind
// a gateway (the prod document layout) rather than pods (the dev layout).
func (e *Env) IsProdLike() bool { return e.Profile == "prod" }

// TotalNodes is the node count over all pools at minimum and at maximum.
func (e *Env) TotalNodes() (lo, hi int) {
	for _, p := range e.Pools {
		lo += p.Min
		hi += p.Max
	}
	return lo, hi
}
