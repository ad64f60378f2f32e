package plan

import (
	"fmt"
	"sort"

	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/spec"
)

// Kind is a building block: one package under internal/component owns
// everything about it (its spec section, how it is planned, priced,
// reached, realised and described) and registers it in
// internal/components. The planner plans every kind in every environment
// and names none.
type Kind interface {
	// Name is the block's name, such as "postgresql".
	Name() string
	// Section is the block's part of the spec.
	Section() spec.Section
	// Plan returns the block as one environment runs it, or nil when the
	// system does not use it there. Problems are reported on c.
	Plan(c *Context) Component
}

// Component is a planned building block in one environment. Besides ID it
// offers facets, small interfaces each stage defines and reads: the
// planner's below, cost.Priced, availability.Linked, the renderers' own.
type Component interface {
	// ID names the component in flows, diagrams and manifests, unique in
	// the environment ("postgresql").
	ID() string
}

// Podded is a component the cluster runs as pods (dev's PostgreSQL): its
// pods are packed onto the apps pool with the services'.
type Podded interface{ Pods() []Workload }

// Sidecared is a component that injects a container into the pods of
// every long-running service (a service mesh's proxy): its requests and
// limits, which the node packing and the namespaces' quotas and limit
// ranges count with the service's own (cronjobs get none: a sidecar
// would keep a Job's pod from completing).
type Sidecared interface{ Sidecar() Sidecar }

// Sidecar is an injected container's requests and limits, as written
// (100m, 128Mi).
type Sidecar struct{ CPURequest, MemRequest, CPULimit, MemLimit string }

// Subnetted is a component that needs subnets of its own.
type Subnetted interface{ SubnetNeeds() []SubnetNeed }

// Endpointed is a component reached through private endpoints: the
// endpoints it offers where the environment uses private endpoints
// (network.privateEndpoints), without their names, which the planner gives.
type Endpointed interface{ PrivateEndpoints() []PrivateEndpoint }

// SecretStore is a component that keeps the services' secrets outside the
// cluster (Key Vault). Where one holds them, each service that reads
// secrets gets a class of its own (WorkloadIdentity.SecretClass) that
// syncs exactly its secrets from the store.
type SecretStore interface{ HoldsServiceSecrets() bool }

// JobRunner is a component with one-off Jobs of its own that read secrets
// no service may read (the administrator password a database's init Job
// signs in with to create the owners' roles). Where a store outside the
// cluster holds the secrets (SecretStore), the planner gives each Job an
// identity, a credential and a class of its own, as it gives a service,
// and the Job reads the secrets as files from the class's volume: nothing
// syncs them into a Kubernetes Secret another pod could name.
type JobRunner interface {
	Jobs(pl *Plan, e *Env) []ComponentJob
}

// ComponentJob is one Job a component runs: its name (also its
// ServiceAccount's) and the secrets it reads.
type ComponentJob struct {
	Name    string
	Secrets []string
}

// Edge is a component requests from the internet pass on their way to the
// services: a global edge (Front Door) in front of the regional entry (the
// Application Gateway, the NGINX ingress's load balancer). Stages that draw
// or estimate the way in take these in EdgeOrder, outermost first, since a
// request meets them in that order whatever the registration order.
type Edge interface{ EdgeTier() int }

// Edge tiers, outermost first.
const (
	EdgeGlobal   = 0 // in front of the region, such as Front Door
	EdgeRegional = 1 // the region's entry, such as the gateway
	EdgeAPI      = 2 // behind the region's entry, in front of the services, such as API Management
)

// Egress is a component the cluster's outbound traffic leaves through
// instead of the cluster's load balancer (Azure Firewall): the cluster's
// outbound type, such as "userDefinedRouting", or "" where it does not
// route the cluster. The cluster's Terraform reads it; the component
// writes the route that makes it true.
type Egress interface{ OutboundType() string }

// Placed is a component that learns its addresses once the network is
// placed.
type Placed interface{ Place(e *Env) }

// Flowing is a component services connect to: the network policies, NSG
// rules and diagram edges are drawn from its flows, one service at a time
// so that each service's flows stay together.
type Flowing interface {
	Flows(pl *Plan, e *Env, sv Service) []Flow
}

// Guarded is a component whose subnets carry NSG rules of their own.
type Guarded interface{ SecurityRules(e *Env) []SecurityRule }

// Secreted is a component with secrets: the environment's list, and what
// each service's container reads.
type Secreted interface {
	Secrets(pl *Plan, e *Env) []string
	SecretRefs(pl *Plan, e *Env, sv Service) []SecretRef
}

// Declaring is a kind whose spec declares messaging destinations (queues,
// topics): the plan names them once, for every environment and for the
// services that send to and receive from them. name derives a name by its
// platform's rule and records a change.
type Declaring interface {
	Destinations(doc *spec.Document, name func(resource string, n naming.Name) string) []Destination
}

// Destination is one declared messaging destination as the plan names it.
type Destination struct {
	Owner    string // the kind that declares it
	Kind     string // queue, topic
	Declared string // its name in the spec
	Name     string // the name the platform uses
	Path     string // where the spec declares it
}

// SubnetNeed is one subnet a component needs, before placement.
type SubnetNeed struct {
	Role, Name, Delegation string
	Required               int // addresses its contents need
	MinBits                int // the smallest prefix length Azure accepts (larger number = smaller)
	// Purpose says what the subnet holds, for the documents' subnet table.
	Purpose spec.Text
	// NoNSG: Azure refuses a network security group on the subnet
	// (AzureFirewallSubnet), so the plan gives it none (Subnet.NSG "").
	NoNSG bool
	// DefaultOutbound opts the subnet in to Azure's default outbound
	// access: subnets of VNets created since 2026-03-31 are private by
	// default, and a VM there (a jump host installing its tools) has no
	// way out otherwise. Subnets whose traffic leaves by the cluster's
	// load balancer leave it unset.
	DefaultOutbound bool
}

// Context is what a kind plans one environment from.
type Context struct {
	Doc   *spec.Document
	Plan  *Plan
	Env   *Env
	Index int // the environment's index in the spec
	p     *planner
	r     *renamer
}

// Path is the spec path of the environment ("environments[1]").
func (c *Context) Path() string { return fmt.Sprintf("environments[%d]", c.Index) }

// Fail reports a problem at a spec path, with a hint.
func (c *Context) Fail(path, hint, format string, args ...any) { c.p.fail(path, hint, format, args...) }

// Name derives a resource's name by its rule and records the change when
// the rule had to change it.
func (c *Context) Name(resource string, n naming.Name) string { return c.r.use(resource, n) }

// Settings is a block's settings in the environment being planned.
func Settings[T any](c *Context, kind string) *T {
	if v, ok := spec.Block[T](c.Doc.Spec.Environments[c.Index].Blocks, kind); ok {
		return v
	}
	return new(T)
}

// Backing is a block's system-wide section, when the spec has it.
func Backing[T any](c *Context, kind string) (*T, bool) {
	return spec.Block[T](c.Doc.Spec.Backing.Blocks, kind)
}

// Component returns the environment's component with an ID, if any.
func (e *Env) Component(id string) (Component, bool) {
	for _, c := range e.Components {
		if c.ID() == id {
			return c, true
		}
	}
	return nil, false
}

// Find returns the environment's first component of a Go type, such as
// *postgresql.Component: a block's own rules and renderers find their
// component this way.
func Find[T Component](e *Env) (T, bool) {
	for _, c := range e.Components {
		if t, ok := c.(T); ok {
			return t, true
		}
	}
	var zero T
	return zero, false
}

// EdgeOrder returns the environment's components on the way in (Edge),
// outermost first; components of one tier keep registration order.
func EdgeOrder(e *Env) []Component {
	var out []Component
	for _, c := range e.Components {
		if _, ok := c.(Edge); ok {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].(Edge).EdgeTier() < out[j].(Edge).EdgeTier() })
	return out
}

// Facets returns the environment's components that offer a facet, in
// registration order.
func Facets[F any](e *Env) []F {
	var out []F
	for _, c := range e.Components {
		if f, ok := c.(F); ok {
			out = append(out, f)
		}
	}
	return out
}

// Uses is how a service uses a block (services[].uses.<key>), when it
// does.
func Uses[T any](c *Context, service, kind string) (*T, bool) {
	for i := range c.Doc.Spec.Services {
		if sv := &c.Doc.Spec.Services[i]; sv.Name == service {
			return spec.Block[T](sv.Uses.Blocks, kind)
		}
	}
	return nil, false
}
