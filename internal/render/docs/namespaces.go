package docs

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/md"
)

// namespaceTable lists the environment's namespaces where it has several:
// which services run in each, and the ResourceQuota and LimitRange sized
// from them.
func namespaceTable(d *md.Doc, e *plan.Env) {
	if !e.MultiNamespace() {
		return
	}
	cpu := func(m int64) string {
		if m%1000 == 0 {
			return fmt.Sprint(m / 1000)
		}
		return fmt.Sprintf("%dm", m)
	}
	var rows [][]string
	for _, ns := range e.Namespaces {
		what := append([]string(nil), ns.Services...)
		if ns.Components && len(e.Backing) > 0 {
			what = append(what, d.T("구성 요소 Pod", "the components' pods"))
		}
		list := strings.Join(what, ", ")
		if list == "" {
			list = "-"
		}
		q, l := ns.Quota, ns.Limits
		rows = append(rows, []string{ns.Name, list, fmt.Sprint(q.Pods), cpu(q.RequestsCPUM) + " / " + cpu(q.LimitsCPUM),
			mib(q.RequestsMemMiB) + " / " + mib(q.LimitsMemMiB), cpu(l.MaxCPUM) + ", " + mib(l.MaxMemMiB)})
	}
	d.P(d.T("네임스페이스: 서비스 그룹마다 네임스페이스를 두고, 각 네임스페이스에 계획에서 산정한 ResourceQuota와 LimitRange를 둡니다. 할당량 = ⌈1.1 × Σ 최대 Pod × Pod당 요청(제한)⌉이며, 최대 Pod는 서비스·워커의 최대 레플리카 + 롤링 업데이트 1개, CronJob은 parallelism × 실행 수(Forbid 1, Replace·Allow 2), 환경 네임스페이스는 구성 요소를 Pod로 실행하는 환경에서 그 Pod와 일회성 Job 1개를 더합니다. LimitRange의 컨테이너 최대값은 네임스페이스에서 가장 큰 컨테이너 제한이고, 기본값은 250m/512Mi 요청과 그 두 배의 제한입니다. 네트워크 정책은 네임스페이스를 넘는 흐름도 namespaceSelector와 podSelector로 허용합니다.",
		"Namespaces: each service group runs in its own namespace, each with a ResourceQuota and a LimitRange sized from the plan. Quota = ⌈1.1 × Σ pods at most × each pod's request (limit)⌉, where pods at most are a service's or worker's maximum replicas + 1 rolling-update surge, a cronjob's parallelism × runs (1 under Forbid, 2 under Replace or Allow), and, in the environment's own namespace where the components run as pods, those pods and one of their one-off Jobs. The LimitRange's container maximum is the largest container limit in the namespace; its defaults are 250m/512Mi requests and twice that as limits. Network policies allow the flows across namespaces by namespaceSelector and podSelector."))
	d.Table([]string{d.T("네임스페이스", "Namespace"), d.T("실행", "Runs"), d.T("Pod 할당량", "Pod quota"), d.T("CPU 요청 / 제한 할당량", "CPU requests / limits quota"),
		d.T("메모리 요청 / 제한 할당량", "Memory requests / limits quota"), d.T("컨테이너 최대 (LimitRange)", "Container max (LimitRange)")}, rows)
}
