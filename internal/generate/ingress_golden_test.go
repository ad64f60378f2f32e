package generate

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
)

// ingressSamples are the specs of the alternative ingress paths and the
// service mesh option, pinned like the examples: Application Gateway for
// Containers behind Front Door (agc), the application routing add-on's
// managed NGINX (approuting), the Istio add-on (servicemesh) and its
// ingress gateway behind the Application Gateway (istiogateway).
// Each is a block and, after a slash, a sample of its other than
// sample.yaml (sample-behind.yaml: managed NGINX behind the gateway).
var ingressSamples = []string{"agc", "approuting", "approuting/sample-behind", "servicemesh", "istiogateway"}

// TestGoldenIngressPaths pins every generated file of each alternative
// ingress path's sample (testdata/golden/ingress-<kind>/...; the
// documents per language, the deployable output once).
func TestGoldenIngressPaths(t *testing.T) {
	for _, kind := range ingressSamples {
		block, file := kind, "sample"
		if b, f, ok := strings.Cut(kind, "/"); ok {
			block, file, kind = b, f, b+"-"+strings.TrimPrefix(f, "sample-")
		}
		goldenSample(t, kind, filepath.Join("..", "component", block, "testdata", file+".yaml"), filepath.Join("testdata", "golden", "ingress-"+kind))
	}
}

// blockSamples are the samples of the blocks no example turns on: API
// Management (internal VNet mode, and Standard v2 with VNet integration),
// Azure Firewall and the end-user identity provider, pinned like the
// examples (testdata/golden/block-<block>[-<variant>]/...).
var blockSamples = []string{"apimanagement", "apimanagement/sample-standardv2", "firewall", "identityprovider"}

// TestGoldenBlockSamples pins every generated file of each such sample.
func TestGoldenBlockSamples(t *testing.T) {
	for _, kind := range blockSamples {
		block, file := kind, "sample"
		if b, f, ok := strings.Cut(kind, "/"); ok {
			block, file, kind = b, f, b+"-"+strings.TrimPrefix(f, "sample-")
		}
		goldenSample(t, kind, filepath.Join("..", "component", block, "testdata", file+".yaml"), filepath.Join("testdata", "golden", "block-"+kind))
	}
}

// TestGoldenDRStandby pins every generated file of the warm standby's
// sample (dr.mode standby-region): the read replica, the DR network and
// the registry's geo-replica in the Terraform, the recovery steps and
// their cost rows in the documents.
func TestGoldenDRStandby(t *testing.T) {
	goldenSample(t, "standby", filepath.Join("..", "component", "postgresql", "testdata", "sample-standby.yaml"), filepath.Join("testdata", "golden", "dr-standby"))
}

// goldenSample compares (or, with -update, rewrites) every file a sample
// spec generates under root: the documents per language, the deployable
// output once.
func goldenSample(t *testing.T, name, spec, root string) {
	t.Helper()
	data, err := os.ReadFile(spec)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		os.RemoveAll(root)
	}
	for _, lang := range []md.Lang{md.Ko, md.En} {
		t.Run(name+"/"+string(lang), func(t *testing.T) {
			_, files, err := Spec(spec, data, Options{Lang: lang})
			if err != nil {
				t.Fatalf("%s: %v", spec, err)
			}
			for _, f := range files {
				dir := root
				if strings.HasPrefix(f.Path, render.PackageDir+"/") {
					dir = filepath.Join(dir, string(lang))
				}
				p := filepath.Join(dir, f.Path)
				if *update {
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(p)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/generate -update)", err)
				}
				if !bytes.Equal(f.Data, want) {
					t.Errorf("%s differs from its golden file; run with -update and review the diff", f.Path)
				}
			}
		})
	}
}
