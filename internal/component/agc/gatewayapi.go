package agc

import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

// The Gateway API objects physarch writes (gateway.networking.k8s.io/v1).
// Their Go types live in sigs.k8s.io/gateway-api; these few fields are
// all we write, as with the CSI driver's SecretProviderClass, and the
// server-side dry run checks them against the project's real CRDs.
type (
	// Gateway binds a listener to the traffic controller's frontend.
	Gateway struct {
		metav1.TypeMeta   `json:",inline"`
		metav1.ObjectMeta `json:"metadata"`
		Spec              GatewaySpec `json:"spec"`
	}
	// GatewaySpec is the part of the spec physarch fills.
	GatewaySpec struct {
		GatewayClassName string           `json:"gatewayClassName"`
		Listeners        []Listener       `json:"listeners"`
		Addresses        []GatewayAddress `json:"addresses,omitempty"`
	}
	// Listener is one port and protocol of the Gateway.
	Listener struct {
		Name          string         `json:"name"`
		Hostname      string         `json:"hostname,omitempty"`
		Port          int32          `json:"port"`
		Protocol      string         `json:"protocol"`
		TLS           *ListenerTLS   `json:"tls,omitempty"`
		AllowedRoutes *AllowedRoutes `json:"allowedRoutes,omitempty"`
	}
	// ListenerTLS terminates TLS with certificates from Secrets.
	ListenerTLS struct {
		Mode            string      `json:"mode"`
		CertificateRefs []ObjectRef `json:"certificateRefs"`
	}
	// ObjectRef names a Secret (group "" is the core API group).
	ObjectRef struct {
		Group string `json:"group"`
		Kind  string `json:"kind"`
		Name  string `json:"name"`
	}
	// AllowedRoutes says which namespaces' routes may attach.
	AllowedRoutes struct {
		Namespaces RouteNamespaces `json:"namespaces"`
	}
	// RouteNamespaces is All, Same or Selector.
	RouteNamespaces struct {
		From string `json:"from"`
	}
	// GatewayAddress is an implementation-specific address: the ALB
	// controller reads the frontend's name from it.
	GatewayAddress struct {
		Type  string `json:"type"`
		Value string `json:"value"`
	}

	// HTTPRoute routes path prefixes to Services.
	HTTPRoute struct {
		metav1.TypeMeta   `json:",inline"`
		metav1.ObjectMeta `json:"metadata"`
		Spec              HTTPRouteSpec `json:"spec"`
	}
	// HTTPRouteSpec is the part of the spec physarch fills.
	HTTPRouteSpec struct {
		ParentRefs []ParentRef `json:"parentRefs"`
		Hostnames  []string    `json:"hostnames,omitempty"`
		Rules      []RouteRule `json:"rules"`
	}
	// ParentRef is the Gateway (and listener) a route attaches to.
	ParentRef struct {
		Name        string `json:"name"`
		Namespace   string `json:"namespace,omitempty"`
		SectionName string `json:"sectionName,omitempty"`
	}
	// RouteRule sends the requests its matches select to its backends.
	RouteRule struct {
		Matches     []RouteMatch `json:"matches"`
		BackendRefs []BackendRef `json:"backendRefs"`
	}
	// RouteMatch is a path, and the headers a request must carry.
	RouteMatch struct {
		Path    PathMatch     `json:"path"`
		Headers []HeaderMatch `json:"headers,omitempty"`
	}
	// PathMatch is PathPrefix or Exact.
	PathMatch struct {
		Type  string `json:"type"`
		Value string `json:"value"`
	}
	// HeaderMatch is an exact header value.
	HeaderMatch struct {
		Type  string `json:"type"`
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	// BackendRef is a Service and its port.
	BackendRef struct {
		Name string `json:"name"`
		Port int32  `json:"port"`
	}
)

// GatewayAPIVersion is the API version of both objects.
const GatewayAPIVersion = "gateway.networking.k8s.io/v1"

// maxRules is the Gateway API's limit of rules in one HTTPRoute (the
// CRD's maxItems); more routes take more HTTPRoutes.
const maxRules = 16
