// Package facts extracts what a hand-written physical architecture package
// states, figure by figure, each with where it is stated (file, line, the
// line itself): monthly costs per component and per environment,
// availability and downtime claims, ratio claims ("N배"), services with
// their replicas, HPA bounds, PDBs, requests and limits, node pools, SKUs
// with their stated sizes, VNet and subnet CIDRs and fixed IPs, ports,
// queues, regions, RTO/RPO and tiers. The audit's checks compare facts;
// import turns them into a spec. Extraction reads the readers' output only
// (internal/read/...), never physarch's own plan.
package facts

// Kind is what a fact states.
type Kind string

// The kinds of facts.
const (
	Cost         Kind = "cost"         // a component's monthly cost in a cost table
	Total        Kind = "total"        // a cost table's total
	EnvCost      Kind = "envCost"      // an environment's monthly cost stated anywhere
	Availability Kind = "availability" // an availability target, percent
	Downtime     Kind = "downtime"     // allowed downtime per month, minutes (Max: the percent)
	Ratio        Kind = "ratio"        // an "N배" claim (Num: claimed, Max: what the figures give)
	Users        Kind = "users"
	Service      Kind = "service"
	ServiceCount Kind = "serviceCount" // "7개 마이크로서비스"
	Replicas     Kind = "replicas"
	HPAMin       Kind = "hpaMin"
	HPAMax       Kind = "hpaMax"
	PDBMin       Kind = "pdbMinAvailable"
	PDBMaxUnav   Kind = "pdbMaxUnavailable"
	Request      Kind = "request" // Value: "cpu/memory"
	Limit        Kind = "limit"
	NodePool     Kind = "nodePool"  // Subject: pool, Value: VM size
	VMSize       Kind = "vmSize"    // Subject: size, Num: vCPU, Max: memory GiB
	CacheSize    Kind = "cacheSize" // Subject: P2, Num: stated GB
	SKU          Kind = "sku"       // Subject: component, Value: SKU
	VNet         Kind = "vnet"
	Subnet       Kind = "subnet" // Subject: normalised name, Value: CIDR
	IP           Kind = "ip"     // Value: the address, Subject: the subnet CIDR it is drawn in ("" if none)
	Port         Kind = "port"   // Subject: service or backing service
	Queue        Kind = "queue"
	Region       Kind = "region"
	RTO          Kind = "rto" // minutes
	RPO          Kind = "rpo"
	Tier         Kind = "tier"     // Subject: component (aks, redis, ...)
	HostPath     Kind = "hostPath" // a hostPath volume is used
	System       Kind = "system"   // the system's name, from a title or a diagram comment
	Route        Kind = "route"    // Subject: service, Value: path
	Produces     Kind = "produces" // Subject: service, Value: queue (a diagram's edge)
	Consumes     Kind = "consumes" // Subject: service, Value: queue
)

// Src is where a fact is stated.
type Src struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"column,omitempty"`
	Text    string `json:"text"`
	Section string `json:"section,omitempty"`
	// Diagram is true for a Mermaid or PlantUML file.
	Diagram bool `json:"diagram,omitempty"`
}

// Fact is one stated figure.
type Fact struct {
	Kind    Kind    `json:"kind"`
	Env     string  `json:"env,omitempty"`
	Subject string  `json:"subject,omitempty"`
	Value   string  `json:"value,omitempty"`
	Num     float64 `json:"num,omitempty"`
	Max     float64 `json:"max,omitempty"`
	// Table groups the rows of one cost table (file:line of its header).
	Table string `json:"table,omitempty"`
	// Bound is true for a figure stated as a limit ("월 $200 이하").
	Bound bool `json:"bound,omitempty"`
	// Cell is "row label | cell" for a figure read from one environment's
	// column of a comparison table: the words around it that say what it
	// is, without the other environments' cells.
	Cell string `json:"cell,omitempty"`
	Src  Src    `json:"source"`
}

// Set is every fact of a package, with the files they came from.
type Set struct {
	Files []*File `json:"files"`
	Facts []Fact  `json:"facts"`
}

// Of returns the facts of one kind, in file and line order.
func (s *Set) Of(k Kind) []Fact {
	var out []Fact
	for _, f := range s.Facts {
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}
