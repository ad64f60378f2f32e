package plan

// PrivateEndpoint is one managed service reached through the endpoints
// subnet. The subnet's size, the cost, the prod document's table and the
// Terraform endpoints all come from this one list.
type PrivateEndpoint struct {
	Service     string // registry, redis, servicebus, keyvault
	Title       string
	Subresource string // the private link group ID
	DNSZone     string
}

// privateEndpoints lists what the environment reaches privately. Service
// Bus offers private endpoints only on Premium, the registry only on
// Premium (which RegistrySKU then is).
func privateEndpoints(e *Env) []PrivateEndpoint {
	if !e.Settings.Network.PrivateEndpoints {
		return nil
	}
	out := []PrivateEndpoint{{"registry", "Container Registry", "registry", "privatelink.azurecr.io"}}
	if e.Redis != nil && e.Redis.Mode == "managed" {
		out = append(out, PrivateEndpoint{"redis", "Redis", "redisCache", "privatelink.redis.cache.windows.net"})
	}
	if e.Bus != nil && e.Bus.Tier == "Premium" {
		out = append(out, PrivateEndpoint{"servicebus", "Service Bus", "namespace", "privatelink.servicebus.windows.net"})
	}
	if e.Settings.Security.KeyVault {
		out = append(out, PrivateEndpoint{"keyvault", "Key Vault", "vault", "privatelink.vaultcore.azure.net"})
	}
	return out
}
