package blobstorage

import (
	"fmt"
	"slices"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Ports: Azurite's blob endpoint speaks plain HTTP, the account HTTPS.
const (
	PortAzurite = 10000
	PortHTTPS   = plan.PortHTTPS
)

// Images the dev realisation runs, pinned: Azurite 3.37.0 (2026-08, the
// newest release in its ChangeLog) and the Azure CLI that creates the
// containers in it.
const (
	AzuriteImage  = "mcr.microsoft.com/azure-storage/azurite:3.37.0"
	AzureCLIImage = "mcr.microsoft.com/azure-cli:2.81.0"
)

// The private endpoints' zone, and the subresource of the endpoint that
// reaches the read-only secondary (RA-GRS, RA-GZRS).
const (
	dnsZone              = "privatelink.blob.core.windows.net"
	SubresourceSecondary = "blob_secondary"
)

// Secret is the key of Azurite's account in dev: the emulator only speaks
// Shared Key (its OAuth needs HTTPS), so the pod and the services share
// one key the user creates. The managed account has no key in use:
// shared keys are turned off and services use their identities.
const Secret = "blobstorage-account-key"

// Data roles a using service's identity gets on each of its containers.
// Azure has no built-in write-only data role, so write gets Contributor.
const (
	RoleReader      = "Storage Blob Data Reader"
	RoleContributor = "Storage Blob Data Contributor"
)

// EntraAuthority is where a workload identity gets its tokens (the
// identity webhook's AZURE_AUTHORITY_HOST).
const EntraAuthority = "login.microsoftonline.com"

// Kind is the Blob Storage block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is the storage account as one environment runs it.
type Component struct {
	Mode string // pod (Azurite) or managed
	// Account is the storage account's name; Azurite's account in dev
	// has the same name.
	Account        string
	AccountKind    string
	AccessTier     string
	Redundancy     string
	Lifecycle      Lifecycle
	SoftDeleteDays int
	Versioning     bool
	Containers     []Container
	// Users are the services that use the account, in spec order.
	Users  []User
	Volume Data
	// Endpoint is the blob endpoint the services use; Secondary the
	// read-only endpoint in the paired region (RA-GRS, RA-GZRS).
	Endpoint, Secondary string
	Pod                 *plan.Workload
	// Static is the static content route Front Door serves from a
	// container (backing.blobStorage.staticRoute), if any.
	Static *StaticRoute
	// endpoint: the account is reached through a private endpoint (and
	// its public network access is off).
	endpoint bool
}

// User is one service's use of the account.
type User struct {
	Service    string
	Containers []string
	Access     string // read, write, readwrite
	Role       string // the data role its identity gets on each container
}

// Data is what the account carries: stated figures, or defaults the
// documents mark as such.
type Data struct {
	StoredGB, GrowthGBPerMonth, ReadsM, WritesM float64
	// Stated says which figures the spec gives.
	StatedStored, StatedGrowth, StatedReads, StatedWrites bool
}

// Defaults of the data a spec does not state, and the rules behind the
// operations: the Azure SDKs move blobs in 4 MiB blocks, so 256 operations
// move a GB.
const (
	defaultStoredGB = 100
	opsPerGB        = 256
	readsRule       = "reads assumed: the stored data read once a month in 4 MiB ranges (storedGB × 256); state readsPerMonthMillions"
	writesRule      = "writes assumed: the monthly growth written in 4 MiB blocks (growthGBPerMonth × 256); state writesPerMonthMillions"
	readsRuleKo     = "읽기 가정: 저장 데이터를 한 달에 한 번 4 MiB 범위로 읽음 (`storedGB` × 256); `readsPerMonthMillions`로 명시"
	writesRuleKo    = "쓰기 가정: 월 증가분을 4 MiB 블록으로 씀 (`growthGBPerMonth` × 256); `writesPerMonthMillions`로 명시"
)

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Managed reports whether the environment runs a storage account.
func (c *Component) Managed() bool { return c.Mode == "managed" }

// ReadAccess reports whether the account serves reads from the paired
// region (RA-GRS, RA-GZRS).
func (c *Component) ReadAccess() bool { return strings.HasPrefix(c.Redundancy, "RA-") }

// Geo reports whether the account keeps a copy in the paired region.
func (c *Component) Geo() bool {
	return strings.Contains(c.Redundancy, "GRS") || strings.Contains(c.Redundancy, "GZRS")
}

// Lifecycled reports whether any lifecycle step is on.
func (c *Component) Lifecycled() bool {
	l := c.Lifecycle
	return l.CoolAfterDays+l.ArchiveAfterDays+l.DeleteAfterDays > 0
}

// PrivateEndpoint reports whether the account is reached through a
// private endpoint.
func (c *Component) PrivateEndpoint() bool { return c.endpoint }

// User returns a service's use of the account, if any.
func (c *Component) User(service string) (User, bool) {
	for _, u := range c.Users {
		if u.Service == service {
			return u, true
		}
	}
	return User{}, false
}

// UsersOf lists the services using a container, with their access.
func (c *Component) UsersOf(container string) []string {
	var out []string
	for _, u := range c.Users {
		if slices.Contains(u.Containers, container) {
			out = append(out, u.Service+" ("+u.Access+")")
		}
	}
	return out
}

// Plan implements plan.Kind.
func (Kind) Plan(c *plan.Context) plan.Component {
	b, ok := plan.Backing[Backing](c, Name)
	if !ok {
		return nil
	}
	st := plan.Settings[Settings](c, Name)
	e := c.Env
	bc := &Component{Mode: st.Mode, AccountKind: st.AccountKind, AccessTier: st.AccessTier, Redundancy: st.Redundancy,
		Lifecycle: st.Lifecycle, SoftDeleteDays: st.SoftDeleteDays, Versioning: st.Versioning}
	// "blob" and not Redis's backup account's "st": the two names differ
	// in their first character, which deriving never changes, so they can
	// never be the same name.
	bc.Account = c.Name("storage account", naming.StorageAccount("blob"+strings.ReplaceAll(c.Plan.Name, "-", "")+e.Name))
	for _, ct := range b.Containers {
		access := ct.PublicAccess
		if access == "" {
			access = "none"
		}
		bc.Containers = append(bc.Containers, Container{Name: c.Name("storage container", naming.StorageContainer(ct.Name)), PublicAccess: access})
	}
	for _, sv := range c.Plan.Services {
		u, ok := plan.Uses[Use](c, sv.Name, Name)
		if !ok {
			continue
		}
		user := User{Service: sv.Name, Access: u.Access, Role: RoleContributor}
		if u.Access == "read" {
			user.Role = RoleReader
		}
		for _, n := range u.Containers {
			user.Containers = append(user.Containers, c.Name("storage container", naming.StorageContainer(n)))
		}
		bc.Users = append(bc.Users, user)
	}
	bc.Volume = data(c.Doc, b)
	bc.Static = b.StaticRoute
	if bc.Managed() {
		bc.Endpoint = "https://" + bc.Account + ".blob.core.windows.net"
		if bc.ReadAccess() {
			bc.Secondary = "https://" + bc.Account + "-secondary.blob.core.windows.net"
		}
		bc.endpoint = e.Settings.Network.PrivateEndpoints
		return bc
	}
	bc.Endpoint = fmt.Sprintf("http://%s.%s.svc.cluster.local:%d/%s", Name, e.Namespace, PortAzurite, bc.Account)
	pod := plan.BackingPod(Name, PortAzurite, st.CPU, st.Memory, st.StorageGB, st.StorageClass, AzuriteImage)
	if pod.CPURequestM <= 0 || pod.MemRequestMiB <= 0 {
		c.Fail(c.Path()+"."+Key+".cpu", "set cpu: 100m and memory: 256Mi", "%s pod in %s has no valid CPU/memory request", Name, e.Name)
		return nil
	}
	pod.Owner, pod.Title = Key, "Azurite (Blob Storage)"
	bc.Pod = &pod
	return bc
}

// data is the backing's figures with the defaults of those not stated.
func data(doc *spec.Document, b *Backing) Data {
	p := "backing." + Key + "."
	d := Data{StoredGB: b.StoredGB, GrowthGBPerMonth: b.GrowthGBPerMonth, ReadsM: b.ReadsPerMonthMillions, WritesM: b.WritesPerMonthMillions,
		StatedStored: doc.Stated(p + "storedGB"), StatedGrowth: doc.Stated(p + "growthGBPerMonth"),
		StatedReads: doc.Stated(p + "readsPerMonthMillions"), StatedWrites: doc.Stated(p + "writesPerMonthMillions")}
	if !d.StatedStored {
		d.StoredGB = defaultStoredGB
	}
	if !d.StatedReads {
		d.ReadsM = d.StoredGB * opsPerGB / 1e6
	}
	if !d.StatedWrites {
		d.WritesM = d.GrowthGBPerMonth * opsPerGB / 1e6
	}
	return d
}

// Pods implements plan.Podded: Azurite in dev.
func (c *Component) Pods() []plan.Workload {
	if c.Pod == nil {
		return nil
	}
	return []plan.Workload{*c.Pod}
}

// PrivateEndpoints implements plan.Endpointed: the blob subresource and,
// where the redundancy reads from the paired region (RA-GRS, RA-GZRS), the
// blob_secondary one, or the services could not reach the secondary
// endpoint they are given (AZURE_STORAGE_BLOB_SECONDARY_ENDPOINT) with
// public access off: "For read access to the secondary region ... you need
// separate private endpoints for both the primary and secondary instances
// of the service" (Microsoft, "Use private endpoints for Azure Storage",
// learn.microsoft.com/azure/storage/common/storage-private-endpoints).
// Both are in the zone privatelink.blob.core.windows.net, each takes one
// address, for the one name it publishes (<account>, <account>-secondary).
func (c *Component) PrivateEndpoints() []plan.PrivateEndpoint {
	if !c.endpoint {
		return nil
	}
	out := []plan.PrivateEndpoint{{Service: Name, Title: "Blob Storage", Subresource: "blob", DNSZone: dnsZone, IPs: 1, Ports: []int{PortHTTPS}}}
	if c.ReadAccess() {
		out = append(out, plan.PrivateEndpoint{Service: Name, Title: "Blob Storage", Subresource: SubresourceSecondary, DNSZone: dnsZone, IPs: 1, Ports: []int{PortHTTPS}})
	}
	return out
}

// Flows implements plan.Flowing: a using service reaches the blob
// endpoint.
func (c *Component) Flows(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.Flow {
	if _, ok := c.User(sv.Name); !ok {
		return nil
	}
	if c.Managed() {
		// The service signs in as its workload identity: it exchanges its
		// Kubernetes token for an Entra ID token at the authority, which
		// has no private endpoint.
		return []plan.Flow{{From: sv.Name, To: Name, Port: PortHTTPS, Proto: "HTTPS", Kind: "storage"},
			{From: sv.Name, To: EntraAuthority, Port: PortHTTPS, Proto: "HTTPS", Kind: "identity"}}
	}
	return []plan.Flow{{From: sv.Name, To: Name, Port: PortAzurite, Proto: "HTTP", Kind: "storage"}}
}

// Secrets implements plan.Secreted: Azurite's key in dev; the managed
// account has none in use.
func (c *Component) Secrets(_ *plan.Plan, _ *plan.Env) []string {
	if c.Managed() {
		return nil
	}
	return []string{Secret}
}

// SecretRefs implements plan.Secreted: a using service signs its requests
// to Azurite with the key.
func (c *Component) SecretRefs(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.SecretRef {
	if _, ok := c.User(sv.Name); !ok || c.Managed() {
		return nil
	}
	return []plan.SecretRef{{Env: "AZURE_STORAGE_ACCOUNT_KEY", Secret: Secret}}
}
