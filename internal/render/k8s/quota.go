package k8s

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/physarch/physarch/internal/plan"
)

// quotaObjects are a namespace's ResourceQuota and LimitRange, as the
// plan sized them (plan.Env.sizeNamespace states the rule).
func (c envContext) quotaObjects(nsp plan.Namespace) []any {
	q, l := nsp.Quota, nsp.Limits
	cpu := func(m int64) resource.Quantity { return *resource.NewMilliQuantity(m, resource.DecimalSI) }
	mem := func(mi int64) resource.Quantity { return quantity(fmt.Sprintf("%dMi", mi)) }
	rq := corev1.ResourceQuota{
		TypeMeta:   typeMeta("v1", "ResourceQuota"),
		ObjectMeta: objectMeta("compute", nsp.Name, c.meta("", nil)),
		Spec: corev1.ResourceQuotaSpec{Hard: corev1.ResourceList{
			corev1.ResourcePods:           *resource.NewQuantity(int64(q.Pods), resource.DecimalSI),
			corev1.ResourceRequestsCPU:    cpu(q.RequestsCPUM),
			corev1.ResourceLimitsCPU:      cpu(q.LimitsCPUM),
			corev1.ResourceRequestsMemory: mem(q.RequestsMemMiB),
			corev1.ResourceLimitsMemory:   mem(q.LimitsMemMiB),
		}},
	}
	lr := corev1.LimitRange{
		TypeMeta:   typeMeta("v1", "LimitRange"),
		ObjectMeta: objectMeta("container-limits", nsp.Name, c.meta("", nil)),
		Spec: corev1.LimitRangeSpec{Limits: []corev1.LimitRangeItem{{
			Type:           corev1.LimitTypeContainer,
			Max:            corev1.ResourceList{corev1.ResourceCPU: cpu(l.MaxCPUM), corev1.ResourceMemory: mem(l.MaxMemMiB)},
			Default:        corev1.ResourceList{corev1.ResourceCPU: cpu(l.DefaultCPUM), corev1.ResourceMemory: mem(l.DefaultMemMiB)},
			DefaultRequest: corev1.ResourceList{corev1.ResourceCPU: cpu(l.DefaultRequestCPUM), corev1.ResourceMemory: mem(l.DefaultRequestMemMiB)},
		}}},
	}
	return []any{rq, lr}
}
