package k8s

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/physarch/physarch/internal/plan"
)

// quantity parses one of this package's own constants.
func quantity(s string) resource.Quantity { return resource.MustParse(s) }

// requirements turns a workload's requests and limits into Kubernetes'
// type; the plan has validated them, so an error here names a plan bug.
func requirements(w *plan.Workload) (corev1.ResourceRequirements, error) {
	r := corev1.ResourceRequirements{Requests: corev1.ResourceList{}, Limits: corev1.ResourceList{}}
	for _, q := range []struct {
		list corev1.ResourceList
		name corev1.ResourceName
		val  string
	}{
		{r.Requests, corev1.ResourceCPU, w.CPURequest}, {r.Requests, corev1.ResourceMemory, w.MemRequest},
		{r.Limits, corev1.ResourceCPU, w.CPULimit}, {r.Limits, corev1.ResourceMemory, w.MemLimit},
		{r.Requests, corev1.ResourceEphemeralStorage, w.EphemeralRequest}, {r.Limits, corev1.ResourceEphemeralStorage, w.EphemeralLimit},
	} {
		if q.val == "" {
			continue
		}
		v, err := resource.ParseQuantity(q.val)
		if err != nil {
			return r, fmt.Errorf("quantity %q: %w", q.val, err)
		}
		q.list[q.name] = v
	}
	return r, nil
}
