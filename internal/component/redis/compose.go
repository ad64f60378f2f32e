package redis

import (
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/compose"
)

// Compose implements compose.Composed: Redis in a container with the
// environment's memory limit and eviction policy.
func (c *Component) Compose(x compose.Context) compose.Part {
	cmd := []string{"redis-server", "--requirepass", x.Required(Secret)}
	if c.MaxMemory != "" {
		cmd = append(cmd, "--maxmemory", c.MaxMemory)
	}
	if c.Eviction != "" {
		cmd = append(cmd, "--maxmemory-policy", c.Eviction)
	}
	return compose.Part{Services: map[string]*compose.Service{Name: {
		Image: c.Image, Command: cmd, Ports: []string{"127.0.0.1:6379:6379"},
		Healthcheck: &compose.Healthcheck{Test: []string{"CMD", "redis-cli", "--no-auth-warning", "-a", x.Required(Secret), "ping"}, Interval: "5s", Retries: 20},
	}}}
}

// DependsOn implements compose.Composed: a service that caches waits for
// the cache to answer.
func (c *Component) DependsOn(sv plan.Service) map[string]compose.Dependency {
	if !sv.Cache {
		return nil
	}
	return map[string]compose.Dependency{Name: {Condition: "service_healthy"}}
}
