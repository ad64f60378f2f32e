package azuresql

import (
	"fmt"
	"math"
	"strings"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/spec"
)

// Port is the TDS port, in both modes. The managed server uses the Proxy
// connection policy, so 1433 is the only port a client needs (Redirect
// would also need 11000–11999 to the private endpoint).
const Port = 1433

// AdminSecret holds the administrator password: the dev pod's sa, and the
// logical server's administrator (Terraform takes it as a variable). No
// service reads it.
const AdminSecret = "azuresql-admin-password"

// dnsZone is the private DNS zone of Azure SQL Database's private
// endpoints.
const dnsZone = "privatelink.database.windows.net"

// Sizing rules for a database's max size: the stated data plus the
// horizon's growth, with headroom, rounded up.
const (
	sizeHeadroom = 1.25
	sizeStepGB   = 10
)

// Kind is the Azure SQL Database block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Database is one service's database as an environment runs it.
type Database struct {
	Name  string
	Owner string
	// User is the contained database user the owner logs in as.
	User string
	// StoredGB and GrowthGB are what the database holds and gains a
	// month; StoredStated and GrowthStated say whether the spec says so
	// (else they are the defaults).
	StoredGB, GrowthGB         float64
	StoredStated, GrowthStated bool
	// NeedGB is the data after the horizon's growth.
	NeedGB float64
	// MaxSizeGB is the database's max size (managed).
	MaxSizeGB int
	// PoolSize is the connections each of the owner's replicas opens.
	PoolSize int
	// Password is the owner's password secret.
	Password string
}

// Component is Azure SQL as one environment runs it.
type Component struct {
	Mode    string // pod or managed
	Tier    string // GeneralPurpose or BusinessCritical
	Compute string // provisioned or serverless
	// Size is the compute size every database runs (managed); SKU its
	// sku_name, or the pod's image.
	Size azure.SQLSize
	SKU  string
	// MinVCores and AutoPause are a serverless database's minimum and
	// its idle minutes before it pauses (-1: never).
	MinVCores float64
	AutoPause int
	// ZoneRedundant is what the environment runs; ZonesTooFew says the
	// settings asked for it but the environment has one zone.
	ZoneRedundant, ZonesTooFew bool
	BackupRedundancy           string
	RetentionDays              int
	// PinnedSize is the settings' maxSizeGB, 0 when sized from the data.
	PinnedSize int
	// Collation, ReadPercent and HorizonMonths are the system's, with
	// the stated ones in stated.
	Collation     string
	ReadPercent   int
	HorizonMonths int
	Version       string
	Image         string
	// Server is the logical server's name; FQDN where clients reach it.
	Server    string
	FQDN      string
	Databases []Database
	Pod       *plan.Workload
	// endpoint: the server is reached through a private endpoint, and
	// its public network access is off.
	endpoint bool
	stated   map[string]bool
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Managed reports whether the environment runs Azure SQL Database.
func (c *Component) Managed() bool { return c.Mode == "managed" }

// Serverless reports whether the databases run serverless compute.
func (c *Component) Serverless() bool { return c.Managed() && c.Compute == "serverless" }

// Endpoint reports whether the server is reached through a private
// endpoint.
func (c *Component) Endpoint() bool { return c.endpoint }

// Stated reports whether the spec states a backing figure ("storedGB",
// "growthGBPerMonth", "readPercent", "horizonMonths", "collation") rather
// than physarch assuming its default.
func (c *Component) Stated(key string) bool { return c.stated[key] }

// Plan implements plan.Kind: a server wherever a service owns a database.
func (Kind) Plan(c *plan.Context) plan.Component {
	b, ok := plan.Backing[Backing](c, Name)
	if !ok {
		return nil
	}
	st := plan.Settings[Settings](c, Name)
	e := c.Env
	bp := "backing." + Key + "."
	x := &Component{
		Mode: st.Mode, Tier: st.Tier, Compute: st.Compute, MinVCores: st.MinVCores, AutoPause: st.AutoPauseMinutes,
		BackupRedundancy: st.BackupRedundancy, RetentionDays: st.BackupRetentionDays, PinnedSize: st.MaxSizeGB,
		Collation: or(b.Collation, defaultCollation), Version: or(b.Version, defaultVersion),
		ReadPercent: b.ReadPercent, HorizonMonths: b.HorizonMonths,
		stated: map[string]bool{},
	}
	for _, k := range []string{"storedGB", "growthGBPerMonth", "readPercent", "horizonMonths", "collation", "version"} {
		x.stated[k] = c.Doc.Stated(bp + k)
	}
	if !x.stated["readPercent"] {
		x.ReadPercent = defaultReadPercent
	}
	if !x.stated["horizonMonths"] {
		x.HorizonMonths = defaultHorizon
	}
	stored, growth := b.StoredGB, b.GrowthGBPerMonth
	if !x.stated["storedGB"] {
		stored = defaultStoredGB
	}
	if !x.stated["growthGBPerMonth"] {
		growth = defaultGrowthGB
	}
	x.Image = "mcr.microsoft.com/mssql/server:" + x.Version + "-latest"
	for i, sv := range c.Doc.Spec.Services {
		u, ok := spec.Block[Use](sv.Uses.Blocks, Name)
		if !ok || u.Database == "" {
			continue
		}
		up := fmt.Sprintf("services[%d].uses.%s.", i, Key)
		db := Database{Owner: sv.Name, User: appenv.DBUser(sv.Name), StoredGB: stored, GrowthGB: growth,
			StoredStated: x.stated["storedGB"], GrowthStated: x.stated["growthGBPerMonth"], PoolSize: u.PoolSize}
		db.Name = c.Name("Azure SQL database", naming.SQLDatabase(u.Database))
		if c.Doc.Stated(up + "storedGB") {
			db.StoredGB, db.StoredStated = u.StoredGB, true
		}
		if c.Doc.Stated(up + "growthGBPerMonth") {
			db.GrowthGB, db.GrowthStated = u.GrowthGBPerMonth, true
		}
		if db.PoolSize == 0 {
			db.PoolSize = sv.DBPool
		}
		if db.PoolSize == 0 {
			db.PoolSize = spec.DefaultDBPool
		}
		db.NeedGB = db.StoredGB + db.GrowthGB*float64(x.HorizonMonths)
		db.Password = c.Name("Key Vault secret", naming.KeyVaultSecret(sv.Name+"-sql-password"))
		x.Databases = append(x.Databases, db)
	}
	if len(x.Databases) == 0 {
		return nil
	}
	if x.Managed() {
		size, ok := azure.LookupSQL(st.Tier, st.Compute, st.VCores)
		if !ok {
			c.Fail(c.Path()+"."+Key+".vCores", fmt.Sprintf("%s %s offers %s vCores", st.Tier, st.Compute, joinInts(azure.SQLVCores(st.Tier, st.Compute))),
				"Azure SQL %s %s has no size with %d vCores", st.Tier, st.Compute, st.VCores)
			return nil
		}
		x.Size, x.SKU = size, size.Name()
		// The loader refuses a stated zone-redundant database without
		// zones; the profile's default (and a what-if with fewer zones,
		// physarch sla --zones 1) follows the environment.
		x.ZoneRedundant = st.ZoneRedundant && len(e.Zones) > 1
		x.ZonesTooFew = st.ZoneRedundant && !x.ZoneRedundant
		for i := range x.Databases {
			x.Databases[i].MaxSizeGB = x.maxSize(x.Databases[i].NeedGB)
		}
		x.Server = c.Name("Azure SQL logical server", naming.SQLServer("sql-"+c.Plan.Name+"-"+e.Name))
		x.FQDN = x.Server + ".database.windows.net"
		x.endpoint = e.Settings.Network.PrivateEndpoints
		return x
	}
	x.SKU = x.Image
	x.FQDN = fmt.Sprintf("%s.%s.svc.cluster.local", Name, e.Namespace)
	pod := plan.BackingPod(Name, Port, st.CPU, st.Memory, st.StorageGB, st.StorageClass, x.Image)
	if pod.CPURequestM <= 0 || pod.MemRequestMiB <= 0 {
		c.Fail(c.Path()+"."+Key+".cpu", "set cpu: 500m and memory: 2Gi", "%s pod in %s has no valid CPU/memory request", Name, e.Name)
		return nil
	}
	pod.Owner, pod.Title = Key, "SQL Server"
	x.Pod = &pod
	return x
}

// maxSize is a database's max size: the settings' when pinned, else the
// data after the horizon with 25% headroom, rounded up to 10 GB and kept
// within what the compute size allows (CP010 reports a database that
// does not fit).
func (c *Component) maxSize(needGB float64) int {
	if c.PinnedSize > 0 {
		return c.PinnedSize
	}
	gb := int(math.Ceil(needGB*sizeHeadroom/sizeStepGB)) * sizeStepGB
	return min(max(gb, sizeStepGB), c.Size.MaxDataGB)
}

// SizingRule says how the max sizes were found, for the documents.
func (c *Component) SizingRule(d *md.Doc) string {
	if c.PinnedSize > 0 {
		return fmt.Sprintf(d.T("maxSizeGB: %d (설정 값)", "maxSizeGB: %d (settings)"), c.PinnedSize)
	}
	return fmt.Sprintf(d.T("(저장 데이터 + %d개월 × 월 증가) × %.2f, %d GB 단위 올림, 최대 %d GB (%s)", "(stored + %d months × growth) × %.2f, rounded up to %d GB, at most %d GB (%s)"),
		c.HorizonMonths, sizeHeadroom, sizeStepGB, c.Size.MaxDataGB, c.SKU)
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Pods implements plan.Podded: the dev pod.
func (c *Component) Pods() []plan.Workload {
	if c.Pod == nil {
		return nil
	}
	return []plan.Workload{*c.Pod}
}

// PrivateEndpoints implements plan.Endpointed: the logical server's
// private endpoint (one for all its databases), one address for the one
// name it publishes (<server>.privatelink.database.windows.net; Microsoft,
// "Azure Private Endpoint private DNS zone values",
// learn.microsoft.com/azure/private-link/private-endpoint-dns).
func (c *Component) PrivateEndpoints() []plan.PrivateEndpoint {
	if !c.endpoint {
		return nil
	}
	return []plan.PrivateEndpoint{{Service: Name, Title: "Azure SQL Database", Subresource: "sqlServer", DNSZone: dnsZone, IPs: 1, Ports: []int{Port}}}
}

// database returns the database a service owns, if any.
func (c *Component) database(service string) (Database, bool) {
	for _, db := range c.Databases {
		if db.Owner == service {
			return db, true
		}
	}
	return Database{}, false
}

// Flows implements plan.Flowing: a service reaches its database.
func (c *Component) Flows(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.Flow {
	if _, ok := c.database(sv.Name); !ok {
		return nil
	}
	return []plan.Flow{{From: sv.Name, To: Name, Port: Port, Proto: "TCP", Kind: "database"}}
}

// Secrets implements plan.Secreted: the administrator password and one
// password per owning service.
func (c *Component) Secrets(_ *plan.Plan, _ *plan.Env) []string {
	out := []string{AdminSecret}
	for _, db := range c.Databases {
		out = append(out, db.Password)
	}
	return out
}

// SecretRefs implements plan.Secreted: a service reads its own database
// password, never the administrator's.
func (c *Component) SecretRefs(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.SecretRef {
	db, ok := c.database(sv.Name)
	if !ok {
		return nil
	}
	return []plan.SecretRef{{Env: "SQL_PASSWORD", Secret: db.Password}}
}

// names lists the databases, for messages.
func (c *Component) names() string {
	out := make([]string, len(c.Databases))
	for i, db := range c.Databases {
		out[i] = db.Name
	}
	return strings.Join(out, ", ")
}
