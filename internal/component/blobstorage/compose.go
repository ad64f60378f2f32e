package blobstorage

import (
	"fmt"
	"strconv"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/compose"
)

// initScriptFile is the container script next to compose.yaml.
const initScriptFile = "init-blobstorage.sh"

// Compose implements compose.Composed: Azurite with a named volume and the
// same container script the Kubernetes Job runs, where the environment
// runs Azurite; otherwise nothing runs locally and the file says where the
// account is.
func (c *Component) Compose(x compose.Context) compose.Part {
	if c.Managed() {
		return compose.Part{Notes: []string{
			fmt.Sprintf("Not emulated here: Blob Storage is the account %s (%s).", c.Account, c.Endpoint),
			"The services sign in with DefaultAzureCredential (az login) and need a Storage Blob Data role on their containers.",
		}}
	}
	key := x.Required(Secret)
	part := compose.Part{
		Services: map[string]*compose.Service{Name: {
			Image:       AzuriteImage,
			Command:     azuriteArgs("/data"),
			Environment: map[string]string{"AZURITE_ACCOUNTS": c.azuriteAccounts(key)},
			Ports:       []string{"127.0.0.1:" + strconv.Itoa(PortAzurite) + ":" + strconv.Itoa(PortAzurite)},
			Volumes:     []string{"azurite:/data"},
			Healthcheck: &compose.Healthcheck{Test: []string{"CMD-SHELL", answers}, Interval: "5s", Retries: 20},
		}},
		Volumes: []string{"azurite"},
	}
	if len(c.Containers) > 0 {
		part.Files = []render.File{{Path: initScriptFile, Data: []byte(InitScript(c.Account, c.Containers))}}
		part.Services[initJob] = &compose.Service{
			Image:       AzureCLIImage,
			Command:     []string{"/bin/sh", "/scripts/init.sh"},
			Environment: map[string]string{"AZURE_STORAGE_ACCOUNT_KEY": key, "AZURE_CORE_COLLECT_TELEMETRY": "false"},
			Volumes:     []string{"./" + initScriptFile + ":/scripts/init.sh:ro"},
			DependsOn:   map[string]compose.Dependency{Name: {Condition: "service_healthy"}},
			Restart:     "on-failure",
		}
	}
	return part
}

// DependsOn implements compose.Composed: a using service waits for its
// containers to exist.
func (c *Component) DependsOn(sv plan.Service) map[string]compose.Dependency {
	if _, ok := c.User(sv.Name); !ok || c.Managed() {
		return nil
	}
	if len(c.Containers) == 0 {
		return map[string]compose.Dependency{Name: {Condition: "service_healthy"}}
	}
	return map[string]compose.Dependency{initJob: {Condition: "service_completed_successfully"}}
}
