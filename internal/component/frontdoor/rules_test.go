package frontdoor_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/testplan"
)

// staticSample is the Blob Storage block's sample with a static content
// route (Front Door Premium in prod, the account behind a private
// endpoint).
func staticSample(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "blobstorage", "testdata", "sample-static.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edit replaces old (which must be in the sample) with new.
func edit(t testing.TB, old, new string) string {
	t.Helper()
	src := staticSample(t)
	if !strings.Contains(src, old) {
		t.Fatalf("test case does not apply: %q not in the sample", old)
	}
	return strings.Replace(src, old, new, 1)
}

// TestStaticRouteRules gives each static route rule a spec that triggers
// it and one that leaves it quiet; the trigger points at the key to
// change and names what it is about.
func TestStaticRouteRules(t *testing.T) {
	const route = "staticRoute: {container: web, path: /static, caching: ignoreQueryString}"
	cases := []struct {
		id             string
		trigger, quiet string
		path, says     string
	}{
		{"CO008", // trigger: caching off; quiet: the sample caches
			edit(t, route, "staticRoute: {container: web, path: /static, caching: off}"), staticSample(t),
			"backing.blobStorage.staticRoute.caching", "/static/*"},
		{"NW013", // trigger: Standard cannot reach the private account; quiet: Premium's Private Link origin
			edit(t, "ingress: {frontDoor: Premium}", "ingress: {frontDoor: Standard}"), staticSample(t),
			"environments[1].ingress.frontDoor", "blobmediaprod"},
		{"SC017", // trigger: the account's public endpoint is open; quiet: private endpoint and Private Link
			edit(t, "ingress: {frontDoor: Premium}", "ingress: {frontDoor: Premium}\n    network: {privateEndpoints: false}"), staticSample(t),
			"backing.blobStorage.staticRoute.container", "past Front Door"},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			fs := testplan.Findings(t, "physarch.yaml", []byte(c.trigger), c.id)
			if len(fs) != 1 {
				t.Fatalf("trigger: want 1 finding, got %+v", fs)
			}
			if fs[0].Path != c.path || !strings.Contains(fs[0].Message, c.says) {
				t.Errorf("trigger: finding %s %q, want at %s saying %q", fs[0].Path, fs[0].Message, c.path, c.says)
			}
			if fs := testplan.Findings(t, "physarch.yaml", []byte(c.quiet), c.id); len(fs) != 0 {
				t.Errorf("quiet: want no finding, got %+v", fs)
			}
		})
	}
}

// TestSC008LeavesTheStaticContainerToSC017: the public container Front
// Door serves is not SC008's (which still judges the others), and where
// Front Door serves nothing, SC008 judges it again.
func TestSC008LeavesTheStaticContainerToSC017(t *testing.T) {
	if fs := testplan.Findings(t, "physarch.yaml", []byte(staticSample(t)), "SC008"); len(fs) != 0 {
		t.Errorf("SC008 on the served container: %+v", fs)
	}
	noEdge := edit(t, "ingress: {frontDoor: Premium}", "ingress: {frontDoor: none}")
	if fs := testplan.Findings(t, "physarch.yaml", []byte(noEdge), "SC008"); len(fs) != 1 || !strings.Contains(fs[0].Message, "container web") {
		t.Errorf("SC008 without Front Door: want the web container, got %+v", fs)
	}
}
