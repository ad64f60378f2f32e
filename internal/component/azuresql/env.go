package azuresql

import (
	"fmt"
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

// Vars implements appenv.Configured: where a service's database is, who it
// logs in as and a JDBC URL without credentials (the password is its own
// secret, SQL_PASSWORD). The managed server's certificate is verified;
// the pod's (and compose's container, which stands in for it on a
// developer's machine) is self-signed, so it is trusted as it is.
func (c *Component) Vars(_ *plan.Env, sv plan.Service, h appenv.Hosts) []appenv.Var {
	db, ok := c.database(sv.Name)
	if !ok {
		return nil
	}
	host := h.Of(Name, c.FQDN)
	trust := !c.Managed() || h.Local != nil
	url := fmt.Sprintf("jdbc:sqlserver://%s:%d;databaseName=%s;encrypt=true;trustServerCertificate=%t;loginTimeout=30", host, Port, db.Name, trust)
	if !trust {
		url += ";hostNameInCertificate=*.database.windows.net"
	}
	return []appenv.Var{
		{Name: "SQL_HOST", Value: host}, {Name: "SQL_PORT", Value: strconv.Itoa(Port)},
		{Name: "SQL_DATABASE", Value: db.Name}, {Name: "SQL_USERNAME", Value: db.User},
		{Name: "SQL_ENCRYPT", Value: "true"}, {Name: "SQL_TRUST_SERVER_CERTIFICATE", Value: strconv.FormatBool(trust)},
		{Name: "SQL_JDBC_URL", Value: url},
	}
}
