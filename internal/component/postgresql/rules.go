package postgresql

import (
	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/plan"
)

// Rules implements check.Ruled: the block's own rules.
func (Kind) Rules() []check.Rule {
	return []check.Rule{
		{ID: "AV003", Family: "availability", Severity: check.Error,
			Title:     "PostgreSQL without high availability in production",
			Rationale: "Without a standby a zone or host failure takes the database, and every service that owns data, down until Azure recovers the server.",
			Fix:       "Set postgresql.ha to zoneredundant (or samezone where the region has no zones).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					pg, ok := plan.Find[*Component](e)
					switch {
					case !ok:
					case pg.Flexible() && pg.HA == "none":
						out = append(out, check.At(e, c, "postgresql.ha", "PostgreSQL Flexible Server %s runs without a standby", pg.SKU))
					case !pg.Flexible():
						out = append(out, check.At(e, c, "postgresql.mode", "PostgreSQL runs as a single pod in a production environment"))
					}
				}
				return out
			}},
		{ID: "CP003", Family: "capacity", Severity: check.Error,
			Title:     "Database connections at maximum scale exceed the server's limit",
			Rationale: "Every replica opens its pool (dbPoolSize, which each container receives as DB_POOL_SIZE, and as SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE on a Java runtime): at the HPA maximum, with the one extra pod a rolling update starts (maxSurge 1), the connections are (max replicas + 1) × pool size per service. Past max_connections new pods fail to start exactly when load peaks or a release rolls out.",
			Fix:       "Use a PostgreSQL SKU with more connections, smaller dbPoolSize, lower replicas.max, or a connection pooler (PgBouncer).",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range c.Plan.Envs {
					pg, ok := plan.Find[*Component](e)
					if !ok || pg.MaxConnections == 0 {
						continue
					}
					total := 0
					for _, s := range c.Plan.Services {
						if w := e.Workload(s.Name); w != nil && s.Database != "" {
							// +1: the rolling update's surge pod opens its pool
							// before an old pod closes its own.
							total += (w.Max + 1) * s.DBPool
						}
					}
					// PostgreSQL keeps some connections for superusers and Azure.
					usable := pg.MaxConnections - 15
					if total > usable {
						out = append(out, check.At(e, c, "postgresql", "services open up to %d connections at maximum scale; %s allows %d (%d usable)", total, pg.SKU, pg.MaxConnections, usable))
					}
				}
				return out
			}},
		{ID: "RS007", Family: "resilience", Severity: check.Warning,
			Title:     "Production database backups kept in one region only",
			Rationale: "Backups kept only in the server's region are lost with the region: the production document's disaster recovery restores into the paired region, which needs geo-redundant backups. (Flexible Server keeps backups 7 to 35 days; physarch refuses less.)",
			Fix:       "Set postgresql.geoBackup: true.",
			Check: func(c *check.Context) []check.Finding {
				var out []check.Finding
				for _, e := range check.ProdEnvs(c) {
					if pg, ok := plan.Find[*Component](e); ok && pg.Flexible() && !pg.GeoBackup {
						out = append(out, check.At(e, c, "postgresql.geoBackup", "backups of %s stay in %s", pg.Server, c.Plan.Region))
					}
				}
				return out
			}},
	}
}

// ManagedInDev implements check.ManagedInDev (rule CO003).
func (c *Component) ManagedInDev() (string, string) {
	if !c.Flexible() {
		return "", ""
	}
	return "postgresql.mode", "dev runs PostgreSQL Flexible Server " + c.SKU
}
