package postgresql

import (
	"fmt"
	"strconv"

	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/catalog/azure/naming"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Port is PostgreSQL's port, in both modes.
const Port = 5432

// AdminSecret holds the administrator password: the dev pod's, and the
// Flexible Server's (Terraform takes it as a variable). No service reads it.
const AdminSecret = "postgresql-admin-password"

// AdminLogin is Flexible Server's administrator login: Terraform sets it
// and the init Job signs in with it.
const AdminLogin = "pgadmin"

// subnetRole is the delegated subnet Flexible Server runs in.
const subnetRole = "database"

// Kind is the PostgreSQL block.
type Kind struct{}

// Name implements plan.Kind.
func (Kind) Name() string { return Name }

// Section implements plan.Kind.
func (Kind) Section() spec.Section { return section() }

// Component is PostgreSQL as one environment runs it.
type Component struct {
	Mode           string // pod or flexible
	SKU            string
	VCores         int
	MemoryGiB      int
	MaxConnections int
	StorageGB      int
	HA             string
	BackupDays     int
	GeoBackup      bool
	ReadReplicas   int
	Version        string
	// StandbyRegion is where a warm standby (dr.mode standby-region)
	// keeps a read replica that is promoted on failover; "" otherwise.
	StandbyRegion string
	// Server is the Flexible Server's name; FQDN where clients reach it.
	Server string
	FQDN   string
	// Pod mode: PostgreSQL memory settings from the pod's memory request,
	// by the usual 25% / 75% rules, and the pod itself.
	MemoryMiB         int64
	SharedBuffersMiB  int64
	EffectiveCacheMiB int64
	StorageClass      string
	Pod               *plan.Workload
	// Databases are the system's databases and their owners.
	Databases []plan.Database
	// Subnet is the delegated subnet (mode flexible), once placed.
	Subnet plan.Subnet
	// passwords are the owning services' password secrets, by service.
	passwords map[string]string
	// store is whether a store outside the cluster holds the secrets
	// (plan.SecretStore): the server's init Job then reads them from its
	// own class, else from the hand-made Secret.
	store bool
}

// ID implements plan.Component.
func (*Component) ID() string { return Name }

// Flexible reports whether the environment runs the managed server.
func (c *Component) Flexible() bool { return c.Mode == "flexible" }

// Plan implements plan.Kind.
func (Kind) Plan(c *plan.Context) plan.Component {
	b, ok := plan.Backing[Backing](c, Name)
	if !ok {
		return nil
	}
	st := plan.Settings[Settings](c, Name)
	e := c.Env
	pg := &Component{
		Mode: st.Mode, StorageGB: st.StorageGB, HA: st.HA, BackupDays: st.BackupRetentionDays,
		GeoBackup: st.GeoBackup, ReadReplicas: st.ReadReplicas, Version: b.Version,
		StorageClass: st.StorageClass,
	}
	for _, sv := range c.Plan.Services {
		if sv.Database != "" {
			name := c.Name("PostgreSQL database", naming.PostgresDatabase(sv.Database))
			pg.Databases = append(pg.Databases, plan.Database{Name: name, Owner: sv.Name})
		}
	}
	if pg.Version == "" {
		pg.Version = "16"
	}
	pg.passwords = map[string]string{}
	for _, db := range pg.Databases {
		pg.passwords[db.Owner] = c.Name("Key Vault secret", naming.KeyVaultSecret(db.Owner+"-db-password"))
	}
	if pg.HA == "zoneredundant" && len(e.Zones) < 2 {
		// The loader refuses this pairing; a what-if with fewer zones
		// (physarch sla --zones 1) gets the HA one zone allows.
		pg.HA = "samezone"
	}
	if pg.Flexible() {
		sku, ok := azure.LookupPostgres(st.SKU)
		if !ok {
			c.Fail(c.Path()+".postgresql.sku", spec.DidYouMean(st.SKU, azure.PostgresNames(), "a Flexible Server SKU"), "PostgreSQL SKU %q is not in the catalog", st.SKU)
			return nil
		}
		pg.SKU, pg.VCores, pg.MemoryGiB, pg.MaxConnections = sku.Name, sku.VCores, sku.MemoryGiB, sku.MaxConnections
		pg.Server = c.Name("PostgreSQL flexible server", naming.PostgresServer("psql-"+c.Plan.Name+"-"+e.Name))
		pg.FQDN = pg.Server + ".postgres.database.azure.com"
		if e.DR.Name == azure.DRStandbyRegion {
			pg.StandbyRegion = e.Settings.DRRegion(e.Region)
		}
		return pg
	}
	pg.SKU = "postgres:" + pg.Version
	pg.MaxConnections = st.MaxConnections
	pg.FQDN = fmt.Sprintf("%s.%s.svc.cluster.local", Name, e.Namespace)
	pod := plan.BackingPod(Name, Port, st.CPU, st.Memory, st.StorageGB, st.StorageClass, "postgres:"+pg.Version)
	if pod.CPURequestM <= 0 || pod.MemRequestMiB <= 0 {
		c.Fail(c.Path()+".postgresql.cpu", "set cpu: 500m and memory: 1Gi", "%s pod in %s has no valid CPU/memory request", Name, e.Name)
		return nil
	}
	pod.Owner, pod.Title = Name, "PostgreSQL"
	pg.Pod = &pod
	pg.MemoryMiB = pod.MemRequestMiB
	pg.SharedBuffersMiB = pg.MemoryMiB / 4
	pg.EffectiveCacheMiB = pg.MemoryMiB * 3 / 4
	return pg
}

// Pods implements plan.Podded: the dev pod.
func (c *Component) Pods() []plan.Workload {
	if c.Pod == nil {
		return nil
	}
	return []plan.Workload{*c.Pod}
}

// SubnetNeeds implements plan.Subnetted: Flexible Server's delegated
// subnet holds the primary, the standby and each read replica (/28 at
// least, as Azure asks).
func (c *Component) SubnetNeeds() []plan.SubnetNeed {
	if !c.Flexible() {
		return nil
	}
	return []plan.SubnetNeed{{Role: subnetRole, Name: "snet-postgresql", Delegation: "Microsoft.DBforPostgreSQL/flexibleServers", Required: 1 + 1 + c.ReadReplicas, MinBits: 28,
		Purpose: spec.Text{Ko: "PostgreSQL Flexible Server 위임", En: "PostgreSQL Flexible Server (delegated)"}}}
}

// Place implements plan.Placed: the delegated subnet, and whether a store
// holds the secrets (every component is planned by now).
func (c *Component) Place(e *plan.Env) {
	if s, ok := e.Network.Subnet(subnetRole); ok {
		c.Subnet = s
	}
	for _, s := range plan.Facets[plan.SecretStore](e) {
		c.store = c.store || s.HoldsServiceSecrets()
	}
}

// Jobs implements plan.JobRunner: the server's init Job, which signs in as
// the administrator and creates each owning service's role with the
// password the service reads. It alone reads the administrator password.
func (c *Component) Jobs(_ *plan.Plan, _ *plan.Env) []plan.ComponentJob {
	if !c.Flexible() || len(c.Databases) == 0 {
		return nil
	}
	return []plan.ComponentJob{{Name: initJob, Secrets: c.initSecrets()}}
}

// initSecrets are what the init Job reads: the administrator password and
// each owner's.
func (c *Component) initSecrets() []string {
	out := []string{AdminSecret}
	for _, db := range c.Databases {
		out = append(out, c.passwords[db.Owner])
	}
	return out
}

// Flows implements plan.Flowing: a service reaches its database.
func (c *Component) Flows(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.Flow {
	if sv.Database == "" {
		return nil
	}
	return []plan.Flow{{From: sv.Name, To: Name, Port: Port, Proto: "TCP", Kind: "database"}}
}

// SecurityRules implements plan.Guarded: the pods reach the delegated
// subnet on PostgreSQL's port, and nothing else does.
func (c *Component) SecurityRules(e *plan.Env) []plan.SecurityRule {
	aks, ok := e.Network.Subnet("aks")
	if !ok || c.Subnet.CIDR == "" {
		return nil
	}
	port := []string{strconv.Itoa(Port)}
	return []plan.SecurityRule{
		{Subnet: "aks", Name: "AllowPostgreSQL", Direction: "Outbound", Priority: 100, Ports: port, Source: aks.CIDR, Destination: c.Subnet.CIDR, Access: "Allow"},
		{Subnet: subnetRole, Name: "AllowAKS", Direction: "Inbound", Priority: 100, Ports: port, Source: aks.CIDR, Destination: c.Subnet.CIDR, Access: "Allow"},
	}
}

// Secrets implements plan.Secreted: the administrator password and one
// password per owning service.
func (c *Component) Secrets(_ *plan.Plan, _ *plan.Env) []string {
	out := []string{AdminSecret}
	for _, db := range c.Databases {
		out = append(out, c.passwords[db.Owner])
	}
	return out
}

// SecretRefs implements plan.Secreted: a service reads its own database
// password, never the administrator's.
func (c *Component) SecretRefs(_ *plan.Plan, _ *plan.Env, sv plan.Service) []plan.SecretRef {
	if sv.Database == "" {
		return nil
	}
	return []plan.SecretRef{{Env: "DB_PASSWORD", Secret: c.passwords[sv.Name]}}
}

// database is the name of the database a service owns, as planned.
func (c *Component) database(service string) string {
	for _, db := range c.Databases {
		if db.Owner == service {
			return db.Name
		}
	}
	return ""
}
