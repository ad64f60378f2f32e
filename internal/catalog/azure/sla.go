package azure

import (
	"strconv"
	"strings"
)

// SLA is a service level for a component in a configuration. Percent is 0
// when there is no SLA; SLO then holds a non-binding objective, if any.
//
// Where sources differ, the newest first-party source gives the figure and
// the others are kept in Notes. A figure that holds only for some
// configurations (zone-redundant, autoscaling, partitioned, a minimum
// number of instances) carries a Condition; ResolveSLA applies it only to
// a configuration that meets it and otherwise takes the Otherwise entry,
// saying why. Every field after Source is optional, so a table written
// before they existed still works.
type SLA struct {
	Key     string
	Percent float64
	SLO     float64
	Source  Source
	// Disagreement records another figure where sources differ. Kept for
	// tables written before Notes; new entries use Notes. DisagreementKo
	// says it in Korean.
	Disagreement, DisagreementKo string
	// Condition, when set, is what the configuration must meet for
	// Percent to apply.
	Condition *Condition
	// Otherwise is the key of the entry that applies when Condition is not
	// met; empty means no SLA at all.
	Otherwise string
	// Notes are older or conflicting figures, kept for the record and
	// shown, never used as the value.
	Notes []string
}

// Fact is something about a configuration an SLA condition can ask for.
type Fact string

// The facts SLA conditions use.
const (
	ZoneRedundant Fact = "zone-redundant" // spread over two or more availability zones
	Autoscaling   Fact = "autoscaling"    // its instance count scales between a minimum and a higher maximum
	Partitioned   Fact = "partitioned"    // partitioned over several brokers and stores
)

// Facts are what a component reports about its configuration, for SLA
// conditions. The zero value claims nothing: a component that does not
// report a fact does not meet a condition that needs it.
type Facts struct {
	ZoneRedundant bool
	Autoscaling   bool
	Partitioned   bool
	// MinInstances is how many instances always run (0: not stated).
	MinInstances int
}

// Has reports one fact.
func (f Facts) Has(x Fact) bool {
	switch x {
	case ZoneRedundant:
		return f.ZoneRedundant
	case Autoscaling:
		return f.Autoscaling
	case Partitioned:
		return f.Partitioned
	}
	return false
}

// Condition is what a configuration must meet: every fact of AllOf, at
// least one of AnyOf (when set), and at least MinInstances instances.
type Condition struct {
	AllOf        []Fact
	AnyOf        []Fact
	MinInstances int
	// Text says it as the source does, for output; TextKo in Korean.
	Text, TextKo string
}

// factKo names a fact in Korean.
var factKo = map[Fact]string{ZoneRedundant: "영역 중복", Autoscaling: "자동 스케일링", Partitioned: "파티션 분할"}

// Unmet says what the facts lack, one phrase each ("is not partitioned"),
// empty when the condition is met.
func (c Condition) Unmet(f Facts) []string {
	en, _ := c.unmet(f)
	return en
}

// unmet is Unmet in English and in Korean ("파티션 분할이 아님").
func (c Condition) unmet(f Facts) (en, ko []string) {
	for _, x := range c.AllOf {
		if !f.Has(x) {
			en, ko = append(en, "is not "+string(x)), append(ko, factKo[x]+"이 아님")
		}
	}
	if len(c.AnyOf) > 0 {
		any := false
		for _, x := range c.AnyOf {
			any = any || f.Has(x)
		}
		if !any {
			s, k := "is neither", ""
			for i, x := range c.AnyOf {
				if i > 0 {
					s += " nor"
					k += "도 "
				}
				s += " " + string(x)
				k += factKo[x]
			}
			en, ko = append(en, s), append(ko, k+"도 아님")
		}
	}
	if c.MinInstances > 0 && f.MinInstances < c.MinInstances {
		en, ko = append(en, "runs "+plural(f.MinInstances, "instance")), append(ko, "인스턴스 "+strconv.Itoa(f.MinInstances)+"개로 실행")
	}
	return en, ko
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

var (
	srcAKSTiers = Source{Ref: "MicrosoftDocs/azure-aks-docs articles/aks/free-standard-pricing-tiers.md", Date: "2024-06-07"}
	srcAKSFree  = Source{Ref: "Azure REST spec enum text; Azure/azqr", Date: "2026-02-16", Ko: "Azure REST 스펙의 enum 설명; Azure/azqr"}
	srcVM       = Source{Ref: "Azure VM SLA v1.9", Date: "2024-01-01"}
	srcPGSLA    = Source{Ref: "Azure/azqr report template for flexibleServers, quoting SLA v1.4", Date: "2026-02-16", Ko: "Azure/azqr의 flexibleServers 보고서 템플릿 (SLA v1.4 인용)"}
	srcAQ       = Source{Ref: "Azure/azqr internal/graph/azqr/azure-resources/{type}/kql/*-003.kql", Date: "2026-02-16"}
	srcRedisHA  = Source{Ref: "MicrosoftDocs/azure-docs articles/azure-cache-for-redis/cache-high-availability.md", Date: "2023-03-09"}
	srcSB       = Source{Ref: "Azure/azqr ServiceBus/namespaces/kql/sb-003.kql (99.99% Premium, zone-redundant); MicrosoftDocs/reliability-docs articles/reliability/reliability-service-bus.md (the higher SLA needs Premium, a region with zones and partitioning)", Date: "2025-12-05",
		Ko: "Azure/azqr ServiceBus/namespaces/kql/sb-003.kql (Premium 영역 중복 99.99%); MicrosoftDocs/reliability-docs articles/reliability/reliability-service-bus.md (높은 SLA에는 Premium, 영역이 있는 리전, 파티션 분할이 모두 필요)"}
	srcSBBase = Source{Ref: "MicrosoftDocs/reliability-docs articles/reliability/reliability-service-bus.md; Azure/azqr ServiceBus/namespaces/kql/sb-003.kql (99.9% otherwise)", Date: "2025-12-05",
		Ko: "MicrosoftDocs/reliability-docs articles/reliability/reliability-service-bus.md; Azure/azqr ServiceBus/namespaces/kql/sb-003.kql (그 밖의 경우 99.9%)"}
	srcAppGW = Source{Ref: "Azure/azqr Network/applicationGateways/kql/agw-103.kql; MicrosoftDocs/reliability-docs articles/reliability/reliability-application-gateway-v2.md (SLA only when zone-redundant or autoscaling)", Date: "2025-11-05",
		Ko: "Azure/azqr Network/applicationGateways/kql/agw-103.kql; MicrosoftDocs/reliability-docs articles/reliability/reliability-application-gateway-v2.md (영역 중복 또는 자동 스케일링일 때만 SLA)"}
	srcLB = Source{Ref: "Azure/azqr; MicrosoftDocs/reliability-docs articles/reliability/reliability-load-balancer.md (SLA with at least two healthy back-end VMs)", Date: "2026-01-08",
		Ko: "Azure/azqr; MicrosoftDocs/reliability-docs articles/reliability/reliability-load-balancer.md (정상 백엔드 VM이 2대 이상일 때 SLA)"}
	srcKeyVault = Source{Ref: "Azure/azqr internal/graph/azqr/azure-resources/KeyVault/vaults/kql/kv-003.kql (2026; the 2025 rules agree)", Date: "2026-02-16",
		Ko: "Azure/azqr internal/graph/azqr/azure-resources/KeyVault/vaults/kql/kv-003.kql (2026; 2025 규칙도 같음)"}
)

// slaTables are the core's SLAs and one table per building block that
// needs SLAs of its own (sla_<block>.go), so that adding a block adds a
// file and one entry here.
var slaTables = [][]SLA{coreSLAs, managedRedisSLAs, blobStorageSLAs, azureSQLSLAs, eventHubsSLAs, cosmosdbSLAs, apiManagementSLAs, firewallSLAs, identitySLAs, agcSLAs}

var coreSLAs = []SLA{
	{Key: "aks/Free", SLO: 99.5, Source: srcAKSFree},
	{Key: "aks/Standard/zones", Percent: 99.95, Source: srcAKSTiers},
	{Key: "aks/Standard/nozones", Percent: 99.9, Source: srcAKSTiers},
	{Key: "aks/Premium/zones", Percent: 99.95, Source: srcAKSTiers},
	{Key: "aks/Premium/nozones", Percent: 99.9, Source: srcAKSTiers},
	{Key: "vm/single/premium", Percent: 99.9, Source: srcVM},
	{Key: "vm/single/standardssd", Percent: 99.5, Source: srcVM},
	{Key: "vm/set", Percent: 99.95, Source: srcVM},
	{Key: "vm/zones", Percent: 99.99, Source: srcVM},
	{Key: "vm/spot", Source: srcVM}, // Spot VMs carry no SLA
	{Key: "postgresql/none", Percent: 99.9, Source: srcPGSLA},
	{Key: "postgresql/samezone", Percent: 99.95, Source: srcPGSLA},
	{Key: "postgresql/zoneredundant", Percent: 99.99, Source: srcPGSLA,
		Condition: &Condition{AllOf: []Fact{ZoneRedundant}, Text: "primary and standby in different zones", TextKo: "주 서버와 대기 서버가 서로 다른 영역에 있음"}, Otherwise: "postgresql/samezone"},
	{Key: "redis/Basic", Source: srcAQ},
	{Key: "redis/Standard", Percent: 99.9, Source: srcRedisHA, Notes: []string{azureCacheRetiring}},
	{Key: "redis/Premium", Percent: 99.9, Source: srcRedisHA, Notes: []string{"99.9% with or without zone redundancy: 99.99% is Azure Cache for Redis Enterprise's", azureCacheRetiring}},
	{Key: "servicebus/Basic", Percent: 99.9, Source: srcAQ},
	{Key: "servicebus/Standard", Percent: 99.9, Source: srcAQ},
	{Key: "servicebus/Premium", Percent: 99.99, Source: srcSB,
		Condition: &Condition{AllOf: []Fact{ZoneRedundant, Partitioned}, Text: "zone-redundant in a region with zones, and partitioned", TextKo: "영역이 있는 리전에서 영역 중복이며 파티션 분할"}, Otherwise: "servicebus/Premium/default",
		Notes: []string{"the 99.95% the catalog used before came from an Azure China SLA page that azqr's 2025 rules linked"}},
	{Key: "servicebus/Premium/default", Percent: 99.9, Source: srcSBBase},
	{Key: "appgw/v2", Percent: 99.95, Source: srcAppGW,
		Condition: &Condition{AnyOf: []Fact{ZoneRedundant, Autoscaling}, Text: "zone-redundant or autoscaling", TextKo: "영역 중복 또는 자동 스케일링"}},
	{Key: "frontdoor", Percent: 99.99, Source: srcAQ},
	{Key: "keyvault", Percent: 99.99, Source: srcKeyVault, Notes: []string{"the 99.9% the catalog used before was an old sample's"}},
	{Key: "loadbalancer/Standard", Percent: 99.99, Source: srcLB,
		Condition: &Condition{MinInstances: 2, Text: "at least two healthy back-end VMs", TextKo: "정상 백엔드 VM 2대 이상"}},
	{Key: "privateendpoint", Percent: 99.99, Source: srcAQ},
	{Key: "containerregistry", Percent: 99.9, Source: srcAQ, Notes: []string{"azqr's 2025 rules said 99.95%; its 2026 query says 99.9%"}},
	{Key: "loganalytics", Percent: 99.9, Source: srcAQ},
}

const azureCacheRetiring = "Azure Cache for Redis is being retired in favour of Azure Managed Redis (Premium ends 2028-09-30; new caches are blocked for new tenants): a new design should plan Azure Managed Redis"

// LookupSLA returns the SLA entry for a key.
func LookupSLA(key string) (SLA, bool) {
	for _, t := range slaTables {
		for _, s := range t {
			if s.Key == key {
				return s, true
			}
		}
	}
	return SLA{}, false
}

// Applied is the SLA a configuration gets: the entry whose figure applies
// and, when a condition sent it to a lower one, why.
type Applied struct {
	SLA
	// Asked is the key asked for; SLA.Key differs when a condition was not
	// met.
	Asked string
	// Unmet says why the asked figure does not apply ("" when it does);
	// UnmetKo says it in Korean.
	Unmet, UnmetKo string
	// Found is false when the catalog has no entry for the key at all.
	Found bool
}

// ResolveSLA applies the entry for key to a configuration: its figure when
// the configuration meets its condition (or it has none), otherwise the
// entry its Otherwise names (no SLA when that is empty), with the reason.
func ResolveSLA(key string, f Facts) Applied {
	s, ok := LookupSLA(key)
	if !ok {
		return Applied{Asked: key}
	}
	a := Applied{SLA: s, Asked: key, Found: true}
	for depth := 0; s.Condition != nil && depth < 8; depth++ {
		unmet, unmetKo := s.Condition.unmet(f)
		if len(unmet) == 0 {
			break
		}
		lower := SLA{Key: s.Otherwise, Source: s.Source}
		if s.Otherwise != "" {
			if l, ok := LookupSLA(s.Otherwise); ok {
				lower = l
			}
		}
		why := pct(s.Percent) + " needs " + s.Condition.Text + "; this configuration " + join(unmet)
		whyKo := pct(s.Percent) + "의 조건: " + orText(s.Condition.TextKo, s.Condition.Text) + "; 이 구성은 " + strings.Join(unmetKo, ", ")
		if lower.Percent > 0 {
			why += ", so " + pct(lower.Percent) + " applies"
			whyKo += " (" + pct(lower.Percent) + " 적용)"
		} else {
			why += ", so it has no SLA"
			whyKo += " (SLA 없음)"
		}
		a.Unmet = joinNote(a.Unmet, why)
		a.UnmetKo = joinNote(a.UnmetKo, whyKo)
		lower.Notes = append(append([]string(nil), s.Notes...), lower.Notes...)
		a.SLA, s = lower, lower
	}
	return a
}

// orText is a text's Korean form, or its English where it has none.
func orText(ko, en string) string {
	if ko == "" {
		return en
	}
	return ko
}

func pct(p float64) string { return strconv.FormatFloat(p, 'f', -1, 64) + "%" }

// join lists "a", "a and b", "a, b and c".
func join(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
