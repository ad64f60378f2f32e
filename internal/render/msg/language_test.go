package msg

import "testing"

// TestEnglishPhrases: the rule finds a planted English sentence and lets
// the exempt parts (code, URLs, identifiers, product names, a lone
// lowercase word) through.
func TestEnglishPhrases(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want int
	}{
		{"가격은 embedded snapshot 기준입니다.", 1},
		{"복구 시간은 the reliability guide gives no shorter figure 입니다.", 1},
		{"`kubectl apply -k overlays/prod`로 배포합니다.", 0},
		{"```sh\nkubectl logs deploy/api   # follow the logs\n```", 1},
		{"```sh\nkubectl logs deploy/api   # 로그 따라가기 (`kubectl logs -f`)\n```", 0},
		{"```sh\ncurl https://x.example/a#b --data a#b\n```", 0},
		{"```sh\nkubectl exec -it deploy/api -- sh -c \"apk add curl\"\n```", 0},
		{"```sh\necho \"a # not a comment here\"\n```", 0},
		{"```sql\nSELECT 1; -- read the whole table\n```", 1},
		{"```sh\npsql -c 'select now()'   # 지금 시각\n```", 0},
		{"```text\n# not a comment in plain text\n```", 0},
		{"```kusto\nContainerLogV2 // the error lines only\n```", 1},
		{"<!--\na\nb\n-->\n배포 전 physarch validate 실행", 1},
		{"<https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers> 참고", 0},
		{"Azure Cache for Redis Premium P1, Standard_D4s_v3, req/s", 0},
		{"AKS 컨트롤 플레인 | Free 계층", 0},
		{"<!-- an html comment -->", 0},
		{"배포 전 physarch validate 실행", 1},
		{"| cart-service | carts, orders | 2.5 |", 0},
		{"출처: reads may be higher, sources disagree", 2},
	} {
		if got := len(EnglishPhrases(c.doc)); got != c.want {
			t.Errorf("%q: %d phrases %q, want %d", c.doc, got, EnglishPhrases(c.doc), c.want)
		}
	}
	if got := EnglishPhrases("<!--\na\nb\n-->\n배포 전 physarch validate 실행"); len(got) != 1 || got[0] != "line 5: physarch validate" {
		t.Errorf("after a 4-line HTML comment: %q, want line 5", got)
	}
	if len(Hangul("Monthly cost\n가용성 목표\n")) != 1 {
		t.Error("Hangul in an English document is not found")
	}
}

// TestUngroupedDollars: an amount of four or more digits without a
// separator is found in prose, and not in code.
func TestUngroupedDollars(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want int
	}{
		{"예산 $6000 비교", 1},
		{"+$621.18 – +$1242.36", 1},
		{"예산 $6,000 비교, $999.99, $0.0163", 0},
		{"`az consumption budget create --amount $6000`", 0},
	} {
		if got := len(UngroupedDollars(c.doc)); got != c.want {
			t.Errorf("%q: %d ungrouped amounts %q, want %d", c.doc, got, UngroupedDollars(c.doc), c.want)
		}
	}
}
