// Package spec defines physarch.yaml: its types, loading with positions,
// validation, built-in profiles and JSON Schema. Nothing here computes a
// figure; that is the plan's job.
package spec

import (
	"fmt"

	"github.com/physarch/physarch/internal/catalog/azure"
)

// APIVersion and Kind identify spec format v1; they let the format evolve.
const (
	APIVersion = "physarch.dev/v1"
	Kind       = "System"
)

// Spec is the whole physarch.yaml.
type Spec struct {
	APIVersion   string        `yaml:"apiVersion" jsonschema:"required"`
	Kind         string        `yaml:"kind" jsonschema:"required"`
	Metadata     Metadata      `yaml:"metadata" jsonschema:"required"`
	Cloud        string        `yaml:"cloud" jsonschema:"required"`
	Region       string        `yaml:"region" jsonschema:"required" jsonschema_description:"Azure region name such as koreacentral"`
	Services     []Service     `yaml:"services" jsonschema:"required"`
	Backing      Backing       `yaml:"backing"`
	External     []External    `yaml:"external"`
	Environments []Environment `yaml:"environments" jsonschema:"required"`
}

// Text is a label in both languages of the package.
type Text struct {
	Ko string `yaml:"ko" jsonschema_description:"Korean text"`
	En string `yaml:"en" jsonschema_description:"English text"`
}

// Metadata names the system.
type Metadata struct {
	Name  string `yaml:"name" jsonschema:"required" jsonschema_description:"DNS-style system name used in resource names"`
	Title Text   `yaml:"title" jsonschema:"required"`
}

// Service is one deployable microservice.
type Service struct {
	Name      string      `yaml:"name" jsonschema:"required"`
	Title     Text        `yaml:"title"`
	Kind      string      `yaml:"kind" jsonschema_description:"service (default): a Deployment behind a Service, scaled by an HPA on CPU; cronjob: a Kubernetes CronJob run on a schedule (cronJob), off the request path; worker: a Deployment without a Service, scaled by KEDA on the backlog of the one queue, topic or event hub it consumes (worker)"`
	CronJob   *CronJob    `yaml:"cronJob" jsonschema_description:"the schedule and the runs of a kind: cronjob"`
	Worker    *Worker     `yaml:"worker" jsonschema_description:"how KEDA scales a kind: worker"`
	Port      int         `yaml:"port" jsonschema_description:"container and Service port (default 8080)"`
	Route     string      `yaml:"route" jsonschema_description:"public route prefix such as /api/users; empty for internal workers"`
	Runtime   string      `yaml:"runtime" jsonschema_description:"runtime such as java17 or python3.12"`
	Image     string      `yaml:"image" jsonschema_description:"container image repository without tag"`
	Health    string      `yaml:"health" jsonschema_description:"HTTP health path used by probes"`
	Resources Resources   `yaml:"resources"`
	Namespace string      `yaml:"namespace" jsonschema_description:"the namespace group the service runs in: its pods, Service and policies go to the environment's namespace <system>-<env>-<group>; the environment's own namespace <system>-<env> when absent"`
	NodePool  string      `yaml:"nodePool" jsonschema_description:"the node pool the service's pods run on: apps (default) or a dedicated pool every environment declares under nodePools.<name>"`
	Replicas  *Bounds     `yaml:"replicas" jsonschema_description:"pin replica bounds; computed from the load when absent"`
	Autoscale *Autoscale  `yaml:"autoscale" jsonschema_description:"what the service's HPA scales on besides CPU (kind: service)"`
	Database  string      `yaml:"database" jsonschema_description:"PostgreSQL database this service owns (the postgresql block)"`
	DBPool    int         `yaml:"dbPoolSize" jsonschema_description:"connections each replica keeps open to its database (default 10: HikariCP's default)"`
	Cache     bool        `yaml:"cache" jsonschema_description:"uses the shared Redis cache"`
	Calls     []string    `yaml:"calls" jsonschema_description:"services called synchronously"`
	Produces  []string    `yaml:"produces" jsonschema_description:"queues or topics this service sends to"`
	Consumes  []string    `yaml:"consumes" jsonschema_description:"queues or topics this service receives from"`
	External  []string    `yaml:"external" jsonschema_description:"external systems this service calls"`
	Load      LoadProfile `yaml:"load"`
	Uses      Uses        `yaml:"uses" jsonschema_description:"building blocks this service uses, by block (each block's keys)"`
}

// Workload kinds a service can be (services[].kind).
const (
	WorkloadService = "service"
	WorkloadCronJob = "cronjob"
	WorkloadWorker  = "worker"
)

// CronJob is how a kind: cronjob runs: a Kubernetes batch/v1 CronJob.
type CronJob struct {
	Schedule                string `yaml:"schedule" jsonschema:"required" jsonschema_description:"when it runs, in cron: five fields (minute hour day-of-month month day-of-week) such as \"0 2 * * *\", or @hourly, @daily, @weekly, @monthly, @yearly"`
	TimeZone                string `yaml:"timeZone" jsonschema_description:"IANA time zone of the schedule, such as Asia/Seoul (default: the controller's, UTC on AKS)"`
	ConcurrencyPolicy       string `yaml:"concurrencyPolicy" jsonschema_description:"what happens when a run is due while the last one still runs: Forbid (default: skip it), Allow (run both), Replace (stop the old one)"`
	StartingDeadlineSeconds int    `yaml:"startingDeadlineSeconds" jsonschema_description:"a run that cannot start within this many seconds of its time is skipped (default 300)"`
	ActiveDeadlineSeconds   int    `yaml:"activeDeadlineSeconds" jsonschema_description:"a run still going after this many seconds is stopped (default 3600)"`
	Parallelism             int    `yaml:"parallelism" jsonschema_description:"pods one run starts at once (default 1); the node pools hold them"`
	Completions             int    `yaml:"completions" jsonschema_description:"pods that must succeed for the run to succeed (default 1)"`
	BackoffLimit            int    `yaml:"backoffLimit" jsonschema_description:"retries of a failed pod before the run fails (default 6, Kubernetes' default)"`
}

// Worker is how KEDA scales a kind: worker.
type Worker struct {
	MinReplicas        int `yaml:"minReplicas" jsonschema_description:"replicas when the backlog is empty; 0 scales the worker to zero (default 0)"`
	MaxReplicas        int `yaml:"maxReplicas" jsonschema_description:"replicas at most (default 10)"`
	MessagesPerReplica int `yaml:"messagesPerReplica" jsonschema_description:"backlog one replica works off: waiting messages of a queue or subscription, unprocessed events of an event hub; KEDA adds a replica per this many (default 5, KEDA's Service Bus messageCount)"`
}

// Autoscale is what a service's HPA scales on besides CPU. Memory is off
// unless asked for: a JVM or Python heap sits above 80% of its request
// whatever the load, so a memory metric would keep such a service at its
// maximum replicas.
type Autoscale struct {
	MemoryPercent *int `yaml:"memoryPercent" jsonschema_description:"also scale on memory at this percent of the memory request; 0 turns the environment's scaling.targetMemoryUtilization off for this service (default: the environment's, 0 in both profiles)"`
}

// Uses are the blocks a service uses and how (Section.UseKey).
type Uses struct {
	Blocks Blocks `yaml:"-"`
}

func (*Uses) blockScope() scope { return scopeUse }
func (u *Uses) blocks() *Blocks { return &u.Blocks }

// Resources are container requests and limits as Kubernetes quantities.
type Resources struct {
	Requests Quantities `yaml:"requests"`
	Limits   Quantities `yaml:"limits"`
}

// Quantities is a CPU/memory pair such as {cpu: 250m, memory: 512Mi}.
type Quantities struct {
	CPU    string `yaml:"cpu" jsonschema_description:"Kubernetes CPU quantity (250m or 1)"`
	Memory string `yaml:"memory" jsonschema_description:"Kubernetes memory quantity (512Mi or 1Gi)"`
}

// Bounds pins a minimum and maximum.
type Bounds struct {
	Min int `yaml:"min"`
	Max int `yaml:"max"`
}

// LoadProfile is how much work one user causes at peak.
type LoadProfile struct {
	RequestsPerUserPerMinute float64 `yaml:"requestsPerUserPerMinute" jsonschema_description:"requests each concurrent user sends to this service per minute at peak (default 2)"`
	CPUMillisPerRequest      float64 `yaml:"cpuMillisPerRequest" jsonschema_description:"CPU milliseconds one request costs (default 20)"`
}

// Backing lists the shared backing services: each key is a building
// block's section (Section.BackingKey).
type Backing struct {
	Blocks Blocks `yaml:"-"`
}

func (*Backing) blockScope() scope { return scopeBacking }
func (b *Backing) blocks() *Blocks { return &b.Blocks }

// External is a system outside ours that services call.
type External struct {
	Name           string  `yaml:"name" jsonschema:"required"`
	Title          Text    `yaml:"title"`
	URL            string  `yaml:"url"`
	TimeoutSeconds int     `yaml:"timeoutSeconds" jsonschema_description:"client timeout the callers use"`
	CircuitBreaker bool    `yaml:"circuitBreaker" jsonschema_description:"callers wrap this system in a circuit breaker"`
	Availability   float64 `yaml:"availability" jsonschema_description:"the system's availability in percent (its SLA); unknown when absent"`
}

// Field rules: the loader enforces them with positions, and the JSON
// Schema carries them (see rules.go).

// FieldRules constrains the top level.
func (Spec) FieldRules() Rules {
	return Rules{
		"apiVersion":   OneOf(APIVersion).WithHint("this physarch reads " + APIVersion + "; write apiVersion: " + APIVersion),
		"kind":         OneOf(Kind),
		"cloud":        OneOf("azure").WithHint("physarch designs for azure; write cloud: azure"),
		"region":       OneOf(azure.RegionNames()...),
		"services":     Rule{MinItems: 1, MaxItems: MaxServices, Hint: fmt.Sprintf("declare from 1 to %d services", MaxServices)},
		"external":     Rule{MaxItems: 100},
		"environments": Rule{MinItems: 1, MaxItems: 10, Hint: "declare from 1 to 10 environments, such as dev and prod"},
	}
}

// FieldRules constrains labels.
func (Text) FieldRules() Rules {
	return Rules{"ko": Pattern("", 200, "at most 200 characters"), "en": Pattern("", 200, "at most 200 characters")}
}

// FieldRules constrains the system's name, which every resource name
// starts from.
func (Metadata) FieldRules() Rules {
	return Rules{"name": Pattern(namePattern, 40, "lower-case letters, digits and single hyphens, starting with a letter and ending with a letter or digit, at most 40 characters")}
}

// MaxServices bounds a spec's services; the planner's work and the output's
// size grow with them.
const MaxServices = 2000

// FieldRules constrains a service.
func (Service) FieldRules() Rules {
	ref := &Rule{MaxLen: 63}
	return Rules{
		"name":       Pattern(namePattern, 63, "lower-case letters, digits and single hyphens, starting with a letter and ending with a letter or digit, at most 63 characters"),
		"kind":       OneOf(WorkloadService, WorkloadCronJob, WorkloadWorker),
		"port":       Between(1, 65535).WithHint("a port from 1 to 65535"),
		"namespace":  Pattern(namePattern, 20, "a namespace group such as payments: lower-case letters, digits and single hyphens, at most 20 characters"),
		"nodePool":   Pattern(`^[a-z][a-z0-9]{0,11}$`, 12, "a node pool name such as apps or gpu: lower-case letters and digits, at most 12 characters"),
		"route":      Pattern(pathPattern, 200, "a path prefix such as /api/users"),
		"runtime":    Pattern(`^[A-Za-z0-9][A-Za-z0-9._+-]*$`, 40, "a runtime such as java21 or python3.12"),
		"image":      Pattern(`^[a-z0-9]([a-z0-9._/:-]*[a-z0-9])?$`, 200, "an image repository without tag, such as shop/order-service"),
		"health":     Pattern(pathPattern, 200, "a path such as /actuator/health"),
		"database":   Pattern(`^[a-z][a-z0-9_-]*$`, 63, "lower-case letters, digits, '_' and '-', starting with a letter, at most 63 characters"),
		"dbPoolSize": Between(1, 1000).WithHint("connections per replica, from 1 to 1,000 (HikariCP's default is 10)"),
		"calls":      List(50, ref),
		"produces":   List(50, ref),
		"consumes":   List(50, ref),
		"external":   List(20, ref),
	}
}

// cronPattern is a schedule's form: five fields of cron characters, or a
// macro. Ranges are checked by ParseCron (the loader), which a pattern
// cannot express.
const cronPattern = `^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|[0-9A-Za-z*?,/-]+( [0-9A-Za-z*?,/-]+){4})$`

// FieldRules constrains a CronJob's settings.
func (CronJob) FieldRules() Rules {
	return Rules{
		"schedule":                Pattern(cronPattern, 100, `cron: five fields (minute hour day-of-month month day-of-week) separated by single spaces, such as "0 2 * * *" (02:00 every day), or @daily; set the zone with timeZone, not TZ=`),
		"timeZone":                Pattern(`^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$`, 64, "an IANA time zone such as Asia/Seoul or UTC"),
		"concurrencyPolicy":       OneOf("Forbid", "Allow", "Replace"),
		"startingDeadlineSeconds": Between(10, 86400).WithHint("seconds, from 10 (the CronJob controller looks every 10 s) to 86,400"),
		"activeDeadlineSeconds":   Between(1, 604800).WithHint("seconds, from 1 to 604,800 (a week)"),
		"parallelism":             Between(1, 100).WithHint("pods at once, from 1 to 100"),
		"completions":             Between(1, 1000).WithHint("successful pods per run, from 1 to 1,000"),
		"backoffLimit":            Between(0, 100).WithHint("retries, from 0 to 100"),
	}
}

// FieldRules bounds a worker's scaling.
func (Worker) FieldRules() Rules {
	return Rules{
		"minReplicas":        Between(0, MaxReplicas).WithHint(fmt.Sprintf("from 0 (scale to zero) to %d replicas", MaxReplicas)),
		"maxReplicas":        Between(1, MaxReplicas).WithHint(fmt.Sprintf("from 1 to %d replicas", MaxReplicas)),
		"messagesPerReplica": Between(1, 100000).WithHint("messages or events per replica, from 1 to 100,000"),
	}
}

// FieldRules bounds the memory target.
func (Autoscale) FieldRules() Rules {
	return Rules{"memoryPercent": Between(0, 95).WithHint("0 (no memory metric) or a percentage up to 95, such as 85")}
}

// FieldRules constrains CPU and memory quantities.
func (Quantities) FieldRules() Rules {
	return Rules{"cpu": Quantity("cpu"), "memory": Quantity("memory")}
}

// FieldRules bounds pinned replicas.
func (Bounds) FieldRules() Rules {
	r := Between(1, MaxReplicas).WithHint(fmt.Sprintf("from 1 to %d replicas", MaxReplicas))
	return Rules{"min": r, "max": r}
}

// MaxReplicas bounds one service's replicas: far above any real service,
// low enough that planning stays cheap.
const MaxReplicas = 1000

// FieldRules bounds the load one user causes.
func (LoadProfile) FieldRules() Rules {
	return Rules{
		"requestsPerUserPerMinute": Between(0, 10000).WithHint("requests per user per minute, from 0 to 10,000"),
		"cpuMillisPerRequest":      Between(0, 60000).WithHint("CPU milliseconds per request, from 0 to 60,000"),
	}
}

// FieldRules constrains an external system.
func (External) FieldRules() Rules {
	return Rules{
		"name":           Pattern(namePattern, 63, "lower-case letters, digits and single hyphens, starting with a letter"),
		"url":            Pattern(`^https?://[^\s/?#]+([/?#][^\s]*)?$`, 500, "an http:// or https:// URL"),
		"timeoutSeconds": Between(1, 3600).WithHint("seconds, from 1 to 3,600"),
		"availability":   Percent(),
	}
}
