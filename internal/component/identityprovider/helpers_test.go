package identityprovider_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sample is the block's sample spec.
func sample(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sample.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edit replaces old (which must be in the sample) with new.
func edit(t testing.TB, old, new string) string {
	t.Helper()
	src := sample(t)
	if !strings.Contains(src, old) {
		t.Fatalf("test case does not apply: %q not in the sample", old)
	}
	return strings.Replace(src, old, new, 1)
}

// The sample's identity provider and prod API Management, which cases
// replace.
const (
	idp  = "    provider: entraExternalId\n    tenant: shopcustomers\n"
	apim = "    apiManagement: {tier: Premium, units: 2, publisherEmail: api-team@example.com}\n"
)

// oidc is the sample with an external OpenID Connect provider.
func oidc(t testing.TB, extra string) string {
	return edit(t, idp, "    provider: oidc\n    issuer: https://login.example.com/realms/shop\n"+extra)
}

// position is the line and column of the first occurrence of at in src
// at or after the text marker.
func position(t *testing.T, src, marker, at string) (int, int) {
	t.Helper()
	i := strings.Index(src, marker)
	if i < 0 {
		t.Fatalf("marker %q not in the spec", marker)
	}
	j := strings.Index(src[i:], at)
	if j < 0 {
		t.Fatalf("%q not after %q", at, marker)
	}
	off := i + j
	return strings.Count(src[:off], "\n") + 1, off - strings.LastIndex(src[:off], "\n")
}
