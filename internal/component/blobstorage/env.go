package blobstorage

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
)

// Vars implements appenv.Configured: the account, its blob endpoint, the
// containers the service uses and how it signs in (Azurite's key is its
// own secret; the managed account takes the workload identity, whose
// client ID the identity webhook injects). Locally (compose) Azurite runs
// in a container when the environment runs it as a pod.
func (c *Component) Vars(_ *plan.Env, sv plan.Service, h appenv.Hosts) []appenv.Var {
	u, ok := c.User(sv.Name)
	if !ok {
		return nil
	}
	endpoint, auth := c.Endpoint, "workload-identity"
	if !c.Managed() {
		auth = "shared-key"
		if h.Local != nil {
			endpoint = fmt.Sprintf("http://%s:%d/%s", h.Of(Name, Name), PortAzurite, c.Account)
		}
	}
	vars := []appenv.Var{
		{Name: "AZURE_STORAGE_ACCOUNT_NAME", Value: c.Account},
		{Name: "AZURE_STORAGE_BLOB_ENDPOINT", Value: endpoint},
	}
	if c.Secondary != "" {
		vars = append(vars, appenv.Var{Name: "AZURE_STORAGE_BLOB_SECONDARY_ENDPOINT", Value: c.Secondary})
	}
	return append(vars,
		appenv.Var{Name: "AZURE_STORAGE_CONTAINERS", Value: strings.Join(u.Containers, ",")},
		appenv.Var{Name: "AZURE_STORAGE_ACCESS", Value: u.Access},
		appenv.Var{Name: "AZURE_STORAGE_AUTH", Value: auth})
}
