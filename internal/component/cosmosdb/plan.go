package cosmosdb

import (
	"fmt"
	"math"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Ports: the API for NoSQL over HTTPS (the services use gateway mode, so
// 443 is the only port they need), the API for MongoDB over TLS, and the
// mongo pod's plain port.
const (
	PortNoSQL    = 443
	PortMongo    = 10255
	PortMongoPod = 27017
)

// Secret holds the account's primary key (the API for MongoDB's password;
// the mongo pod's root password). One per account.
const Secret = "cosmosdb-key"

// serverlessLoad is the average share of the peak a serverless account is
// assumed to serve over a month, for its request-unit estimate (the rule
// Service Bus's operations estimate uses too).
const serverlessLoad = 0.3

// Kind is the Cosmos DB block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the Cosmos DB account as one environment runs it.
type Component struct {
	API          string // NoSQL or MongoDB
	Mode         string // managed or pod
	Capacity     string // provisioned, autoscale or serverless
	Consistency  string
	MongoVersion string
	// Regions are the account's regions, the system's first (failover
	// priority 0), each zone-redundant where asked and where it has zones.
	Regions           []Region
	MultiRegionWrites bool
	Backup            Backup
	// Account is the account's name; Host and Port where services reach
	// it (the pod's Service in mode pod).
	Account string
	Host    string
	Port    int
	// HeadroomPercent is planned above the peak need; HeadroomStated says
	// the spec gave it.
	HeadroomPercent int
	HeadroomStated  bool
	// Pinned is the RU/s the environment pins on every container (0 when
	// sized from the load).
	Pinned     int
	Figures    DataPlan
	Databases  []DatabasePlan
	Containers []*ContainerPlan
	// Users are the services that use the account, in spec order.
	Users []User
	// MonthlyMillionRU is the serverless estimate of request units a month.
	MonthlyMillionRU float64
	Pod              *plan.Workload
	endpoint         bool
	users            map[string]*User
}

// Region is one of the account's regions.
type Region struct {
	Name             string
	FailoverPriority int
	ZoneRedundant    bool
}

// DataPlan is the data the account carries, stated or defaulted.
type DataPlan struct {
	StoredGB, GrowthGBPerMonth, RUPerRead, RUPerWrite, ReadPercent float64
	StoredStated, GrowthStated, ReadStated, WriteStated, MixStated bool
	// PlannedGB is the storage after a year of growth.
	PlannedGB float64
}

// DatabasePlan is one database and its containers.
type DatabasePlan struct {
	Name       string
	Containers []*ContainerPlan
}

// ContainerPlan is one container with its sized throughput.
type ContainerPlan struct {
	Database, Name, PartitionKey string
	Users                        []string
	// NeedRUs is the peak RU/s of the services using it, without headroom.
	NeedRUs float64
	// RUs is the manual RU/s (provisioned) or the autoscale maximum; 0 on
	// serverless. FloorRUs is where autoscale scales down to.
	RUs, FloorRUs int
	// Why says what decided RU/s: load, minimum, storage or pinned.
	Why string
	// StorageGB is the container's share of the planned storage; Burst
	// the most RU/s a serverless container serves at that storage.
	StorageGB float64
	Burst     int
}

// User is how one service uses the account.
type User struct {
	Service      string
	Containers   []string
	RUPerRequest float64
	Stated       bool // the spec gave rusPerRequest
	PeakRPS      float64
	// ConsumedRate is the messages (events) a second the service receives
	// at peak from the queues, topics and event hubs it consumes: the
	// plan's figure (plan.ConsumedRate). Each is one write of RUPerMessage:
	// the stated ruPerWrite, else the service's RU per request
	// (MessageStated says whether either is the spec's own).
	ConsumedRate  float64
	RUPerMessage  float64
	MessageStated bool
	// NeedRUs is the service's peak RU/s: requests and consumed messages,
	// rounded once (roundRU).
	NeedRUs float64
	Path    string // services[i].uses.cosmosDB
}

// roundRU rounds a RU/s figure to 0.1, half up, once, in the plan: every
// table prints the planned figure. The 1e-6 absorbs the binary error of
// products such as 0.83 × 5 (4.1499999999999995 in floating point, 4.15
// in decimal, so 4.2).
func roundRU(v float64) float64 { return math.Round(v*10+1e-6) / 10 }

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Managed reports whether the environment runs an Azure Cosmos DB account.
func (c *Component) Managed() bool { return c.Mode == "managed" }

// ZoneRedundant reports whether the account's own region is zone-redundant.
func (c *Component) ZoneRedundant() bool { return len(c.Regions) > 0 && c.Regions[0].ZoneRedundant }

// Uses returns how a service uses the account, if it does.
func (c *Component) Uses(service string) (*User, bool) {
	u, ok := c.users[service]
	return u, ok
}

// TotalRUs is the RU/s (or autoscale maxima) of every container, in one
// region.
func (c *Component) TotalRUs() int {
	n := 0
	for _, ct := range c.Containers {
		n += ct.RUs
	}
	return n
}

// Plan implements plan.Kind.
func (Kind) Plan(c *plan.Context) plan.Component {
	b, ok := plan.Backing[Backing](c, Name)
	if !ok {
		return nil
	}
	st := plan.Settings[Settings](c, Name)
	e, doc, path := c.Env, c.Doc, c.Path()+"."+Key
	x := &Component{API: apiOf(b), Mode: st.Mode, Capacity: st.Capacity, Consistency: b.Consistency, MongoVersion: b.MongoVersion,
		MultiRegionWrites: st.MultiRegionWrites, Backup: st.Backup, HeadroomPercent: st.HeadroomPercent,
		HeadroomStated: doc.Stated(path + ".headroomPercent"), users: map[string]*User{}}
	if x.Consistency == "" {
		x.Consistency = "Session"
	}
	if x.MongoVersion == "" {
		x.MongoVersion = "7.0"
	}
	x.Figures = dataPlan(b.Data, doc)
	x.users = map[string]*User{}
	for i, sv := range doc.Spec.Services {
		u, ok := spec.Block[Use](sv.Uses.Blocks, Name)
		if !ok {
			continue
		}
		user := User{Service: sv.Name, Containers: u.Containers, RUPerRequest: u.RUsPerRequest, Path: fmt.Sprintf("services[%d].uses.%s", i, Key)}
		user.Stated = doc.Stated(user.Path + ".rusPerRequest")
		if user.RUPerRequest == 0 {
			r := x.Figures.ReadPercent / 100
			user.RUPerRequest = r*x.Figures.RUPerRead + (1-r)*x.Figures.RUPerWrite
		}
		if w := e.Workload(sv.Name); w != nil {
			user.PeakRPS = w.PeakRPS
		}
		user.RUPerMessage, user.MessageStated = user.RUPerRequest, user.Stated
		if x.Figures.WriteStated {
			user.RUPerMessage, user.MessageStated = x.Figures.RUPerWrite, true
		}
		for _, ps := range c.Plan.Services {
			if ps.Name == sv.Name {
				user.ConsumedRate = plan.ConsumedRate(e, ps)
			}
		}
		user.NeedRUs = roundRU(user.PeakRPS*user.RUPerRequest + user.ConsumedRate*user.RUPerMessage)
		x.Users = append(x.Users, user)
	}
	for i := range x.Users {
		x.users[x.Users[i].Service] = &x.Users[i]
	}
	for _, db := range b.Databases {
		d := DatabasePlan{Name: db.Name}
		for _, ct := range db.Containers {
			cp := &ContainerPlan{Database: db.Name, Name: ct.Name, PartitionKey: ct.PartitionKey}
			d.Containers = append(d.Containers, cp)
			x.Containers = append(x.Containers, cp)
		}
		x.Databases = append(x.Databases, d)
	}
	if x.Mode == "pod" {
		return planPod(c, st, x)
	}
	x.Account = c.Name("Cosmos DB account", naming.CosmosAccount("cosmos-"+c.Plan.Name+"-"+e.Name))
	x.Host, x.Port = x.Account+".documents.azure.com", PortNoSQL
	if x.API == "MongoDB" {
		x.Host, x.Port = x.Account+".mongo.cosmos.azure.com", PortMongo
	}
	x.Regions = []Region{{Name: c.Plan.Region, ZoneRedundant: st.ZoneRedundant && hasZones(c.Plan.Region)}}
	for i, r := range st.ReadRegions {
		x.Regions = append(x.Regions, Region{Name: r, FailoverPriority: i + 1, ZoneRedundant: st.ZoneRedundant && hasZones(r)})
	}
	x.endpoint = e.Settings.Network.PrivateEndpoints
	switch x.Capacity {
	case "provisioned":
		x.Pinned = st.Throughput
	case "autoscale":
		x.Pinned = st.MaxThroughput
	}
	if !size(c, x, path) {
		return nil
	}
	return x
}

// hasZones reports whether a region has availability zones.
func hasZones(region string) bool {
	r, ok := azure.LookupRegion(region)
	return ok && r.Zones > 0
}

// dataPlan fills the defaults of what the spec does not state.
func dataPlan(d Data, doc *spec.Document) DataPlan {
	p := "backing." + Key + ".data."
	or := func(v, def float64) float64 {
		if v == 0 {
			return def
		}
		return v
	}
	dp := DataPlan{
		StoredGB: or(d.StoredGB, defaultStoredGB), GrowthGBPerMonth: d.GrowthGBPerMonth,
		RUPerRead: or(d.RUPerRead, defaultRUPerRead), RUPerWrite: or(d.RUPerWrite, defaultRUPerWrite), ReadPercent: d.ReadPercent,
		StoredStated: doc.Stated(p + "storedGB"), GrowthStated: doc.Stated(p + "growthGBPerMonth"),
		ReadStated: doc.Stated(p + "ruPerRead"), WriteStated: doc.Stated(p + "ruPerWrite"), MixStated: doc.Stated(p + "readPercent"),
	}
	// Zero is a stated growth or read share; only an absent one is
	// defaulted.
	if !dp.GrowthStated {
		dp.GrowthGBPerMonth = defaultGrowthGB
	}
	if !dp.MixStated {
		dp.ReadPercent = defaultReadPercent
	}
	dp.PlannedGB = dp.StoredGB + growthMonths*dp.GrowthGBPerMonth
	return dp
}

// size sizes every container's RU/s from the load of the services using
// it, within Cosmos DB's limits, and reports what Cosmos DB would refuse.
func size(c *plan.Context, x *Component, path string) bool {
	l := azure.Cosmos()
	ok := true
	perContainer := 0.0
	if n := len(x.Containers); n > 0 {
		perContainer = x.Figures.PlannedGB / float64(n)
	}
	heaviest := map[string]string{} // container → path of its heaviest user
	top := map[string]float64{}
	for _, u := range x.Users {
		if len(u.Containers) == 0 {
			continue
		}
		share := u.NeedRUs / float64(len(u.Containers))
		for _, name := range u.Containers {
			if share > top[name] {
				top[name], heaviest[name] = share, u.Path
			}
		}
		x.MonthlyMillionRU += u.NeedRUs * serverlessLoad * 730 * 3600 / 1e6
	}
	x.MonthlyMillionRU = math.Round(x.MonthlyMillionRU*10) / 10
	needs(x)
	for _, ct := range x.Containers {
		ct.StorageGB = perContainer
		blame := heaviest[ct.Name]
		if blame == "" {
			blame = "backing." + Key + ".databases"
		}
		sized := ct.NeedRUs * (1 + float64(x.HeadroomPercent)/100)
		switch x.Capacity {
		case "serverless":
			ct.Burst = l.ServerlessBurst(perContainer)
			if perContainer > float64(l.ServerlessMaxGB) {
				c.Fail(storagePath(c, x), fmt.Sprintf("a serverless container stores at most %d GB (1 TB); use capacity: autoscale, or more containers", l.ServerlessMaxGB),
					"serverless container %q would hold %.0f GB after a year (%.0f GB stored + %d months of growth, spread over %d containers)", ct.Name, perContainer, x.Figures.StoredGB, growthMonths, len(x.Containers))
				ok = false
			}
			continue
		case "provisioned":
			ct.RUs, ct.Why = pick(sized, perContainer*float64(l.ManualPerGB), l.ManualMin, l.ManualStep)
		case "autoscale":
			ct.RUs, ct.Why = pick(sized, perContainer*float64(l.AutoscalePerGB), l.AutoscaleMin, l.AutoscaleStep)
		}
		if x.Pinned > 0 {
			perGB, key := l.ManualPerGB, "throughput"
			if x.Capacity == "autoscale" {
				perGB, key = l.AutoscalePerGB, "maxThroughput"
			}
			if floor := perContainer * float64(perGB); float64(x.Pinned) < floor {
				c.Fail(path+"."+key, fmt.Sprintf("Cosmos DB keeps at least %d RU/s per stored GB on %s throughput; pin %d or more, or remove the pin", perGB, x.Capacity, roundUp(int(math.Ceil(floor)), 100)),
					"%s %d RU/s is below what container %q needs for its %.0f GB", key, x.Pinned, ct.Name, perContainer)
				ok = false
			}
			ct.RUs, ct.Why = x.Pinned, "pinned"
		}
		if ct.RUs > l.MaxRUs {
			what := fmt.Sprintf("%.0f RU/s at peak with %d%% headroom", sized, x.HeadroomPercent)
			if ct.Why == "storage" {
				what, blame = fmt.Sprintf("a floor for its %.0f GB", perContainer), storagePath(c, x)
			}
			c.Fail(blame, "spread the data over more containers, lower the RU per request, or ask Azure support to raise the limit and pin throughput", "container %q needs %s; Cosmos DB gives a container at most 1,000,000 RU/s", ct.Name, what)
			ok = false
			continue
		}
		if x.Capacity == "autoscale" {
			ct.FloorRUs = ct.RUs * l.AutoscaleFloorPercent / 100
		}
	}
	return ok
}

// pick rounds a sized need up to a step, at least the minimum and the
// storage floor, and says which of the three decided.
func pick(sized, storage float64, minimum, step int) (int, string) {
	if sized > 1e9 || storage > 1e9 {
		return math.MaxInt32, "load"
	}
	load := roundUp(int(math.Ceil(sized)), step)
	floor := roundUp(int(math.Ceil(storage)), step)
	switch {
	case load >= floor && load > minimum:
		return load, "load"
	case floor > minimum:
		return floor, "storage"
	}
	return minimum, "minimum"
}

// storagePath points at the stated storage, or at the capacity that
// cannot hold the default.
func storagePath(c *plan.Context, x *Component) string {
	if x.Figures.StoredStated {
		return "backing." + Key + ".data.storedGB"
	}
	return c.Path() + "." + Key + ".capacity"
}

// planPod runs the API for MongoDB as a mongo pod.
func planPod(c *plan.Context, st *Settings, x *Component) plan.Component {
	x.Host, x.Port = fmt.Sprintf("%s.%s.svc.cluster.local", Name, c.Env.Namespace), PortMongoPod
	pod := plan.BackingPod(Name, PortMongoPod, st.CPU, st.Memory, st.StorageGB, st.StorageClass, "mongo:"+x.MongoVersion)
	if pod.CPURequestM <= 0 || pod.MemRequestMiB <= 0 {
		c.Fail(c.Path()+"."+Key+".cpu", "set cpu: 250m and memory: 512Mi", "%s pod in %s has no valid CPU/memory request", Name, c.Env.Name)
		return nil
	}
	pod.Owner, pod.Title = Key, "MongoDB"
	x.Pod = &pod
	needs(x)
	return x
}

// needs gives each container its users and its peak need: the sum of
// its users' planned RU/s, each spread evenly over the containers the
// user names, rounded once more only where a user's share is split.
func needs(x *Component) {
	for _, ct := range x.Containers {
		sum := 0.0
		for _, u := range x.Users {
			for _, n := range u.Containers {
				if n == ct.Name {
					ct.Users = append(ct.Users, u.Service)
					sum += u.NeedRUs / float64(len(u.Containers))
				}
			}
		}
		ct.NeedRUs = roundRU(sum)
	}
}

// Pods implements plan.Podded.
func (c *Component) Pods() []plan.Workload {
	if c.Pod == nil {
		return nil
	}
	return []plan.Workload{*c.Pod}
}

// subresource is the private link group of the account's API.
func (c *Component) subresource() (string, string) {
	if c.API == "MongoDB" {
		return "MongoDB", "privatelink.mongo.cosmos.azure.com"
	}
	return "Sql", "privatelink.documents.azure.com"
}

// PrivateEndpoints implements plan.Endpointed. The endpoint takes one
// address per region of the account and one for its global endpoint
// (Microsoft, "Configure Azure Private Link for an Azure Cosmos DB
// account", learn.microsoft.com/azure/cosmos-db/how-to-configure-private-endpoints,
// "Update private endpoint when you add or remove a region": an account in
// 3 regions reserves 4 private IPs), so 2 for a single-region account.
func (c *Component) PrivateEndpoints() []plan.PrivateEndpoint {
	if !c.Managed() || !c.endpoint {
		return nil
	}
	sub, zone := c.subresource()
	return []plan.PrivateEndpoint{{Service: Name, Title: "Cosmos DB", Subresource: sub, DNSZone: zone, IPs: len(c.Regions) + 1, Ports: []int{c.Port}}}
}

// Flows implements plan.Flowing: a service reaches the account.
func (c *Component) Flows(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.Flow {
	if _, ok := c.users[sv.Name]; !ok {
		return nil
	}
	proto := "HTTPS"
	if c.API == "MongoDB" {
		proto = "TCP"
	}
	return []plan.Flow{{From: sv.Name, To: Name, Port: c.Port, Proto: proto, Kind: "database"}}
}

// Secrets implements plan.Secreted.
func (c *Component) Secrets(_ *plan.Plan, _ *plan.Env) []string { return []string{Secret} }

// SecretRefs implements plan.Secreted: a service using the account reads
// its key.
func (c *Component) SecretRefs(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.SecretRef {
	if _, ok := c.users[sv.Name]; !ok {
		return nil
	}
	return []plan.SecretRef{{Env: "COSMOS_KEY", Secret: Secret}}
}
