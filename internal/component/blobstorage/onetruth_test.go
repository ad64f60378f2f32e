package blobstorage_test

import (
	"fmt"
	"github.com/physarch/physarch/internal/render/msg"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/physarch/physarch/internal/analysis/availability"
	"github.com/physarch/physarch/internal/analysis/cost"
	"github.com/physarch/physarch/internal/catalog/azure"
	"github.com/physarch/physarch/internal/component/blobstorage"
	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// prodOf builds a spec and returns its plan, files, production
// environment and planned account.
func prodOf(t *testing.T, src string) (*plan.Plan, []render.File, *plan.Env, *blobstorage.Component) {
	t.Helper()
	pl, files := readback.Build(t, "media.yaml", []byte(src), md.Ko)
	e := pl.Envs[len(pl.Envs)-1]
	b, ok := plan.Find[*blobstorage.Component](e)
	if !ok || !b.Managed() {
		t.Fatal("prod plans no storage account")
	}
	return pl, files, e, b
}

// TestOneTruth: the production document's account, container and
// lifecycle tables, the Terraform, the cost rows and the SLA entries all
// state the planned account, figure for figure.
func TestOneTruth(t *testing.T) {
	pl, files, e, b := prodOf(t, sample(t))
	doc := readback.File(t, files, "physical-architecture-"+e.Name+".md")
	main := readback.TerraformOf(t, files, e.Name)

	// The account.
	acct := readback.TableUnder(t, doc, "스토리지 계정")
	sas := readback.Find(main, "azurerm_storage_account")
	if len(sas) != 1 {
		t.Fatalf("Terraform has %d storage accounts, want 1", len(sas))
	}
	sa := sas[0]
	bp := sa.Blocks["blob_properties"]
	if len(bp) != 1 {
		t.Fatalf("storage account has %d blob_properties blocks", len(bp))
	}
	softDays := ""
	if d := bp[0].Blocks["delete_retention_policy"]; len(d) == 1 {
		softDays = d[0].Attrs["days"] + "일"
	}
	for _, c := range []struct{ what, doc, tf, plan string }{
		{"account", value(t, acct, "계정"), tfDefault(t, files, e.Name, "blob_storage_account_name"), b.Account},
		{"access tier", value(t, acct, "액세스 계층"), sa.Attrs["access_tier"], b.AccessTier},
		{"redundancy", strings.ReplaceAll(value(t, acct, "중복성"), "-", ""), sa.Attrs["account_replication_type"], strings.ReplaceAll(b.Redundancy, "-", "")},
		{"soft delete", value(t, acct, "일시 삭제"), softDays, strconv.Itoa(b.SoftDeleteDays) + "일"},
		{"versioning", msg.BoolOf(value(t, acct, "버전 관리")), bp[0].Attrs["versioning_enabled"], strconv.FormatBool(b.Versioning)},
		{"public network", strconv.FormatBool(strings.HasPrefix(value(t, acct, "공용 네트워크 접근"), "허용")), sa.Attrs["public_network_access_enabled"], strconv.FormatBool(!b.PrivateEndpoint())},
	} {
		if c.doc != c.plan || c.tf != c.plan {
			t.Errorf("%s: document %q, Terraform %q, plan %q", c.what, c.doc, c.tf, c.plan)
		}
	}
	if sa.Attrs["shared_access_key_enabled"] != "false" || sa.Attrs["min_tls_version"] != "TLS1_2" {
		t.Errorf("the account must refuse shared keys and TLS below 1.2: %v", sa.Attrs)
	}

	// The containers, their users and the data roles.
	ctTable := readback.TableUnder(t, doc, "컨테이너")
	tfContainers := readback.Find(main, "azurerm_storage_container")
	if len(ctTable.Rows) != len(b.Containers) || len(tfContainers) != len(b.Containers) {
		t.Fatalf("containers: document %d, Terraform %d, plan %d", len(ctTable.Rows), len(tfContainers), len(b.Containers))
	}
	access := map[string]string{"none": "private", "blob": "blob", "container": "container"}
	for i, ct := range b.Containers {
		row, tf := ctTable.Rows[i], tfContainers[i]
		if row[0] != ct.Name || tf.Attrs["name"] != ct.Name || row[1] != ct.PublicAccess || tf.Attrs["container_access_type"] != access[ct.PublicAccess] {
			t.Errorf("container %d: document %v, Terraform %v, plan %+v", i, row, tf.Attrs, ct)
		}
		if want := strings.Join(b.UsersOf(ct.Name), ", "); row[2] != want {
			t.Errorf("container %s users: document %q, plan %q", ct.Name, row[2], want)
		}
	}
	grants := roleAssignments(t, files, e.Name)
	var want []string
	for _, u := range b.Users {
		for _, ct := range u.Containers {
			want = append(want, fmt.Sprintf("%s|%s|%s", u.Service, ct, u.Role))
		}
	}
	slices.Sort(want)
	if !slices.Equal(grants, want) {
		t.Errorf("role assignments in Terraform:\n%v\nplan:\n%v", grants, want)
	}

	// The lifecycle.
	lc := readback.TableUnder(t, doc, "수명 주기 관리")
	pol := readback.Find(main, "azurerm_storage_management_policy")
	if len(pol) != 1 {
		t.Fatalf("Terraform has %d management policies", len(pol))
	}
	base := pol[0].Blocks["rule"][0].Blocks["actions"][0].Blocks["base_blob"][0].Attrs
	for _, c := range []struct {
		step, attr string
		days       int
	}{
		{"Cool 계층으로 이동", "tier_to_cool_after_days_since_modification_greater_than", b.Lifecycle.CoolAfterDays},
		{"Archive 계층으로 이동", "tier_to_archive_after_days_since_modification_greater_than", b.Lifecycle.ArchiveAfterDays},
		{"삭제", "delete_after_days_since_modification_greater_than", b.Lifecycle.DeleteAfterDays},
	} {
		docv, tfv, planv := value(t, lc, c.step), base[c.attr], ""
		if c.days > 0 {
			planv = strconv.Itoa(c.days)
		}
		docDays := ""
		if docv != "-" {
			docDays = strings.Fields(strings.TrimPrefix(docv, "마지막 수정 후 "))[0]
			docDays = strings.TrimSuffix(docDays, "일")
		}
		if docDays != planv || tfv != planv {
			t.Errorf("lifecycle %s: document %q, Terraform %q, plan %q", c.step, docv, tfv, planv)
		}
	}

	// The data the system carries.
	vol := readback.TableUnder(t, doc, "데이터 용량")
	if got, want := value(t, vol, "저장 용량"), strconv.FormatFloat(b.Volume.StoredGB, 'f', -1, 64)+" GB"; got != want {
		t.Errorf("stored: document %q, plan %q", got, want)
	}

	// Cost rows: what physarch cost prices is what the document prints.
	prices, err := azure.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	reports, err := cost.Estimate(pl, prices)
	if err != nil {
		t.Fatal(err)
	}
	costDoc := readback.TableUnder(t, doc, "월간 비용 분석")
	rows := map[string]cost.Component{}
	for _, c := range reports[len(reports)-1].Components {
		if strings.HasPrefix(c.Name, "Blob Storage") {
			rows[c.Name] = c
			if got, want := cell(t, costDoc, readback.Ko(c.NameKo, c.Name), "월 비용"), usd(c.MonthlyMin, c.MonthlyMax); got != want {
				t.Errorf("cost %s: document %q, physarch cost %q", c.Name, got, want)
			}
		}
	}
	v := b.Volume
	for name, qty := range map[string][2]float64{
		"Blob Storage capacity":         {v.StoredGB, v.StoredGB + 12*v.GrowthGBPerMonth},
		"Blob Storage write operations": {v.WritesM * 100, v.WritesM * 100},
		"Blob Storage read operations":  {v.ReadsM * 100, v.ReadsM * 100},
	} {
		c, ok := rows[name]
		if !ok {
			t.Errorf("no cost row %s", name)
			continue
		}
		if c.Quantity != qty[0] || c.QuantityAt != qty[1] {
			t.Errorf("%s: quantity %g..%g, plan %g..%g", name, c.Quantity, c.QuantityAt, qty[0], qty[1])
		}
	}

	// SLA entries: the document's availability table prints the figures
	// physarch sla computes, one for writes and one for reads.
	slaDoc := readback.TableUnder(t, doc, "자동 장애조치")
	for _, r := range availability.Estimate(pl) {
		if r.Env != e.Name {
			continue
		}
		seen := 0
		for _, c := range r.Components {
			if !strings.HasPrefix(c.Name, "Blob Storage") {
				continue
			}
			seen++
			name := c.Name // the Korean document prints the Korean name
			if c.NameKo != "" {
				name = c.NameKo
			}
			if got := slaRow(t, doc, name); got != fmt.Sprint(c.Percent)+"%" {
				t.Errorf("SLA %s: document %q, physarch sla %v%%", c.Name, got, c.Percent)
			}
		}
		if seen != 2 {
			t.Errorf("physarch sla has %d Blob Storage links, want writes and reads", seen)
		}
	}
	if v, _ := slaDoc.Value("Blob Storage"); !strings.Contains(v, "az storage account failover --name "+b.Account) {
		t.Errorf("the failover row does not give the manual failover command: %q", v)
	}
}

// TestDefaultsMarked: figures the spec does not state are the block's
// defaults, and the document says so.
func TestDefaultsMarked(t *testing.T) {
	src := sample(t)
	for _, l := range []string{"    storedGB: 500\n", "    readsPerMonthMillions: 30\n", "    writesPerMonthMillions: 2\n"} {
		src = strings.Replace(src, l, "", 1)
	}
	_, files, e, b := prodOf(t, src)
	vol := readback.TableUnder(t, readback.File(t, files, "physical-architecture-"+e.Name+".md"), "데이터 용량")
	for key, want := range map[string]string{
		"저장 용량": "100 GB (기본값)", "월 증가량": "50 GB",
		// reads: 100 GB × 256 = 25,600; writes: 50 GB × 256 = 12,800.
		"월 읽기": "0.0256M (기본값)", "월 쓰기": "0.0128M (기본값)",
	} {
		if got := value(t, vol, key); got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
	if b.Volume.StatedStored || !b.Volume.StatedGrowth {
		t.Errorf("stated flags wrong: %+v", b.Volume)
	}
}

func value(t *testing.T, tb readback.Table, key string) string {
	t.Helper()
	v, ok := tb.Value(key)
	if !ok {
		t.Fatalf("table under %q has no row %q", tb.Heading, key)
	}
	return v
}

// cell is the column of a row, by the row's first cell and the column's
// header.
func cell(t *testing.T, tb readback.Table, row, col string) string {
	t.Helper()
	i := tb.Col(col)
	for _, r := range tb.Rows {
		if i >= 0 && r[0] == row {
			return r[i]
		}
	}
	t.Fatalf("table under %q has no cell %s/%s", tb.Heading, row, col)
	return ""
}

// slaRow is the SLA column of a component in the availability table.
func slaRow(t *testing.T, doc []byte, name string) string {
	t.Helper()
	for _, tb := range readback.Tables(doc) {
		if col := tb.Col("SLA"); col > 0 {
			for _, r := range tb.Rows {
				if r[0] == name {
					return r[col]
				}
			}
		}
	}
	t.Fatalf("no SLA row for %s", name)
	return ""
}

func usd(lo, hi float64) string {
	if lo == hi {
		return msg.USD(lo)
	}
	return msg.USDRange(lo, hi)
}

// tfDefault is a variable's default in an environment's variables.tf.
func tfDefault(t *testing.T, files []render.File, env, name string) string {
	t.Helper()
	body := parse(t, readback.File(t, files, "terraform/"+env+"/variables.tf"))
	for _, b := range body.Blocks {
		if b.Type == "variable" && b.Labels[0] == name {
			if a, ok := b.Body.Attributes["default"]; ok {
				v, _ := a.Expr.Value(nil)
				return v.AsString()
			}
		}
	}
	t.Fatalf("no variable %s", name)
	return ""
}

// roleAssignments are the Terraform's blob role assignments as
// service|container|role, read from the references themselves.
func roleAssignments(t *testing.T, files []render.File, env string) []string {
	t.Helper()
	src := readback.File(t, files, "terraform/"+env+"/main.tf")
	body := parse(t, src)
	text := func(e hclsyntax.Expression) string { r := e.Range(); return string(src[r.Start.Byte:r.End.Byte]) }
	var out []string
	for _, b := range body.Blocks {
		if b.Type != "resource" || b.Labels[0] != "azurerm_role_assignment" || !strings.HasPrefix(b.Labels[1], "blob_") {
			continue
		}
		a := b.Body.Attributes
		scope := strings.TrimSuffix(strings.TrimPrefix(text(a["scope"].Expr), "azurerm_storage_container."), ".id")
		principal := strings.TrimSuffix(strings.TrimPrefix(text(a["principal_id"].Expr), `azurerm_user_assigned_identity.workload["`), `"].principal_id`)
		role, _ := a["role_definition_name"].Expr.Value(nil)
		out = append(out, principal+"|"+scope+"|"+role.AsString())
	}
	slices.Sort(out)
	return out
}

func parse(t *testing.T, src []byte) *hclsyntax.Body {
	t.Helper()
	f, diags := hclsyntax.ParseConfig(src, "x.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return f.Body.(*hclsyntax.Body)
}
