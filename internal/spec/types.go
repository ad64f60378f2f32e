// Package spec defines physarch.yaml: its types, loading with positions,
// validation, built-in profiles and JSON Schema. Nothing here computes a
// figure; that is the plan's job.
package spec

// APIVersion and Kind identify spec format v1; they let the format evolve.
const (
	APIVersion = "physarch.dev/v1"
	Kind       = "System"
)

// Spec is the whole physarch.yaml.
type Spec struct {
	APIVersion   string        `yaml:"apiVersion" jsonschema:"required,enum=physarch.dev/v1"`
	Kind         string        `yaml:"kind" jsonschema:"required,enum=System"`
	Metadata     Metadata      `yaml:"metadata" jsonschema:"required"`
	Cloud        string        `yaml:"cloud" jsonschema:"required,enum=azure"`
	Region       string        `yaml:"region" jsonschema:"required,description=Azure region name such as koreacentral"`
	Services     []Service     `yaml:"services" jsonschema:"required,minItems=1"`
	Backing      Backing       `yaml:"backing"`
	External     []External    `yaml:"external"`
	Environments []Environment `yaml:"environments" jsonschema:"required,minItems=1"`
}

// Text is a label in both languages of the package.
type Text struct {
	Ko string `yaml:"ko" jsonschema:"description=Korean text"`
	En string `yaml:"en" jsonschema:"description=English text"`
}

// Metadata names the system.
type Metadata struct {
	Name  string `yaml:"name" jsonschema:"required,pattern=^[a-z][a-z0-9-]{0,38}[a-z0-9]$,description=DNS-style system name used in resource names"`
	Title Text   `yaml:"title" jsonschema:"required"`
}

// Service is one deployable microservice.
type Service struct {
	Name      string      `yaml:"name" jsonschema:"required,pattern=^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$"`
	Title     Text        `yaml:"title"`
	Port      int         `yaml:"port" jsonschema:"minimum=1,maximum=65535,description=container and Service port (default 8080)"`
	Route     string      `yaml:"route" jsonschema:"description=public route prefix such as /api/users; empty for internal workers"`
	Runtime   string      `yaml:"runtime" jsonschema:"description=runtime such as java17 or python3.12"`
	Image     string      `yaml:"image" jsonschema:"description=container image repository without tag"`
	Health    string      `yaml:"health" jsonschema:"description=HTTP health path used by probes"`
	Resources Resources   `yaml:"resources"`
	Replicas  *Bounds     `yaml:"replicas" jsonschema:"description=pin replica bounds; computed from the load when absent"`
	Database  string      `yaml:"database" jsonschema:"description=PostgreSQL database this service owns"`
	DBPool    int         `yaml:"dbPoolSize" jsonschema:"minimum=1,description=connections each replica keeps open to its database (default 10: HikariCP's default)"`
	Cache     bool        `yaml:"cache" jsonschema:"description=uses the shared Redis cache"`
	Calls     []string    `yaml:"calls" jsonschema:"description=services called synchronously"`
	Produces  []string    `yaml:"produces" jsonschema:"description=queues or topics this service sends to"`
	Consumes  []string    `yaml:"consumes" jsonschema:"description=queues or topics this service receives from"`
	External  []string    `yaml:"external" jsonschema:"description=external systems this service calls"`
	Load      LoadProfile `yaml:"load"`
}

// Resources are container requests and limits as Kubernetes quantities.
type Resources struct {
	Requests Quantities `yaml:"requests"`
	Limits   Quantities `yaml:"limits"`
}

// Quantities is a CPU/memory pair such as {cpu: 250m, memory: 512Mi}.
type Quantities struct {
	CPU    string `yaml:"cpu" jsonschema:"description=Kubernetes CPU quantity (250m or 1)"`
	Memory string `yaml:"memory" jsonschema:"description=Kubernetes memory quantity (512Mi or 1Gi)"`
}

// Bounds pins a minimum and maximum.
type Bounds struct {
	Min int `yaml:"min" jsonschema:"minimum=1"`
	Max int `yaml:"max" jsonschema:"minimum=1"`
}

// LoadProfile is how much work one user causes at peak.
type LoadProfile struct {
	RequestsPerUserPerMinute float64 `yaml:"requestsPerUserPerMinute" jsonschema:"description=requests each concurrent user sends to this service per minute at peak (default 2)"`
	CPUMillisPerRequest      float64 `yaml:"cpuMillisPerRequest" jsonschema:"description=CPU milliseconds one request costs (default 20)"`
}

// Backing lists the shared backing services.
type Backing struct {
	PostgreSQL *PostgreSQL `yaml:"postgresql"`
	Redis      *Redis      `yaml:"redis"`
	ServiceBus *ServiceBus `yaml:"serviceBus"`
}

// PostgreSQL holds one database per owning service.
type PostgreSQL struct {
	Version string `yaml:"version" jsonschema:"description=major version such as 16"`
}

// Redis is the shared cache.
type Redis struct {
	Version       string `yaml:"version" jsonschema:"description=Redis version such as 7.2"`
	WorkingSetMiB int    `yaml:"workingSetMiB" jsonschema:"description=expected cache working set in MiB"`
}

// ServiceBus declares queues and topics.
type ServiceBus struct {
	Queues []string `yaml:"queues"`
	Topics []string `yaml:"topics"`
}

// External is a system outside ours that services call.
type External struct {
	Name           string  `yaml:"name" jsonschema:"required"`
	Title          Text    `yaml:"title"`
	URL            string  `yaml:"url"`
	TimeoutSeconds int     `yaml:"timeoutSeconds" jsonschema:"description=client timeout the callers use"`
	CircuitBreaker bool    `yaml:"circuitBreaker" jsonschema:"description=callers wrap this system in a circuit breaker"`
	Availability   float64 `yaml:"availability" jsonschema:"description=the system's availability in percent (its SLA); unknown when absent"`
}
