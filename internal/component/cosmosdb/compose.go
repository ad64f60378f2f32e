package cosmosdb

import (
	"fmt"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/appenv"
	"github.com/physarch/physarch/internal/render/compose"
)

// Compose implements compose.Composed: in mode pod a mongo container with
// a named volume; a managed account is not emulated, and the file says
// where the services find it.
func (c *Component) Compose(x compose.Context) compose.Part {
	if c.Pod == nil {
		return compose.Part{Notes: []string{
			fmt.Sprintf("Not emulated here: Azure Cosmos DB for %s, account %s (%s); the services reach it at %s.", c.API, c.Account, c.Capacity, c.Host),
			fmt.Sprintf("Set %s in .env to its key: az cosmosdb keys list --name %s --resource-group %s --query primaryMasterKey -o tsv", appenv.EnvName(Secret), c.Account, x.Env.Names.ResourceGroup),
		}}
	}
	return compose.Part{
		Services: map[string]*compose.Service{Name: {
			Image:       c.Pod.Image,
			Environment: map[string]string{"MONGO_INITDB_ROOT_USERNAME": "root", "MONGO_INITDB_ROOT_PASSWORD": x.Required(Secret)},
			Command:     []string{"mongod", "--bind_ip_all", "--wiredTigerCacheSizeGB", c.wiredTigerGB()},
			Ports:       []string{fmt.Sprintf("127.0.0.1:%d:%d", PortMongoPod, PortMongoPod)},
			Volumes:     []string{"mongodata:" + mongoDataDir},
			Healthcheck: &compose.Healthcheck{Test: []string{"CMD", "mongosh", "--quiet", "--norc", "--eval", "db.adminCommand('ping').ok"}, Interval: "5s", Retries: 20},
		}},
		Volumes: []string{"mongodata"},
	}
}

// DependsOn implements compose.Composed: a service using the mongo
// container waits for it to answer.
func (c *Component) DependsOn(sv plan.Service) map[string]compose.Dependency {
	if _, ok := c.users[sv.Name]; !ok || c.Pod == nil {
		return nil
	}
	return map[string]compose.Dependency{Name: {Condition: "service_healthy"}}
}
