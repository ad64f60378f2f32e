// Package plan resolves a spec into one model per environment. Every figure
// any output prints is computed here, once; renderers only format it.
package plan

import "github.com/physarch/physarch/internal/spec"

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
}

// Service is what a service is, whatever the environment.
type Service struct {
	Name     string
	Title    spec.Text
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
	Namespace string
	Names     Names
	Settings  spec.Environment // profile merged with the spec's overrides
	Zones     []int
	RTO, RPO  string
	PeakRPS   float64
	Workloads []Workload // application services, in spec order
	Backing   []Workload // the components' pods (dev), empty otherwise
	Pools     []NodePool
	Network   Network
	// Components are the building blocks the environment runs, in
	// registration order.
	Components []Component
	Flows      []Flow
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

	// DowntimeMinutes is what the availability target allows per month
	// (730 hours): (1 − target) × 730 × 60.
	DowntimeMinutes float64
}

// Workload is one service's sizing in one environment.
type Workload struct {
	Name          string
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
	Name          string // system or apps
	Mode          string // System or User
	VMSize        string
	VCPU          int
	MemoryGiB     int
	AllocCPUM     int64
	AllocMemMiB   int64
	MaxPods       int
	PodSlots      int // max pods less the DaemonSet pods every node runs
	Min, Max      int
	Autoscale     bool
	Spot          bool
	Zones         []int
	Taints        []string
	OSDiskGB      int
	NodesAtMin    int // nodes the pods need at minimum replicas (before zone rounding)
	NodesAtMax    int
	RequestedCPUM int64 // pod CPU requests at minimum replicas
	RequestedMiB  int64
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
	NSG        string // its network security group
	CIDR       string
	Required   int // addresses its contents need
	Usable     int // addresses Azure leaves usable (size − 5)
	Delegation string
	Pinned     bool
	// Purpose is a component's subnet's purpose (empty for the core's).
	Purpose spec.Text
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
	for i := range e.Workloads {
		if e.Workloads[i].Name == name {
			return &e.Workloads[i]
		}
	}
	return nil
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
