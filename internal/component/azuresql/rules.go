package azuresql

import (
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "AV011", Family: "availability", Severity: check.Warning,
			Title:     "Production Azure SQL database in one zone where the region has zones",
			Rationale: "A database in one zone goes down with its zone: zone redundancy spreads its replicas over the region's zones (Business Critical's SLA rises from 99.99% to 99.995%; General Purpose's too by azqr, which the catalog records but does not count).",
			Fix:       "Set azureSQL.zoneRedundant: true (and targets.zones: 2 or more), or run SQL Server as a managed database, not a pod.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				region, _ := azure.LookupRegion(c.Plan.Region)
				for _, e := range check.ProdEnvs(c) {
					x, ok := plan.Find[*Component](e)
					switch {
					case !ok:
					case !x.Managed():
						out = append(out, check.At(e, c, Key+".mode", "Azure SQL runs as a single SQL Server pod in a production environment"))
					case !x.ZoneRedundant && region.Zones > 1:
						out = append(out, check.At(e, c, Key+".zoneRedundant", "Azure SQL databases %s (%s) run in one zone; %s has %d", x.names(), x.SKU, c.Plan.Region, region.Zones))
					}
				}
				return out
			}},
		{ID: "RS008", Family: "resilience", Severity: check.Warning,
			Title:     "Production Azure SQL backups kept in one datacenter",
			Rationale: "Local backup storage keeps the point-in-time backups in the database's datacenter only: a datacenter loss takes the database and its backups together.",
			Fix:       "Set azureSQL.backupRedundancy: Geo (restorable in the paired region) or Zone.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if x, ok := plan.Find[*Component](e); ok && x.Managed() && x.BackupRedundancy == "Local" {
						out = append(out, check.At(e, c, Key+".backupRedundancy", "backups of %s are stored locally (LRS)", x.Server))
					}
				}
				return out
			}},
		{ID: "CP009", Family: "capacity", Severity: check.Error,
			Title:     "Azure SQL connections at maximum scale exceed the database's concurrent workers",
			Rationale: "Every replica opens its pool, and each busy connection holds a worker: past the size's concurrent workers new requests fail (error 10928) exactly when load peaks.",
			Fix:       "Give the databases more vCores, lower uses.azureSQL.poolSize or replicas.max, or move to Business Critical.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					x, ok := plan.Find[*Component](e)
					if !ok || !x.Managed() {
						continue
					}
					for _, db := range x.Databases {
						w := e.Workload(db.Owner)
						if w == nil {
							continue
						}
						if n := w.Max * db.PoolSize; n > x.Size.Workers {
							out = append(out, check.At(e, c, Key+".vCores", "%s's %d replicas × %d connections open %d to %s; %s runs %d concurrent workers", db.Owner, w.Max, db.PoolSize, n, db.Name, x.SKU, x.Size.Workers))
						}
					}
				}
				return out
			}},
		{ID: "CP010", Family: "capacity", Severity: check.Error,
			Title:     "Azure SQL database smaller than the data it is stated to hold",
			Rationale: "A database that reaches its max size refuses every insert and update (error 1105); a full pod disk stops SQL Server. (A development pod holds test data, not the stated volume, so only a production pod is held to it.)",
			Fix:       "Raise azureSQL.maxSizeGB (or leave it 0 to size from the data), use more vCores for a larger maximum, or raise the pod's storageGB.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					x, ok := plan.Find[*Component](e)
					if !ok {
						continue
					}
					if !x.Managed() {
						if !e.IsProdLike() {
							continue
						}
						total := 0.0
						for _, db := range x.Databases {
							total += db.NeedGB
						}
						if total > float64(x.Pod.StorageGB) {
							out = append(out, check.At(e, c, Key+".storageGB", "the databases hold %s after %d months; the pod's disk has %d GiB", gb(total), x.HorizonMonths, x.Pod.StorageGB))
						}
						continue
					}
					for _, db := range x.Databases {
						if db.NeedGB > float64(db.MaxSizeGB) {
							out = append(out, check.At(e, c, Key+".maxSizeGB", "%s holds %s after %d months; its max size is %d GB (%s allows %d)", db.Name, gb(db.NeedGB), x.HorizonMonths, db.MaxSizeGB, x.SKU, x.Size.MaxDataGB))
						}
					}
				}
				return out
			}},
	}
}

// ManagedInDev implements check.ManagedInDev (rule CO003): the format runs
// dev's database as a pod; a managed dev database costs its compute and
// storage every month.
func (c *Component) ManagedInDev() (string, string) {
	if !c.Managed() {
		return "", ""
	}
	return Key + ".mode", "dev runs Azure SQL Database " + c.SKU + " instead of a SQL Server pod"
}

// PublicEndpoint implements check.Public (rule NW003).
func (c *Component) PublicEndpoint(*plan.Env) (string, string) {
	if !c.Managed() || c.endpoint {
		return "", ""
	}
	return "network.privateEndpoints", "Azure SQL logical server " + c.Server + " keeps its public endpoint (firewall open to Azure services)"
}
