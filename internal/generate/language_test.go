package generate

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/render/msg"
	"github.com/physarch/physarch/internal/testplan"
)

// untranslated lists the English phrases Korean documents still print, each
// waiting for its Korean form in the block or catalog entry that writes it
// (issue 14). The test fails on any other English phrase, and on an entry
// here that no document prints any more, so that the list only shrinks.
var untranslated = loadUntranslated("testdata/untranslated.txt")

// untranslatedSamples lists the English phrases only the building blocks'
// sample specs make the Korean documents print (not in untranslated.txt):
// it too only shrinks.
var untranslatedSamples = loadUntranslated("testdata/untranslated-samples.txt")

func loadUntranslated(path string) map[string]bool {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	m := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}

// documents returns an example's three Markdown documents in one language.
func documents(t *testing.T, name string, lang md.Lang) map[string]string {
	docs := map[string]string{}
	for _, f := range build(t, name, lang) {
		if strings.HasPrefix(f.Path, render.PackageDir+"/") && strings.HasSuffix(f.Path, ".md") {
			docs[f.Path] = string(f.Data)
		}
	}
	if len(docs) != 3 {
		t.Fatalf("%s: %d documents, want master, dev and prod", name, len(docs))
	}
	return docs
}

// TestKoreanDocumentsAreKorean: no English phrase in the prose of a Korean
// document (the rule: msg.EnglishPhrases), and no Hangul in an English one.
func TestKoreanDocumentsAreKorean(t *testing.T) {
	seen := map[string]bool{}
	for _, name := range examples.Names() {
		for p, doc := range documents(t, name, md.Ko) {
			for _, f := range msg.EnglishPhrases(doc) {
				phrase := f[strings.Index(f, ": ")+2:]
				if untranslated[phrase] {
					seen[phrase] = true
					continue
				}
				t.Errorf("%s %s: English in a Korean document: %q", name, p, f)
			}
		}
		for p, doc := range documents(t, name, md.En) {
			for _, f := range msg.Hangul(doc) {
				t.Errorf("%s %s: Hangul in an English document: %s", name, p, f)
			}
		}
		for _, lang := range []md.Lang{md.Ko, md.En} {
			for p, doc := range documents(t, name, lang) {
				for _, f := range msg.UngroupedDollars(doc) {
					t.Errorf("%s %s %s: a dollar amount without thousands separators: %s", name, lang, p, f)
				}
			}
		}
	}
	var stale []string
	for p := range untranslated {
		if !seen[p] {
			stale = append(stale, p)
		}
	}
	sort.Strings(stale)
	for _, p := range stale {
		t.Errorf("testdata/untranslated.txt lists %q, which no Korean document prints any more: remove it", p)
	}
}

// TestLanguageRuleCatchesEnglish plants English in a Korean document and
// Hangul in an English one: the rule must see both, and must let the
// exempt parts through.
func TestLanguageRuleCatchesEnglish(t *testing.T) {
	doc := documents(t, "kt-event-marketing", md.Ko)[render.PackageDir+"/physical-architecture-prod.md"]
	for _, c := range []struct {
		planted string
		want    int
	}{
		{"가격은 embedded snapshot 기준입니다.", 1},
		{"none: the spec gives no availability for this system", 1},
		{"| Service user-service | 3+ replicas across 3 zones | 99.99% |", 1},
		{"Application Gateway WAF_v2, `kubectl apply -k overlays/prod`, https://learn.microsoft.com/azure/aks, Standard_D4s_v3, req/s", 0},
		{"```sh\n# the backup now\n```", 1},
		{"```sh\naz backup now   # 지금 백업 (`az backup now`)\n```", 0},
		{"Azure Cache for Redis Premium P1, Microsoft Defender for Containers", 0},
	} {
		got := len(msg.EnglishPhrases(doc+"\n"+c.planted+"\n")) - len(msg.EnglishPhrases(doc))
		if got != c.want {
			t.Errorf("planted %q: %d more phrases found, want %d", c.planted, got, c.want)
		}
	}
	en := documents(t, "kt-event-marketing", md.En)[render.PackageDir+"/physical-architecture-prod.md"]
	if len(msg.Hangul(en+"\n가용성 목표\n")) != len(msg.Hangul(en))+1 {
		t.Error("Hangul planted in an English document is not found")
	}
}

// TestGlossary: a Korean document uses each concept's one term
// (msg.Glossary), never a variant; and the check sees a planted variant.
func TestGlossary(t *testing.T) {
	for _, name := range examples.Names() {
		for p, doc := range documents(t, name, md.Ko) {
			for _, v := range msg.GlossaryViolations(doc) {
				t.Errorf("%s %s: %s", name, p, v)
			}
		}
	}
	for _, planted := range []string{"클러스터 오토스케일러", "관리 ID", "Private Endpoint"} {
		if len(msg.GlossaryViolations("문장 "+planted+"를 씁니다.")) != 1 {
			t.Errorf("planted %q: not found", planted)
		}
	}
}

// sampleDocuments are a block sample's Markdown documents in one language.
func sampleDocuments(t *testing.T, n testplan.Named, lang md.Lang) map[string]string {
	t.Helper()
	files, err := Files(n.Plan, Options{Lang: lang})
	if err != nil {
		t.Fatalf("%s: %v", n.Name, err)
	}
	docs := map[string]string{}
	for _, f := range files {
		if strings.HasPrefix(f.Path, render.PackageDir+"/") && strings.HasSuffix(f.Path, ".md") {
			docs[f.Path] = string(f.Data)
		}
	}
	return docs
}

// TestKoreanSampleDocumentsAreKorean is TestKoreanDocumentsAreKorean on
// every building block's sample spec (internal/component/<kind>/testdata/
// sample*.yaml), whose variants print what no example does: the same
// rule, with untranslated.txt and untranslated-samples.txt as the
// allowance; a line of untranslated-samples.txt no sample document
// prints any more fails the test, so that it only shrinks.
func TestKoreanSampleDocumentsAreKorean(t *testing.T) {
	seen := map[string]bool{}
	for _, n := range testplan.Samples(t) {
		for p, doc := range sampleDocuments(t, n, md.Ko) {
			for _, f := range msg.EnglishPhrases(doc) {
				phrase := f[strings.Index(f, ": ")+2:]
				if untranslatedSamples[phrase] {
					seen[phrase] = true
					continue
				}
				if untranslated[phrase] {
					continue
				}
				t.Errorf("%s %s: English in a Korean document: %q", n.Name, p, f)
			}
			for _, f := range msg.UngroupedDollars(doc) {
				t.Errorf("%s %s: a dollar amount without thousands separators: %s", n.Name, p, f)
			}
			for _, v := range msg.GlossaryViolations(doc) {
				t.Errorf("%s %s: %s", n.Name, p, v)
			}
		}
		for p, doc := range sampleDocuments(t, n, md.En) {
			for _, f := range msg.Hangul(doc) {
				t.Errorf("%s %s: Hangul in an English document: %s", n.Name, p, f)
			}
			for _, f := range msg.UngroupedDollars(doc) {
				t.Errorf("%s %s: a dollar amount without thousands separators: %s", n.Name, p, f)
			}
		}
	}
	var stale []string
	for p := range untranslatedSamples {
		if !seen[p] {
			stale = append(stale, p)
		}
	}
	sort.Strings(stale)
	for _, p := range stale {
		t.Errorf("testdata/untranslated-samples.txt lists %q, which no sample's Korean document prints any more: remove it", p)
	}
}
