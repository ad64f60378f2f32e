package istiogateway

import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

// APIVersion is Istio's networking API the objects are written in.
const APIVersion = "networking.istio.io/v1"

// The Istio objects physarch writes (networking.istio.io/v1). Their Go
// types live in istio.io/client-go; these few fields are all we write,
// and the server-side dry run checks them against Istio's CRDs.
type (
	// Gateway configures the add-on's gateway pods it selects.
	Gateway struct {
		metav1.TypeMeta   `json:",inline"`
		metav1.ObjectMeta `json:"metadata"`
		Spec              GatewaySpec `json:"spec"`
	}
	// GatewaySpec selects the gateway pods and lists their servers.
	GatewaySpec struct {
		Selector map[string]string `json:"selector"`
		Servers  []Server          `json:"servers"`
	}
	// Server is one port the gateway listens on, for its hosts.
	Server struct {
		Port  Port       `json:"port"`
		Hosts []string   `json:"hosts"`
		TLS   *ServerTLS `json:"tls,omitempty"`
	}
	// Port is a port number, name and protocol.
	Port struct {
		Number   int    `json:"number"`
		Name     string `json:"name"`
		Protocol string `json:"protocol"`
	}
	// ServerTLS is SIMPLE TLS with a Secret of the gateway's namespace,
	// or the redirect of plain HTTP to HTTPS.
	ServerTLS struct {
		Mode           string `json:"mode,omitempty"`
		CredentialName string `json:"credentialName,omitempty"`
		MinVersion     string `json:"minProtocolVersion,omitempty"`
		HTTPSRedirect  bool   `json:"httpsRedirect,omitempty"`
	}

	// VirtualService routes the gateway's requests of its hosts.
	VirtualService struct {
		metav1.TypeMeta   `json:",inline"`
		metav1.ObjectMeta `json:"metadata"`
		Spec              VirtualServiceSpec `json:"spec"`
	}
	// VirtualServiceSpec binds routes to the gateway.
	VirtualServiceSpec struct {
		Hosts    []string    `json:"hosts"`
		Gateways []string    `json:"gateways"`
		HTTP     []HTTPRoute `json:"http"`
	}
	// HTTPRoute sends the requests its matches select to a destination.
	HTTPRoute struct {
		Name  string         `json:"name"`
		Match []RequestMatch `json:"match"`
		Route []Destination  `json:"route"`
	}
	// RequestMatch is a URI match.
	RequestMatch struct {
		URI StringMatch `json:"uri"`
	}
	// StringMatch is prefix or exact.
	StringMatch struct {
		Prefix string `json:"prefix,omitempty"`
		Exact  string `json:"exact,omitempty"`
	}
	// Destination is a Service host and port.
	Destination struct {
		Destination DestinationHost `json:"destination"`
	}
	// DestinationHost is a Service's cluster-local name and port.
	DestinationHost struct {
		Host string     `json:"host"`
		Port PortNumber `json:"port"`
	}
	// PortNumber is a port.
	PortNumber struct {
		Number int `json:"number"`
	}
)
