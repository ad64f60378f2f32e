package bastion

import (
	"github.com/physarch/physarch/internal/analysis/decision"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/spec"
)

// Decisions implements decision.Decided: the Bastion tier, against the
// other tier. Standard is what the native client (az network bastion ssh
// and tunnel) needs; Basic connects from the portal only.
func (c *Component) Decisions(_ *plan.Plan, e *plan.Env) []decision.Decision {
	d := decision.Decision{ID: "bastion.tier", Topic: decision.T("Azure Bastion 계층", "Azure Bastion tier"), Choice: decision.T(c.SKU, c.SKU)}
	other := Standard
	note := decision.T("`az network bastion ssh`와 `az network bastion tunnel`로 로컬 클라이언트에서 접속", "the local client connects with `az network bastion ssh` and `az network bastion tunnel`")
	private := decision.T("공용", "public")
	if e.Settings.AKS.PrivateCluster {
		private = decision.T("프라이빗", "private")
	}
	jump := spec.Text{}
	if c.JumpHost {
		jump = decision.T("와 점프 호스트", " and the jump host")
	}
	if c.SKU == Standard {
		other = Basic
		note = decision.T("포털에서만 접속하며 로컬 클라이언트의 터널이 없습니다", "connects from the portal only, with no tunnel for a local client")
		d.Reason = spec.Text{
			Ko: "운영자가 `az network bastion tunnel`로 " + private.Ko + " 클러스터" + jump.Ko + "에 로컬 클라이언트로 접속합니다 (/" + prefix(c.Subnet.CIDR) + " AzureBastionSubnet)",
			En: "operators reach the " + private.En + " cluster" + jump.En + " from their local client with `az network bastion tunnel` (a /" + prefix(c.Subnet.CIDR) + " AzureBastionSubnet)"}
	} else {
		d.Reason = spec.Text{
			Ko: "포털에서의 접속만으로 충분해 로컬 클라이언트 터널이 없는 계층을 씁니다 (/" + prefix(c.Subnet.CIDR) + " AzureBastionSubnet)",
			En: "connecting from the portal is enough, so the tier without the local client's tunnel runs (a /" + prefix(c.Subnet.CIDR) + " AzureBastionSubnet)"}
	}
	d.Alternatives = []decision.Alternative{{Choice: decision.T(other, other), Note: note, Change: func(_ *spec.Spec, env *spec.Environment) {
		decision.Settings[Settings](env, Name).Bastion = other
	}}}
	return []decision.Decision{d}
}

// prefix is a CIDR's prefix length ("26" of 10.0.3.0/26), "?" before the
// subnet is placed.
func prefix(cidr string) string {
	for i := len(cidr) - 1; i >= 0; i-- {
		if cidr[i] == '/' {
			return cidr[i+1:]
		}
	}
	return "?"
}
