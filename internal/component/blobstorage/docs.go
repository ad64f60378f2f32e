package blobstorage

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/physarch/physarch/internal/plan"
	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
)

// title is the block as the documents' tables name it.
const title = "Blob Storage"

// host and port are where the services reach the blob endpoint.
func (c *Component) host(e *plan.Env) (string, int) {
	if c.Managed() {
		return c.Account + ".blob.core.windows.net", PortHTTPS
	}
	return fmt.Sprintf("%s.%s.svc.cluster.local", Name, e.Namespace), PortAzurite
}

// sku is the account's tier and redundancy, or Azurite.
func (c *Component) sku() string {
	if !c.Managed() {
		return "Azurite Pod"
	}
	return c.AccountKind + " " + c.AccessTier + " " + c.Redundancy
}

func (c *Component) containerNames() []string {
	out := make([]string, len(c.Containers))
	for i, ct := range c.Containers {
		out[i] = ct.Name
	}
	return out
}

// Overview implements docs.Overviewed.
func (c *Component) Overview(d *md.Doc, _ *plan.Env) []string {
	if c.Managed() {
		return []string{fmt.Sprintf(d.T("객체 저장소: Azure Blob Storage %s (%s, 컨테이너 %d개)", "Object storage: Azure Blob Storage %s (%s, %d containers)"), c.Account, c.sku(), len(c.Containers))}
	}
	return []string{fmt.Sprintf(d.T("객체 저장소: Azurite Pod (Blob Storage 에뮬레이터, 컨테이너 %d개)", "Object storage: Azurite pod (Blob Storage emulator, %d containers)"), len(c.Containers))}
}

// Discovery implements docs.Discovered.
func (c *Component) Discovery(d *md.Doc, e *plan.Env) [][]string {
	h, p := c.host(e)
	return [][]string{{title, h, strconv.Itoa(p), d.T("객체 저장소 (Blob)", "object storage (Blob)")}}
}

// Data implements docs.Stored: Azurite's settings or the account's, the
// containers with the services that use them, the lifecycle and the data
// the system carries (defaults marked).
func (c *Component) Data(d *md.Doc, e *plan.Env, s *docs.Sections) {
	if !e.IsProdLike() {
		if c.Pod != nil {
			s.Next(d.T("Blob Storage (Azurite Pod) 구성", "Blob Storage (Azurite pod)"))
			b := c.Pod
			d.KV(d.T("구성 항목", "Item"), d.T("값", "Value"),
				docs.Row(d, "blobstorage.pod.image", d.T("이미지", "Image"), b.Image, docs.PodImage(b)),
				docs.Row(d, "blobstorage.pod.resources", d.T("리소스", "Resources"), fmt.Sprintf("requests %s / %s, limits %s / %s", b.CPURequest, b.MemRequest, b.CPULimit, b.MemLimit), docs.PodResources(b)...),
				docs.Row(d, "blobstorage.pod.storage", d.T("스토리지", "Storage"), fmt.Sprintf("%s, %s, /data", b.StorageClass, docs.StorageSize(b.StorageGB)),
					append(docs.PodStorage(b), claim.K8s("StatefulSet", b.Name, "spec.template.spec.containers.volumeMounts.mountPath").Is("/data"))...),
				docs.Row(d, "blobstorage.pod.account", d.T("계정", "Account"), c.Account, claim.K8s("StatefulSet", b.Name, "spec.template.spec.containers.env.value").Has(c.Account+":")),
				docs.Row(d, "blobstorage.pod.endpoint", d.T("엔드포인트", "Endpoint"), c.Endpoint, claim.K8s("ConfigMap", "*", "data.AZURE_STORAGE_BLOB_ENDPOINT").Is(c.Endpoint)),
				docs.Row(d, "blobstorage.pod.auth", d.T("인증", "Authentication"), fmt.Sprintf(d.T("공유 키 (Kubernetes Secret %s, base64 문자열: `openssl rand -base64 32`)", "shared key (Kubernetes Secret %s, a base64 string: `openssl rand -base64 32`)"), Secret),
					claim.K8s("StatefulSet", b.Name, "spec.template.spec.containers.env.valueFrom.secretKeyRef.key").Is(Secret)),
				// the emulator has none of them: nothing to realise
				docs.Row(d, "blobstorage.pod.protection", d.T("일시 삭제, 버전 관리, 수명 주기", "Soft delete, versioning, lifecycle"), d.T("없음 (에뮬레이터)", "none (emulator)"), docs.PodImage(b)),
			)
		} else {
			s.Next(d.T("Azure Blob Storage 구성", "Azure Blob Storage"))
			c.accountTable(d)
		}
		c.containersTable(d)
		// the data the spec states, under a heading of its own: inputs,
		// not settings
		s.Next(d.T("데이터 용량", "Data volume"))
		c.dataTable(d)
		return
	}
	sub := s.Next("Azure Blob Storage")
	sub.Next(d.T("스토리지 계정", "Storage account"))
	if !c.Managed() {
		d.P(fmt.Sprintf(d.T("이 환경은 Blob Storage를 Azurite Pod(%s)로 실행합니다.", "This environment runs Blob Storage as an Azurite pod (%s)."), AzuriteImage))
	} else {
		c.accountTable(d)
	}
	sub.Next(d.T("컨테이너", "Containers"))
	c.containersTable(d)
	if c.Managed() {
		sub.Next(d.T("수명 주기 관리", "Lifecycle management"))
		c.lifecycleTable(d)
	}
	sub.Next(d.T("데이터 용량", "Data volume"))
	c.dataTable(d)
}

func (c *Component) accountTable(d *md.Doc) {
	network := d.T("허용 (공용 엔드포인트, Entra ID 인증)", "allowed (public endpoint, Entra ID sign-in)")
	if c.endpoint {
		network = d.T("차단 (프라이빗 엔드포인트만)", "disabled (private endpoint only)")
	}
	anon := d.T("허용 안 함", "not allowed")
	if c.anyPublic() {
		anon = d.T("허용 (공개 컨테이너가 있음)", "allowed (a container is public)")
	}
	softDelete := d.T("없음", "none")
	if c.SoftDeleteDays > 0 {
		softDelete = docs.Days(d, c.SoftDeleteDays)
	}
	rows := [][2]string{
		docs.Row(d, "blobstorage.account", d.T("계정", "Account"), c.Account, claim.TF(tfAccount, "name").Is(c.Account)),
		docs.Row(d, "blobstorage.kind", d.T("종류", "Kind"), c.AccountKind+" (Standard)", claim.TF(tfAccount, "account_kind").Is(c.AccountKind), claim.TF(tfAccount, "account_tier").Is("Standard")),
		docs.Row(d, "blobstorage.access-tier", d.T("액세스 계층", "Access tier"), c.AccessTier, claim.TF(tfAccount, "access_tier").Is(c.AccessTier)),
		docs.Row(d, "blobstorage.redundancy", d.T("중복성", "Redundancy"), c.Redundancy, claim.TF(tfAccount, "account_replication_type").Is(strings.ReplaceAll(c.Redundancy, "-", ""))),
		docs.Row(d, "blobstorage.tls", "TLS", "1.2+", claim.TF(tfAccount, "min_tls_version").Is("TLS1_2")),
		docs.Row(d, "blobstorage.auth", d.T("인증", "Authentication"), d.T("Entra ID (서비스별 워크로드 ID), 공유 키 사용 안 함", "Entra ID (one workload identity per service), shared keys disabled"),
			claim.TF(tfAccount, "shared_access_key_enabled").Is("false"), claim.TF(tfAccount, "default_to_oauth_authentication").Is("true")),
		docs.Row(d, "blobstorage.public-network", d.T("공용 네트워크 접근", "Public network access"), network, c.networkAt()),
		docs.Row(d, "blobstorage.anonymous", d.T("익명 읽기", "Anonymous read"), anon, claim.TF(tfAccount, "allow_nested_items_to_be_public").Is(strconv.FormatBool(c.anyPublic()))),
		docs.Row(d, "blobstorage.soft-delete", d.T("일시 삭제", "Soft delete"), softDelete, c.softDeleteAt()),
		docs.Row(d, "blobstorage.versioning", d.T("버전 관리", "Versioning"), msg.Bool(d, c.Versioning), claim.TF(tfAccount, "blob_properties.versioning_enabled").Is(strconv.FormatBool(c.Versioning))),
		docs.Row(d, "blobstorage.endpoint", d.T("엔드포인트", "Endpoint"), c.Endpoint, claim.TF(tfAccount, "name").Is(c.Account)),
	}
	if c.Secondary != "" {
		rows = append(rows, docs.Row(d, "blobstorage.secondary", d.T("보조 엔드포인트 (읽기 전용)", "Secondary endpoint (read-only)"), c.Secondary,
			claim.TF(tfAccount, "account_replication_type").Is(strings.ReplaceAll(c.Redundancy, "-", ""))))
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"), rows...)
}

// containersTable lists the containers, who uses them, and the data role
// each user's identity gets (managed) or that Azurite does not check.
func (c *Component) containersTable(d *md.Doc) {
	var rows [][]string
	for _, ct := range c.Containers {
		var roles []string
		for _, u := range c.Users {
			for _, n := range u.Containers {
				if n == ct.Name {
					roles = append(roles, u.Service+": "+u.Role)
				}
			}
		}
		role := strings.Join(roles, ", ")
		if !c.Managed() {
			role = d.T("- (Azurite: 계정 키)", "- (Azurite: account key)")
		}
		rows = append(rows, []string{ct.Name, ct.PublicAccess, strings.Join(c.UsersOf(ct.Name), ", "), role})
	}
	d.Table([]string{d.T("컨테이너", "Container"), d.T("공개 접근", "Public access"), d.T("사용 서비스 (접근)", "Used by (access)"), d.T("데이터 역할", "Data role")}, rows)
}

func (c *Component) lifecycleTable(d *md.Doc) {
	if !c.Lifecycled() {
		d.P(d.T("수명 주기 규칙이 없습니다: 모든 Blob이 계정의 액세스 계층에 남습니다.", "No lifecycle rule: every blob stays in the account's access tier."))
		return
	}
	after := func(n int) string {
		if n == 0 {
			return "-"
		}
		return fmt.Sprintf(d.T("마지막 수정 후 %d일", "%d days after the last change"), n)
	}
	l := c.Lifecycle
	del := after(l.DeleteAfterDays)
	if l.DeleteAfterDays > 0 && c.Versioning {
		del += d.T(" (이전 버전도 생성 후 같은 일수에 삭제)", " (previous versions too, the same days after they were created)")
	}
	d.Table([]string{d.T("단계", "Step"), d.T("시점", "When")}, [][]string{
		{d.T("Cool 계층으로 이동", "Move to Cool"), after(l.CoolAfterDays)},
		{d.T("Archive 계층으로 이동", "Move to Archive"), after(l.ArchiveAfterDays)},
		{d.T("삭제", "Delete"), del},
	})
	d.P(d.T("적용 대상: 계정의 모든 블록 Blob. 비용 영향은 계산하지 않습니다: 저장된 데이터의 나이를 spec이 말하지 않으므로 비용 표는 모든 데이터를 계정의 액세스 계층 가격으로 계산합니다.",
		"Applies to every block blob of the account. Its effect on cost is not computed: the spec does not say how old the stored data is, so the cost table prices all data at the account's access tier."))
}

func (c *Component) dataTable(d *md.Doc) {
	v := c.Volume
	d.KV(d.T("항목", "Item"), d.T("값", "Value"),
		[2]string{d.T("저장 용량", "Stored"), docs.Assumed(d, trim(v.StoredGB)+" GB", v.StatedStored)},
		[2]string{d.T("월 증가량", "Growth per month"), docs.Assumed(d, trim(v.GrowthGBPerMonth)+" GB", v.StatedGrowth)},
		[2]string{d.T("월 읽기", "Reads per month"), docs.Assumed(d, trim(v.ReadsM)+"M", v.StatedReads)},
		[2]string{d.T("월 쓰기", "Writes per month"), docs.Assumed(d, trim(v.WritesM)+"M", v.StatedWrites)},
	)
	if !v.StatedReads || !v.StatedWrites {
		d.P(d.T("기본값의 근거: 읽기는 저장 데이터를 한 달에 한 번 4 MiB 단위로 읽는 횟수(GB × 256), 쓰기는 월 증가량을 4 MiB 블록으로 쓰는 횟수(GB × 256)입니다.",
			"Where the defaults come from: reads are the stored data read once a month in 4 MiB ranges (GB × 256), writes the monthly growth written in 4 MiB blocks (GB × 256)."))
	}
}

// Backups implements docs.BackedUp: Azurite keeps its data on its
// managed disk only, and the init Job recreates the containers (empty);
// the account keeps deleted and overwritten blobs by soft delete and
// versioning, as its Terraform sets them.
func (c *Component) Backups(d *md.Doc, _ *plan.Env) []docs.Backup {
	if !c.Managed() {
		b := c.Pod
		if b == nil {
			return nil
		}
		row := docs.Backup{Tier: docs.TierData, Target: title, Method: d.T("없음 (Azurite 데이터는 관리 디스크에만)", "none (Azurite's data is on its managed disk only)"), Frequency: "-", Retention: "-",
			Geo: msg.Bool(d, false), Recover: "-", Source: "-",
			At: []claim.Locator{claim.K8s("StatefulSet", b.Name, "spec.template.spec.containers.volumeMounts.mountPath").Is("/data")}}
		if c.hasInitJob() {
			row.Recover = fmt.Sprintf(d.T("%s Job이 빈 컨테이너를 다시 만듦", "the %s Job recreates the containers, empty"), initJob)
			row.At = append(row.At, claim.K8s("Job", initJob, "metadata.name").Is(initJob))
		}
		return []docs.Backup{row}
	}
	var freq []string
	if c.SoftDeleteDays > 0 {
		freq = append(freq, d.T("삭제할 때마다 (일시 삭제)", "on every delete (soft delete)"))
	}
	if c.Versioning {
		freq = append(freq, d.T("덮어쓸 때마다 (버전)", "on every overwrite (a version)"))
	}
	row := docs.Backup{Tier: docs.TierData, Target: title, Method: c.protection(d), Frequency: "-", Retention: c.retention(d),
		Geo: msg.Bool(d, c.Geo()), Recover: "-", Source: d.T("Terraform 설정", "the Terraform's setting"),
		At: []claim.Locator{c.softDeleteAt(), claim.TF(tfAccount, "blob_properties.versioning_enabled").Is(strconv.FormatBool(c.Versioning)),
			claim.TF(tfAccount, "account_replication_type").Is(strings.ReplaceAll(c.Redundancy, "-", ""))}}
	if len(freq) > 0 {
		row.Frequency = strings.Join(freq, ", ")
	}
	switch {
	case c.SoftDeleteDays > 0:
		row.Recover = "`az storage blob undelete`"
	case c.Versioning:
		row.Recover = d.T("이전 버전을 현재 Blob으로 복사", "copy the previous version over the blob")
	}
	return []docs.Backup{row}
}

// protection is what keeps deleted or overwritten blobs.
func (c *Component) protection(d *md.Doc) string {
	var parts []string
	if c.SoftDeleteDays > 0 {
		parts = append(parts, d.T("일시 삭제 (Blob, 컨테이너)", "soft delete (blobs, containers)"))
	}
	if c.Versioning {
		parts = append(parts, d.T("버전 관리", "versioning"))
	}
	if len(parts) == 0 || !c.Managed() {
		return d.T("없음", "none")
	}
	return strings.Join(parts, " + ")
}

func (c *Component) retention(d *md.Doc) string {
	if c.SoftDeleteDays == 0 || !c.Managed() {
		return "-"
	}
	return docs.Days(d, c.SoftDeleteDays)
}

// BackupSummary implements docs.Recovered.
func (c *Component) BackupSummary(d *md.Doc, _ *plan.Env) string {
	if !c.Managed() {
		return ""
	}
	where := d.T("리전 내", "in the region")
	if c.Geo() {
		where = d.T("페어 리전에 복제", "replicated to the paired region")
	}
	return fmt.Sprintf(d.T("Blob Storage %s (%s, %s)", "Blob Storage %s (%s, %s)"), c.protection(d), c.Redundancy, where)
}

// Failover implements docs.FailingOver: what each redundancy does when a
// zone or the region fails, with the exact command where a person must
// act.
func (c *Component) Failover(d *md.Doc, e *plan.Env) [][]string {
	if !c.Managed() {
		return [][]string{{title, d.T("없음 (단일 Azurite Pod)", "none (one Azurite pod)")}}
	}
	failover := fmt.Sprintf("`az storage account failover --name %s --resource-group %s --yes`", c.Account, e.Names.ResourceGroup)
	lastSync := fmt.Sprintf("`az storage account show --name %s --resource-group %s --expand geoReplicationStats --query geoReplicationStats.lastSyncTime`", c.Account, e.Names.ResourceGroup)
	manual := fmt.Sprintf(d.T("고객이 시작하는 장애 조치 (수동) %s; 마지막 동기화 시각(%s) 이후의 쓰기는 잃을 수 있고, 장애 조치 후 계정은 LRS가 됨",
		"a customer-initiated failover (manual) %s; writes after the last sync time (%s) may be lost, and the account is LRS after the failover"), failover, lastSync)
	zone := d.T("영역 장애: 자동 (세 영역에 동기 복제); ", "zone failure: automatic (synchronous copies in three zones); ")
	if !strings.Contains(c.Redundancy, "ZRS") {
		zone = d.T("영역 장애: 자동 전환 없음 (주 리전은 한 데이터센터); ", "zone failure: no automatic switch (one datacenter in the primary region); ")
	}
	var what string
	switch c.Redundancy {
	case "LRS":
		what = d.T("없음: 한 데이터센터의 세 복사본, 데이터센터나 영역 장애 시 복구될 때까지 중단", "none: three copies in one datacenter; a datacenter or zone failure stops it until Azure recovers")
	case "ZRS":
		what = zone + d.T("리전 장애: 없음 (페어 리전 복사본 없음)", "region failure: none (no copy in the paired region)")
	case "GRS", "GZRS":
		what = zone + d.T("리전 장애: ", "region failure: ") + manual
	case "RA-GRS", "RA-GZRS":
		what = zone + d.T("리전 장애: 읽기는 보조 엔드포인트에서 계속 (AZURE_STORAGE_BLOB_SECONDARY_ENDPOINT), 쓰기는 ", "region failure: reads go on from the secondary endpoint (AZURE_STORAGE_BLOB_SECONDARY_ENDPOINT), writes need ") + manual
	}
	return [][]string{{title, what}}
}

// Scaling implements docs.Scaled: the account scales by itself up to its
// default limits (learn.microsoft.com/azure/storage/common/scalability-targets-standard-account).
func (c *Component) Scaling(d *md.Doc, _ *plan.Env) [][]string {
	if !c.Managed() {
		return [][]string{{title, d.T("없음 (단일 Azurite Pod)", "none (one Azurite pod)"), "-"}}
	}
	return [][]string{{title, d.T("자동 (계정 한도 내), 한도 초과 시 계정 추가", "automatic within the account's limits; more accounts beyond them"), d.T("계정당 5 PiB, 초당 20,000 요청 (기본 한도)", "5 PiB and 20,000 requests/s per account (default limits)")}}
}

// Compare implements docs.Compared: the master index's data comparison.
func (c *Component) Compare(d *md.Doc, _ *plan.Env, part string) [][2]string {
	if part != "data" {
		return nil
	}
	lc, sd := "-", "-"
	if c.Managed() {
		lc = d.T("없음", "none")
		if c.Lifecycled() {
			var steps []string
			if n := c.Lifecycle.CoolAfterDays; n > 0 {
				steps = append(steps, "Cool "+msg.Days(d, n))
			}
			if n := c.Lifecycle.ArchiveAfterDays; n > 0 {
				steps = append(steps, "Archive "+msg.Days(d, n))
			}
			if n := c.Lifecycle.DeleteAfterDays; n > 0 {
				steps = append(steps, d.T("삭제 ", "delete after ")+msg.Days(d, n))
			}
			lc = strings.Join(steps, ", ")
		}
		sd = c.protection(d)
	}
	return [][2]string{
		{"Blob Storage", c.sku()},
		{d.T("Blob 수명 주기", "Blob lifecycle"), lc},
		{d.T("Blob 보호", "Blob protection"), sd},
	}
}

// Migration implements docs.Migrated.
func (c *Component) Migration(d *md.Doc) [][]string {
	return [][]string{{d.T("데이터", "Data"), d.T("Azurite → Azure Blob Storage (`azcopy copy --recursive`, 컨테이너별)", "Azurite → Azure Blob Storage (`azcopy copy --recursive`, per container)")}}
}

// InitJobs implements docs.Initialised: the init Job creates the
// containers in Azurite.
func (c *Component) InitJobs(d *md.Doc, _ *plan.Env) [][]string {
	if !c.hasInitJob() {
		return nil
	}
	return [][]string{{initJob, fmt.Sprintf(d.T("컨테이너 생성: %s", "create the containers %s"), strings.Join(c.containerNames(), ", ")), "`az storage container list`"}}
}

// DevCommands implements docs.Operated.
func (c *Component) DevCommands(d *md.Doc, e *plan.Env) []string {
	if c.Pod == nil {
		return nil
	}
	return []string{
		fmt.Sprintf("kubectl -n %s port-forward statefulset/%s %d:%d   # %s", e.Namespace, Name, PortAzurite, PortAzurite, d.T("localhost에서 Azurite 사용", "Azurite on localhost")),
		fmt.Sprintf(`az storage container list --connection-string "DefaultEndpointsProtocol=http;AccountName=%[1]s;AccountKey=$BLOBSTORAGE_ACCOUNT_KEY;BlobEndpoint=http://127.0.0.1:%[2]d/%[1]s;" -o table`, c.Account, PortAzurite),
	}
}

// Troubles implements docs.Troubleshot.
func (c *Component) Troubles(d *md.Doc, _ *plan.Env) [][]string {
	if !c.Managed() {
		return [][]string{{d.T("Blob 403 (AuthorizationFailure)", "Blob 403 (AuthorizationFailure)"), d.T("서비스와 Azurite의 계정 키 불일치", "the services' and Azurite's account keys differ"), fmt.Sprintf(d.T("Secret %s 확인 후 Pod 재시작", "check Secret %s, restart the pods"), Secret), d.T("키는 base64 문자열", "the key is a base64 string")}}
	}
	return [][]string{{d.T("Blob 403 (AuthorizationPermissionMismatch)", "Blob 403 (AuthorizationPermissionMismatch)"), d.T("역할 할당 누락 또는 전파 중 (최대 10분)", "role assignment missing or still propagating (up to 10 minutes)"), d.T("서비스 ID의 컨테이너 역할 확인", "check the service identity's role on the container"), d.T("uses.blobStorage에 컨테이너와 access 명시", "name the containers and access in uses.blobStorage")}}
}

// Roles implements docs.Authorised: a using service's identity holds its
// data role on each of its containers, never on the account (Terraform
// writes one assignment per service and container).
func (c *Component) Roles(d *md.Doc, _ *plan.Plan, e *plan.Env, workload string) []string {
	if !c.Managed() || e.Identity(workload) == nil {
		return nil
	}
	var out []string
	for _, u := range c.Users {
		if u.Service != workload {
			continue
		}
		for _, ct := range u.Containers {
			out = append(out, fmt.Sprintf(d.T("%s (컨테이너 %s/%s)", "%s (container %s/%s)"), u.Role, c.Account, ct))
		}
	}
	return out
}
