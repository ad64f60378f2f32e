package generate_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/render/md"
)

// TestRegionWithoutZonesPinsNone: in koreasouth, which has no availability
// zones, the prod profile's three zones become the region's one
// datacenter; no Terraform argument names a zone (Azure refuses "1"
// there), PostgreSQL's HA is samezone and the documents say there are no
// zones. The same spec in koreacentral pins zones, so the test can fail.
func TestRegionWithoutZonesPinsNone(t *testing.T) {
	p := filepath.Join("..", "component", "postgresql", "testdata", "sample-koreasouth.yaml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	zonal := regexp.MustCompile(`(?m)^\s*(zones|zone|standby_availability_zone)\s*=`)
	for _, c := range []struct {
		region string
		pinned bool
	}{{"koreasouth", false}, {"koreacentral", true}} {
		spec := strings.Replace(string(data), "region: koreasouth", "region: "+c.region, 1)
		_, files, err := generate.Spec(p, []byte(spec), generate.Options{Lang: md.Ko})
		if err != nil {
			t.Fatalf("%s: %v", c.region, err)
		}
		for _, f := range files {
			switch {
			case strings.HasSuffix(f.Path, "terraform/prod/main.tf"):
				if got := zonal.Match(f.Data); got != c.pinned {
					t.Errorf("%s: prod Terraform pins zones %v, want %v", c.region, got, c.pinned)
				}
				ha := strings.Contains(string(f.Data), `mode                      = "SameZone"`) || strings.Contains(string(f.Data), `"SameZone"`)
				if !c.pinned && !ha {
					t.Errorf("%s: PostgreSQL HA is not SameZone", c.region)
				}
			case strings.HasSuffix(f.Path, "physical-architecture-prod.md"):
				says := strings.Contains(string(f.Data), "가용 영역을 제공하지 않음")
				if says == c.pinned {
					t.Errorf("%s: the prod document says the region has no zones: %v", c.region, says)
				}
			}
		}
	}
}
