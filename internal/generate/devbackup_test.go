package generate_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/generate"
	"github.com/physarch/physarch/internal/render/md"
)

// TestDevClaimsHaveTheirObjects: every CronJob a document's command uses
// (kubectl create job --from=cronjob/<name>) is in the manifests, and no
// document claims a Retain reclaim policy, which no generated or built-in
// storage class has (AKS's managed-csi deletes its disks).
func TestDevClaimsHaveTheirObjects(t *testing.T) {
	from := regexp.MustCompile(`--from=cronjob/([a-z0-9-]+)`)
	for _, name := range []string{"kt-event-marketing", "phonebill", "tripgen", "drone-delivery"} {
		p, data, err := examples.Spec(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []md.Lang{md.Ko, md.En} {
			_, files, err := generate.Spec(p, data, generate.Options{Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			var manifests bytes.Buffer
			for _, f := range files {
				if strings.Contains(f.Path, "deploy/k8s/") {
					manifests.Write(f.Data)
				}
			}
			for _, f := range files {
				if !strings.HasSuffix(f.Path, ".md") {
					continue
				}
				for _, m := range from.FindAllSubmatch(f.Data, -1) {
					if !regexp.MustCompile(`kind: CronJob\nmetadata:\n(  .*\n)*?  name: ` + string(m[1]) + `\n`).Match(manifests.Bytes()) {
						t.Errorf("%s %s: %s uses cronjob/%s, which no manifest defines", name, lang, f.Path, m[1])
					}
				}
				if bytes.Contains(f.Data, []byte("| Retain |")) {
					t.Errorf("%s %s: %s claims a Retain storage class", name, lang, f.Path)
				}
			}
		}
	}
}
