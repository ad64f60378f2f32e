package plan_test

import (
	"testing"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/testplan"
)

// TestEveryNSGEndsWithADeny: each subnet's NSG ends with DenyVnetInBound
// after every inbound allow it holds, so Azure's default AllowVnetInBound
// never decides; what must still pass (the subnet's own addresses, Azure
// Load Balancer's probes) is allowed just before it; and no two rules of
// one NSG share a direction and a priority, which Azure refuses.
func TestEveryNSGEndsWithADeny(t *testing.T) {
	for _, name := range []string{"kt-event-marketing", "phonebill", "tripgen", "drone-delivery"} {
		pl := testplan.Example(t, name)
		for _, e := range pl.Envs {
			for _, s := range e.Network.Subnets {
				deny, lb, own := 0, 0, 0
				maxAllow := 0
				seen := map[[2]any]string{}
				for _, r := range e.SecurityRules {
					if r.Subnet != s.Role {
						continue
					}
					key := [2]any{r.Direction, r.Priority}
					if other, dup := seen[key]; dup {
						t.Errorf("%s/%s/%s: %s and %s share %s priority %d", name, e.Name, s.Name, other, r.Name, r.Direction, r.Priority)
					}
					seen[key] = r.Name
					if r.Direction != "Inbound" {
						continue
					}
					switch {
					case r.Access == "Deny" && r.Source == "VirtualNetwork" && r.Protocol == "*" && r.Ports[0] == "*":
						deny = r.Priority
					case r.Access == "Allow" && r.Source == "AzureLoadBalancer":
						lb = r.Priority
						maxAllow = max(maxAllow, r.Priority)
					case r.Access == "Allow" && r.Source == s.CIDR && r.Destination == s.CIDR:
						own = r.Priority
						maxAllow = max(maxAllow, r.Priority)
					case r.Access == "Allow":
						maxAllow = max(maxAllow, r.Priority)
					}
				}
				if deny < 4000 || deny > 4096 || deny <= maxAllow {
					t.Errorf("%s/%s/%s: DenyVnetInBound at %d, after allows up to %d; want 4000–4096, last", name, e.Name, s.Name, deny, maxAllow)
				}
				if lb == 0 || own == 0 {
					t.Errorf("%s/%s/%s: load balancer probes allowed at %d, the subnet's own addresses at %d", name, e.Name, s.Name, lb, own)
				}
			}
		}
	}
	if plan.PriorityDenyVnet != 4096 {
		t.Errorf("the deny is at %d, not the last custom priority", plan.PriorityDenyVnet)
	}
}
