package eventhubs

import (
	"strconv"
	"strings"

	networkingv1 "k8s.io/api/networking/v1"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/k8s"
)

// lagThreshold is KEDA's default target of unprocessed events per
// replica (its azure-eventhub unprocessedEventThreshold and kafka
// lagThreshold).
const lagThreshold = 64

// Peer implements k8s.Peered: the namespace behind its private endpoint;
// without one (Basic, or no private endpoints) its public endpoint.
func (c *Component) Peer(x k8s.Context) networkingv1.NetworkPolicyPeer {
	return x.ServicePeer("", c.endpoint)
}

// KEDATrigger implements k8s.KEDATriggered: the trigger that scales a
// consuming service on its lag in the first hub it consumes. AMQP
// consumers keep checkpoints in Blob Storage, where KEDA's azure-eventhub
// scaler reads them (blobMetadata, the Event Hubs SDKs' format); the
// checkpoint store is the service's own (EVENTHUBS_CHECKPOINT_STORAGE and
// a container named after its consumer group), not part of this block.
// Kafka consumers commit offsets to the namespace, so they scale with
// KEDA's kafka scaler on the Kafka endpoint (SASL PLAIN over TLS; the
// TriggerAuthentication gives username $ConnectionString and the
// connection string).
func (c *Component) KEDATrigger(sv plan.Service) (map[string]string, bool) {
	cl, ok := c.client(sv)
	reads := c.own(sv.Consumes)
	if !ok || len(reads) == 0 {
		return nil, false
	}
	if cl.Protocol == Kafka {
		return map[string]string{
			"type": "kafka", "bootstrapServers": c.Bootstrap(), "topic": reads[0], "consumerGroup": cl.Group,
			"lagThreshold": strconv.Itoa(lagThreshold), "sasl": "plaintext", "tls": "enable",
		}, true
	}
	return map[string]string{
		"type": "azure-eventhub", "eventHubName": reads[0], "consumerGroup": cl.Group,
		"unprocessedEventThreshold": strconv.Itoa(lagThreshold), "connectionFromEnv": "EVENTHUBS_CONNECTION",
		"storageConnectionFromEnv": "EVENTHUBS_CHECKPOINT_STORAGE", "blobContainer": checkpointContainer(cl.Group), "checkpointStrategy": "blobMetadata",
	}, true
}

// checkpointContainer is the Blob container a consumer group's
// checkpoints live in: Blob Storage takes 3–63 lowercase letters, digits
// and single hyphens, starting and ending with a letter or digit.
func checkpointContainer(group string) string {
	var b strings.Builder
	b.WriteString("checkpoints-")
	for _, r := range strings.ToLower(group) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	s := b.String()
	if len(s) > 63 {
		s = s[:63]
	}
	return strings.TrimRight(s, "-")
}
