package audit

import (
	"fmt"
	"math"
	"strings"

	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/check"
)

func catalogChecks(r *Registry) {
	r.Add(Check{
		ID: "AU030", Family: "catalog", Severity: check.Error,
		Title:     "A cache SKU is stated with a memory size the SKU does not have",
		Rationale: "Cache sizes are fixed per SKU (Azure Cache for Redis Premium P2 has 13 GB, not 6 GB); a wrong size means the capacity plan or the price was made for another SKU.",
		Fix:       "Use the SKU's size from the catalog, or name the SKU that has the size you planned for.",
		Run:       cacheSizes,
	}, Check{
		ID: "AU031", Family: "catalog", Severity: check.Error,
		Title:     "A VM size is stated with vCPUs or memory it does not have",
		Rationale: "Node and server sizes decide how many pods fit and what the bill is; a size stated with the wrong vCPU or memory count makes both wrong.",
		Fix:       "Use the size's vCPU and memory from the catalog (learn.microsoft.com/azure/virtual-machines/sizes).",
		Run:       vmSizes,
	})
	r.Add(extraCatalog...)
}

func cacheSizes(s *facts.Set) []Finding {
	var out []Finding
	for _, f := range s.Of(facts.CacheSize) {
		tier := "Premium"
		if strings.HasPrefix(f.Subject, "C") {
			tier = "Standard"
		}
		sku, ok := azure.LookupRedis(tier, f.Subject)
		if !ok {
			continue
		}
		gb := float64(sku.MemoryMiB) / 1024
		if math.Abs(f.Num-gb) <= 0.1*gb {
			continue
		}
		out = append(out, Finding{Env: f.Env, Quotes: quotes(f),
			Message: fmt.Sprintf("%s states %s %s with %g GB, but %s %s has %s GB (%s)", at(f), tier, f.Subject, f.Num, tier, f.Subject, trim(gb), sku.Source)})
	}
	return out
}

func vmSizes(s *facts.Set) []Finding {
	var out []Finding
	for _, f := range s.Of(facts.VMSize) {
		vm, ok := azure.LookupVM(f.Subject)
		if !ok || (int(f.Num) == vm.VCPU && math.Abs(f.Max-float64(vm.MemoryGiB)) <= 0.5) {
			continue
		}
		out = append(out, Finding{Env: f.Env, Quotes: quotes(f),
			Message: fmt.Sprintf("%s states %s with %g vCPU and %g GB, but it has %d vCPU and %d GiB (%s)", at(f), f.Subject, f.Num, f.Max, vm.VCPU, vm.MemoryGiB, vm.Source)})
	}
	return out
}
