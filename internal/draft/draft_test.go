package draft_test

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/audit"
	"github.com/physarch/physarch/internal/audit/facts"
	"github.com/physarch/physarch/internal/draft"
	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan"
)

const seedDir = "../../../shared/seeds"

func seeds(t *testing.T, names ...string) []facts.Input {
	t.Helper()
	var out []facts.Input
	for _, n := range names {
		m, _ := filepath.Glob(filepath.Join(seedDir, n+"_*.txt"))
		if len(m) != 1 {
			t.Skipf("seed %s not in %s", n, seedDir)
		}
		b, err := os.ReadFile(m[0])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, facts.Input{Name: filepath.Base(m[0]), Data: b})
	}
	return out
}

func pkg(files []render.File) []facts.Input {
	var out []facts.Input
	for _, f := range files {
		if strings.HasPrefix(f.Path, "design/backend/physical/") && (path.Ext(f.Path) == ".md" || path.Ext(f.Path) == ".mmd") {
			out = append(out, facts.Input{Name: f.Path, Data: f.Data})
		}
	}
	return out
}

// roundTrip drafts a spec from a package, builds it, and audits what it
// built: the draft must build, and the rebuilt package must be clean.
func roundTrip(t *testing.T, ins []facts.Input) string {
	t.Helper()
	yaml := draft.Spec(facts.Extract(ins), "imported")
	_, files, err := generate.Spec("physarch.yaml", yaml, generate.Options{Lang: md.Ko})
	if err != nil {
		t.Fatalf("the draft does not build: %v\n%s", err, yaml)
	}
	for _, f := range audit.Default().Run(facts.Extract(pkg(files))) {
		t.Errorf("the rebuilt package: %s %s", f.ID, f.Message)
	}
	return string(yaml)
}

func TestImportSeed002(t *testing.T) {
	y := roundTrip(t, seeds(t, "002"))
	for _, want := range []string{"name: phonebill", "- name: auth-service", "requests: {cpu: 200m, memory: 512Mi}", "replicas: {min: 3, max: 10}", "rto: 30m", "apps: {vmSize: Standard_D4s_v3}", "# AKS tier Standard (conflict: Standard at 002",
		// Korea South is 002's DR and backup region, not a second primary.
		"region: koreacentral  # from 002_a90e9f181511ae38.txt:243, 002_a90e9f181511ae38.txt:617; koreasouth at 002_a90e9f181511ae38.txt:238"} {
		if !strings.Contains(y, want) {
			t.Errorf("draft lacks %q:\n%s", want, y)
		}
	}
}

func TestImportSeeds000And001(t *testing.T) {
	y := roundTrip(t, seeds(t, "000", "001"))
	for _, want := range []string{"- name: user-service", "route: /api/users", "queues: [ai-schedule-generation, location-search, notification]", "conflict: KT 소상공인 이벤트 자동 생성 서비스"} {
		if !strings.Contains(y, want) {
			t.Errorf("draft lacks %q:\n%s", want, y)
		}
	}
}

// TestImportOfAGeneratedPackage: physarch's own output drafts back into a
// spec with the example's services, routes and queues.
func TestImportOfAGeneratedPackage(t *testing.T) {
	files, err := generate.Files(testplan.Example(t, "tripgen"), generate.Options{Lang: md.Ko})
	if err != nil {
		t.Fatal(err)
	}
	y := roundTrip(t, pkg(files))
	for _, want := range []string{"name: tripgen", "- name: trip-service", "route: /api/trips", "ai-schedule-generation"} {
		if !strings.Contains(y, want) {
			t.Errorf("draft lacks %q:\n%s", want, y)
		}
	}
}

// TestImportEachSeedAlone: each seed file on its own drafts a spec that
// builds and rebuilds clean (000 names no service: the draft says so).
func TestImportEachSeedAlone(t *testing.T) {
	for _, n := range []string{"000", "001", "002"} {
		t.Run(n, func(t *testing.T) { roundTrip(t, seeds(t, n)) })
	}
}

// TestImportOfHostileText: invalid UTF-8 in a title, a line break in a
// file's name, a control character in a cell: the draft still loads and
// builds (each broke the YAML once).
func TestImportOfHostileText(t *testing.T) {
	doc := "# 쇼핑\xffX - 물리 아키텍처 설계서 (운영환경)\n\n## 1. 서비스\n\n| 서비스 | 포트 |\n|---|---|\n| order-service | 80\x0180 |\n\n- RTO 30분, RPO 1시간\n"
	diagram := "graph TB\n    %% 쇼핑\x7f - 운영환경\n    O[\"order-service\"]\n"
	for _, name := range []string{"physical-architecture-prod.md", "evil\nkind: Hack\nx.md"} {
		roundTrip(t, []facts.Input{{Name: name, Data: []byte(doc)}, {Name: "network-prod.mmd\r", Data: []byte(diagram)}})
	}
}
