package docs

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// Facets a component offers the documents; each is optional, and each
// says which part of the format it fills.
type (
	// Overviewed adds lines to a development document's component list
	// (2.2).
	Overviewed interface {
		Overview(d *md.Doc, e *plan.Env) []string
	}
	// Discovered adds rows to service discovery (4.2 / 4.4): name,
	// address, port, purpose.
	Discovered interface {
		Discovery(d *md.Doc, e *plan.Env) [][]string
	}
	// Stored writes the component's part of the data chapter (5): in
	// development one subsection of 5.1, in production a section 5.N of
	// its own; s numbers the headings.
	Stored interface {
		Data(d *md.Doc, e *plan.Env, s *Sections)
	}
	// BackedUp adds rows to the backup table (development 5.2.2,
	// production 5.N.1): one per tier the component keeps, with its
	// frequency, retention and recovery.
	BackedUp interface {
		Backups(d *md.Doc, e *plan.Env) []Backup
	}
	// Initialised adds rows to development's data initialisation (5.2.1):
	// Job, work, verification (the document numbers them).
	Initialised interface {
		InitJobs(d *md.Doc, e *plan.Env) [][]string
	}
	// FailingOver adds rows to production's automatic failover (10.1.2):
	// tier, failover.
	FailingOver interface {
		Failover(d *md.Doc, e *plan.Env) [][]string
	}
	// Scaled adds rows to production's horizontal scaling per tier (13.2):
	// tier, method, current limit.
	Scaled interface {
		Scaling(d *md.Doc, e *plan.Env) [][]string
	}
	// PrivatelyReached adds rows to the private access table (7.3.1) for
	// what is reached privately without a private endpoint: service,
	// subnet, private DNS zone (the table's subresource and address
	// columns stay "-": such a service takes no endpoint address).
	PrivatelyReached interface {
		PrivateAccess(d *md.Doc, e *plan.Env) [][]string
	}
	// Operated adds lines to development's data commands (11.1.2).
	Operated interface {
		DevCommands(d *md.Doc, e *plan.Env) []string
	}
	// Compared adds rows to the master index's comparison of a part
	// ("data": 4.1): title and this environment's value.
	Compared interface {
		Compare(d *md.Doc, e *plan.Env, part string) [][2]string
	}
	// Migrated adds rows to the development → production checklist (8.1):
	// category, task.
	Migrated interface {
		Migration(d *md.Doc) [][]string
	}
	// Recovered says what the environment's backups are, for production's
	// recovery objectives (10.1.1).
	Recovered interface {
		BackupSummary(d *md.Doc, e *plan.Env) string
	}
	// Troubleshot adds rows to development's common problems (11.2.1):
	// problem, cause, fix, prevention.
	Troubleshot interface {
		Troubles(d *md.Doc, e *plan.Env) [][]string
	}
	// Messaged writes the component's part of the messaging chapter (6):
	// a section 6.N of its own; s numbers the headings.
	Messaged interface {
		Messaging(d *md.Doc, e *plan.Env, s *Sections)
	}
	// Deployed adds rows to the deployment components (9), before CI:
	// component, setting.
	Deployed interface {
		Deployment(d *md.Doc, e *plan.Env) [][]string
	}
	// Routed writes the component's part of production's traffic routing
	// (4.2), numbered by s: the gateway and its rules.
	Routed interface {
		Routing(d *md.Doc, e *plan.Env, s *Sections)
	}
	// Layered adds rows to production's security layers (7.1.1).
	Layered interface {
		SecurityLayers(d *md.Doc, e *plan.Env) []Layer
	}
	// Monitored writes the component's part of production's monitoring
	// stack (8.1), numbered by s, before the alerts.
	Monitored interface {
		Monitoring(d *md.Doc, e *plan.Env, s *Sections)
	}
	// ClusterConfigured adds rows to the cluster settings (3.1.1 in both
	// documents): item, value.
	ClusterConfigured interface {
		ClusterSettings(d *md.Doc, e *plan.Env) [][2]string
	}
	// SecretStored writes the component's part of production's secrets
	// section (7.4), numbered by s, before the list of secrets.
	SecretStored interface {
		SecretStore(d *md.Doc, e *plan.Env, s *Sections)
	}
	// Authorised adds the Azure roles a workload's identity holds on the
	// component to production's RBAC table (7.2.2): one text per role
	// with its scope, each written by the component's Terraform.
	Authorised interface {
		Roles(d *md.Doc, pl *plan.Plan, e *plan.Env, workload string) []string
	}
	// WayIn writes the component's part of operator access (production
	// 7.5, development 7.3), numbered by s: how operators reach what is private
	// (the cluster's API, the vault, the registry), with the exact
	// commands.
	WayIn interface {
		WayIn(d *md.Doc, e *plan.Env, s *Sections)
	}
	// Summarised gives the one-line values the documents print in rows
	// of their own, by key (the Summary constants): the component's text,
	// or false where it has none and the document prints its default.
	// The first component with a text wins.
	Summarised interface {
		Summary(d *md.Doc, e *plan.Env, key string) (string, bool)
	}
)

// SummaryLocated is the optional companion of Summarised: the artifacts
// that realise the component's text for a key (see package claim). A
// summary printed as a settings row needs them.
type SummaryLocated interface {
	SummaryAt(e *plan.Env, key string) []claim.Locator
}

// Layer is one row of the security layers: its number (1 perimeter, 2
// gateway; the documents write 3 identity and 4 data), name, technology
// and what it guards.
type Layer struct {
	N                         int
	Name, Technology, Applies string
}

// Keys of Summarised, and where each is printed.
const (
	// SummaryIngress names the ingress controller (cluster settings,
	// development 2.2, the flows, master index 2.2 and 3.1).
	SummaryIngress = "ingress"
	// SummaryFrontEnd is production's way in, first of its architecture
	// list (2.2); none, no line.
	SummaryFrontEnd = "front end"
	// SummarySecurity is the environment's protection (master index 2.1).
	SummarySecurity = "security"
	// SummaryNetworkSecurity is its network's (master index 3.1).
	SummaryNetworkSecurity = "network security"
	// SummaryTraffic is how traffic arrives (master index 3.1).
	SummaryTraffic = "traffic"
	// SummaryWebSecurity is its web protection (master index 3.2.2).
	SummaryWebSecurity = "web security"
	// SummarySecrets is where the secrets are kept (master index 3.2.2).
	SummarySecrets = "secrets"
	// SummarySecretAccess is how the pods read them (master index 5.2).
	SummarySecretAccess = "secret access"
	// SummaryMonitoring is the monitoring (master index 2.1).
	SummaryMonitoring = "monitoring"
	// SummaryMonitoringTools are its tools (master index 6.1).
	SummaryMonitoringTools = "monitoring tools"
	// SummaryLogRetention is how long logs are kept (master index 6.1,
	// development's log collection 8.2.1).
	SummaryLogRetention = "log retention"
	// SummaryCPUAlert is the node CPU alert threshold, such as 80%
	// (development 8.1.1, production 8.1.2).
	SummaryCPUAlert = "cpu alert"
	// SummaryMaintenance is the cluster's planned-maintenance window
	// (production's procedures, 10.2.1); none, no line.
	SummaryMaintenance = "upgrade window"
	// SummaryImageScanning is what scans the images and guards the
	// cluster at run time (production's deployment components, 9); none,
	// no line.
	SummaryImageScanning = "image scanning"
)

// summary is the first component's text for a key, or def.
func summary(d *md.Doc, e *plan.Env, key, def string) string {
	for _, c := range plan.Facets[Summarised](e) {
		if v, ok := c.Summary(d, e, key); ok {
			return v
		}
	}
	return def
}

// summaryAt are the artifacts realising the summary printed for a key:
// those of the component whose text wins, none where it has no text or
// says nothing of them.
func summaryAt(e *plan.Env, key string) []claim.Locator {
	for _, c := range plan.Facets[Summarised](e) {
		if _, ok := c.Summary(md.New(md.En), e, key); ok {
			if l, ok := c.(SummaryLocated); ok {
				return l.SummaryAt(e, key)
			}
			return nil
		}
	}
	return nil
}

// Sections numbers headings: Next writes "prefix.n title" at its level
// and returns the numbering of the sections below it.
type Sections struct {
	d      *md.Doc
	prefix string
	level  int
	n      int
}

// NewSections numbers headings of a level below a prefix such as "5.1".
func NewSections(d *md.Doc, prefix string, level, start int) *Sections {
	return &Sections{d: d, prefix: prefix, level: level, n: start}
}

// Next writes the next numbered heading.
func (s *Sections) Next(title string) *Sections {
	s.n++
	num := fmt.Sprintf("%s.%d", s.prefix, s.n)
	s.d.H(s.level, num+" "+title)
	return &Sections{d: s.d, prefix: num, level: s.level + 1}
}

// Count is how many headings Next has written.
func (s *Sections) Count() int { return s.n }

// MiB prints a memory size in Mi, or Gi when it is whole.
func MiB(v int64) string { return mib(v) }

// StorageSize prints a disk size, "-" for none.
func StorageSize(gb int) string { return storageSize(gb) }

// Zones prints a zone list, such as "1, 2, 3".
func Zones(z []int) string { return zones(z) }

// Days prints a number of days.
func Days(d *md.Doc, n int) string { return msg.Days(d, n) }

// rowsOf collects one facet's rows over the environment's components.
func rowsOf[F any](e *plan.Env, rows func(F) [][]string) [][]string {
	var out [][]string
	for _, f := range plan.Facets[F](e) {
		out = append(out, rows(f)...)
	}
	return out
}

// linesOf collects one facet's lines over the environment's components.
func linesOf[F any](e *plan.Env, lines func(F) []string) []string {
	var out []string
	for _, f := range plan.Facets[F](e) {
		out = append(out, lines(f)...)
	}
	return out
}

// joinNonEmpty joins the non-empty texts.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// Assumed marks a figure the spec did not state (a block's default) so
// that the documents say which figures are defaults: "500 GB (기본값)".
func Assumed(d *md.Doc, value string, stated bool) string {
	if stated {
		return value
	}
	return value + d.T(" (기본값)", " (default)")
}

// Row is a settings-table row that states configuration: it records the
// claim (see package claim) under the current heading and returns the
// row. at are the artifacts that realise it; a row with none is a claim
// nothing realises, which the claim registry test refuses unless it is
// listed there as pending.
func Row(d *md.Doc, id, key, value string, at ...claim.Locator) [2]string {
	d.Claim(id, key, at...)
	return [2]string{key, value}
}

// Cells is Row for a row of more than two cells: the first cell is the
// statement's text.
func Cells(d *md.Doc, id string, cells []string, at ...claim.Locator) []string {
	d.Claim(id, cells[0], at...)
	return cells
}

// Item is Row for a list item.
func Item(d *md.Doc, id, text string, at ...claim.Locator) string {
	d.Claim(id, text, at...)
	return text
}

// PodImage locates a backing pod's image in its StatefulSet.
func PodImage(b *plan.Workload) claim.Locator {
	return claim.K8s("StatefulSet", b.Name, "spec.template.spec.containers.image").Is(b.Image)
}

// PodResources locate a backing pod's requests and limits.
func PodResources(b *plan.Workload) []claim.Locator {
	c := "spec.template.spec.containers.resources."
	return []claim.Locator{
		claim.K8s("StatefulSet", b.Name, c+"requests.cpu").Is(b.CPURequest),
		claim.K8s("StatefulSet", b.Name, c+"requests.memory").Is(b.MemRequest),
		claim.K8s("StatefulSet", b.Name, c+"limits.cpu").Is(b.CPULimit),
		claim.K8s("StatefulSet", b.Name, c+"limits.memory").Is(b.MemLimit),
	}
}

// PodStorage locates a backing pod's disk: its claim template's class and
// size.
func PodStorage(b *plan.Workload) []claim.Locator {
	return []claim.Locator{
		claim.K8s("StatefulSet", b.Name, "spec.volumeClaimTemplates.spec.storageClassName").Is(b.StorageClass),
		claim.K8s("StatefulSet", b.Name, "spec.volumeClaimTemplates.spec.resources.requests.storage").Is(fmt.Sprintf("%dGi", b.StorageGB)),
	}
}

// ZoneList is zones as the Terraform writes them, joined the way a claim
// compares a list ("1,2,3").
func ZoneList(z []int) string {
	s := make([]string, len(z))
	for i, v := range z {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, ",")
}
