package frontdoor

import (
	"fmt"
	"strings"

	"github.com/physarch/physarch/internal/render/claim"
	"github.com/physarch/physarch/internal/render/docs"
	"github.com/physarch/physarch/internal/render/md"
)

// The static route's resources, as its document rows locate them.
const (
	tfStaticRoute  = "azurerm_cdn_frontdoor_route.static"
	tfStaticOrigin = "azurerm_cdn_frontdoor_origin.static"
)

// staticDocs writes the static content route (after Front Door's own
// section): what it serves from where, how the edge caches it, the manual
// steps only the user can take (approving the private link, uploading the
// content) and why its traffic is not priced.
func (c *Component) staticDocs(d *md.Doc, s *docs.Sections) {
	st := c.Static
	s.Next(d.T("정적 콘텐츠 경로", "Static content route"))
	origin := fmt.Sprintf(d.T("%s 계정의 공용 Blob 엔드포인트 (HTTPS, 인증서 이름 검사)", "the public blob endpoint of account %s (HTTPS, certificate name checked)"), st.Account)
	originAt := []claim.Locator{claim.TF(tfStaticOrigin, "certificate_name_check_enabled").Is("true")}
	if c.privateLink() {
		origin = fmt.Sprintf(d.T("%s 계정에 대한 Private Link 원본 (blob, Premium), 계정의 승인 필요", "a Private Link origin to account %s (blob, Premium), which the account approves"), st.Account)
		originAt = []claim.Locator{claim.TF(tfStaticOrigin, "private_link.target_type").Is("blob"), claim.Manually(approveCommand)}
	}
	caching := d.T("없음 (caching: off): 모든 요청이 저장소 계정으로 전달", "none (caching: off): every request goes on to the storage account")
	cachingAt := []claim.Locator{claim.TF(tfStaticRoute, "")}
	if st.Cached() {
		caching = fmt.Sprintf(d.T("에지 캐시, 쿼리 문자열 %s", "edge cache, query string %s"), st.Caching)
		cachingAt = []claim.Locator{claim.TF(tfStaticRoute, "cache.query_string_caching_behavior").Is(st.Caching)}
	}
	compression := d.T("없음", "none")
	compressionAt := claim.TF(tfStaticRoute, "")
	if st.Cached() && st.Compression {
		compression = strings.Join(compressTypes, ", ")
		compressionAt = claim.TF(tfStaticRoute, "cache.compression_enabled").Is("true")
	}
	d.KV(d.T("구성 항목", "Item"), d.T("설정 값", "Value"),
		docs.Row(d, "frontdoor.static.route", d.T("경로", "Route"),
			fmt.Sprintf(d.T("%s → 컨테이너 %s의 %s/ 아래 Blob (원본 경로 %s)", "%s → the blobs under %s/ in container %s (origin path %s)"), st.Pattern(), pick(d, st.Container, st.Path), pick(d, st.Path, st.Container), st.OriginPath()),
			claim.TF(tfStaticRoute, "patterns_to_match").Has(st.Pattern()), claim.TF(tfStaticRoute, "cdn_frontdoor_origin_path").Is(st.OriginPath())),
		docs.Row(d, "frontdoor.static.origin", d.T("원본", "Origin"), origin, originAt...),
		docs.Row(d, "frontdoor.static.forwarding", d.T("원본 전달", "Forwarding"), d.T("HTTPS만 (HttpsOnly)", "HTTPS only (HttpsOnly)"), claim.TF(tfStaticRoute, "forwarding_protocol").Is("HttpsOnly")),
		docs.Row(d, "frontdoor.static.caching", d.T("캐싱", "Caching"), caching, cachingAt...),
		docs.Row(d, "frontdoor.static.compression", d.T("압축", "Compression"), compression, compressionAt),
	)
	d.P(d.T("경로는 Front Door와 저장소 계정만 지나며 클러스터를 거치지 않습니다. 복합 가용성은 가용성 표의 해당 경로 행에 있습니다.",
		"The route passes Front Door and the storage account only, not the cluster; its composite availability is the route's row of the availability table."))
	d.P(d.T("비용: 미산정. 카탈로그에 Front Door의 데이터 전송·요청 요금이 없어 정적 콘텐츠 전송 비용은 계산하지 않습니다. 기본 요금은 Front Door 행에, 저장 용량과 읽기 요청은 Blob Storage 행에 있습니다.",
		"Cost: not computed. The catalog has no Front Door data transfer or request meters, so the static share's transfer is not priced; the base fee is in the Front Door row, the storage and its reads in the Blob Storage rows."))
	if c.privateLink() {
		d.P(d.T("Private Link 원본은 저장소 계정이 연결을 승인해야 트래픽을 받습니다 (수동 단계, `terraform apply` 후):",
			"A Private Link origin carries traffic once the storage account approves its connection (a manual step, after terraform apply):"))
		d.Code("sh", approveCommand+"\n")
	}
	d.P(fmt.Sprintf(d.T("콘텐츠는 %s/ 접두사 아래에 올립니다 (수동 단계, Storage Blob Data Contributor 역할이 있는 운영자가 계정에 접근할 수 있는 곳에서):",
		"Upload the content under the %s/ prefix (a manual step, by an operator with Storage Blob Data Contributor, from where the account is reachable):"), strings.TrimPrefix(st.Path, "/")))
	d.Code("sh", c.uploadCommand()+"\n")
}

// pick orders two words for the language: the Korean row names the
// container first.
func pick(d *md.Doc, ko, en string) string {
	if d.Lang == md.Ko {
		return ko
	}
	return en
}

// approveCommand approves Front Door's pending private endpoint
// connections on the account, whose id Terraform outputs.
const approveCommand = `az network private-endpoint-connection list --id "$(terraform output -raw static_origin_account_id)" --query "[?properties.privateLinkServiceConnectionState.status=='Pending'].id" -o tsv | xargs -r -n1 az network private-endpoint-connection approve --description "Front Door static route" --id`

// uploadCommand uploads a build's output directory under the route's
// prefix, signed in with Entra ID (the account has no shared keys).
func (c *Component) uploadCommand() string {
	st := c.Static
	return fmt.Sprintf("az storage blob upload-batch --auth-mode login --account-name %s --destination %s --destination-path %s --source ./dist --overwrite",
		st.Account, st.Container, strings.TrimPrefix(st.Path, "/"))
}
