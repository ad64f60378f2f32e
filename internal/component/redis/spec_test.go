package redis_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/cli"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"
)

// prodRedis is the phonebill example with redis settings in prod; the
// settings land on line 68, from column 5.
func prodRedis(t *testing.T, settings string) string {
	t.Helper()
	return edit(t, "phonebill", "    profile: prod\n", "    profile: prod\n    redis: "+settings+"\n")
}

func edit(t *testing.T, example, old, new string) string {
	t.Helper()
	_, base, err := examples.Spec(example)
	if err != nil {
		t.Fatal(err)
	}
	src := string(base)
	if !strings.Contains(src, old) {
		t.Fatalf("the example has no %q", old)
	}
	return strings.Replace(src, old, new, 1)
}

// TestBadRedisInput: a mistake in the cache's settings is reported once,
// at its line and column, with what is wrong and a hint, and the build
// writes nothing.
func TestBadRedisInput(t *testing.T) {
	cases := []struct {
		name      string
		spec      func(t *testing.T) string
		line, col int
		want      []string // in the message or the hint
	}{
		{"unknown tier", func(t *testing.T) string { return prodRedis(t, "{tier: Balancd}") }, 68, 19,
			[]string{`"Balancd" is not allowed`, `did you mean "Balanced"`}},
		{"unknown size", func(t *testing.T) string { return prodRedis(t, "{sku: B7}") }, 68, 18,
			[]string{`"B7" is not allowed`}},
		{"a size of another tier", func(t *testing.T) string { return prodRedis(t, "{tier: Balanced, sku: M10}") }, 68, 34,
			[]string{`Azure Managed Redis Balanced has no size "M10"`, "M10 is a Memory Optimized size", "tier: MemoryOptimized"}},
		{"a Compute Optimized size under Flash Optimized", func(t *testing.T) string { return prodRedis(t, "{tier: FlashOptimized, sku: X5}") }, 68, 40,
			[]string{`Azure Managed Redis Flash Optimized has no size "X5"`, "X5 is a Compute Optimized size"}},
		{"an Azure Cache for Redis size under an Azure Managed Redis tier", func(t *testing.T) string { return prodRedis(t, "{tier: Balanced, sku: P1}") }, 68, 34,
			[]string{`Azure Managed Redis Balanced has no size "P1"`, "P1 is an Azure Cache for Redis size"}},
		{"Azure Cache for Redis tier for Azure Managed Redis", func(t *testing.T) string { return prodRedis(t, "{service: managedRedis, tier: Premium}") }, 68, 42,
			[]string{"Premium is an Azure Cache for Redis tier", "service: cacheForRedis"}},
		{"Azure Managed Redis tier for Azure Cache for Redis", func(t *testing.T) string { return prodRedis(t, "{service: cacheForRedis, tier: Balanced}") }, 68, 43,
			[]string{"Balanced is an Azure Managed Redis tier", "Basic, Standard, Premium"}},
		{"high availability off with zones", func(t *testing.T) string { return prodRedis(t, "{highAvailability: false, zoneRedundant: true}") }, 68, 53,
			[]string{"zone redundancy needs high availability", "highAvailability: true"}},
		{"no zone redundancy asked of a highly available cache", func(t *testing.T) string { return prodRedis(t, "{zoneRedundant: false}") }, 68, 28,
			[]string{"zoneRedundant: false cannot be honoured", "highAvailability: false"}},
		{"zone redundancy in a region without zones", func(t *testing.T) string {
			s := strings.Replace(prodRedis(t, "{zoneRedundant: true}"), "region: koreacentral", "region: koreasouth", 1)
			s = strings.Replace(s, "    redis: {zoneRedundant: true}\n", "    redis: {zoneRedundant: true}\n    postgresql: {ha: samezone}\n", 1)
			return strings.Replace(s, "budgetUSD: 4000}", "budgetUSD: 4000, zones: 1}", 1)
		}, 68, 28, []string{"region koreasouth has no availability zones"}},
		{"shards for Azure Managed Redis", func(t *testing.T) string { return prodRedis(t, "{shards: 2}") }, 68, 21,
			[]string{"Azure Managed Redis sets its shards by size"}},
		{"high availability for Azure Cache for Redis", func(t *testing.T) string { return prodRedis(t, "{tier: Premium, highAvailability: true}") }, 68, 46,
			[]string{"highAvailability is a setting of Azure Managed Redis", "Standard and Premium"}},
		{"zone-redundant Azure Cache for Redis Standard", func(t *testing.T) string { return prodRedis(t, "{tier: Standard, sku: C1, zoneRedundant: true}") }, 68, 53,
			[]string{"Azure Cache for Redis Standard is not zone-redundant", "tier: Premium"}},
		{"clustering policy typo", func(t *testing.T) string { return prodRedis(t, "{clusteringPolicy: oss}") }, 68, 31,
			[]string{`"oss" is not allowed`, `did you mean "OSS"`}},
		{"service typo", func(t *testing.T) string { return prodRedis(t, "{service: managedredis}") }, 68, 22,
			[]string{`"managedredis" is not allowed`, `did you mean "managedRedis"`}},
		{"a working set above the tier's largest size", func(t *testing.T) string {
			return edit(t, "phonebill", "workingSetMiB: 1024}", "workingSetMiB: 1000000}")
		}, 53, 42, []string{"no Azure Managed Redis Balanced size holds a working set of 1000000 MiB", "MemoryOptimized"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := c.spec(t)
			doc, err := components.Load("physarch.yaml", []byte(src))
			if err == nil {
				_, err = components.Plan(doc)
			}
			var errs spec.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want positioned errors, got %v", err)
			}
			if len(errs) != 1 {
				t.Fatalf("want 1 error, got %d:\n%v", len(errs), errs)
			}
			e := errs[0]
			if e.Pos.Line != c.line || e.Pos.Col != c.col {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, c.line, c.col, e)
			}
			if e.Hint == "" {
				t.Errorf("error %q has no hint", e.Msg)
			}
			for _, w := range c.want {
				if !strings.Contains(e.Error(), w) {
					t.Errorf("error %q does not say %q", e.Error(), w)
				}
			}
			buildWritesNothing(t, src)
		})
	}
}

// buildWritesNothing runs `physarch build` on a bad spec: exit code 1, the
// error on stderr, and no output directory.
func buildWritesNothing(t *testing.T, src string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "physarch.yaml")
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if code := cli.Execute([]string{"build", file, "-o", out}, &stdout, &stderr); code != 1 {
		t.Errorf("build exits %d, want 1; stderr: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "nothing was written") {
		t.Errorf("build does not say nothing was written: %s", stderr.String())
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("build created %s: %v", out, err)
	}
}

// TestServiceChoice: which managed service an environment gets. A spec
// that names an Azure Cache for Redis tier or size keeps it, everything
// else gets Azure Managed Redis, and the pod stays the pod.
func TestServiceChoice(t *testing.T) {
	cases := []struct {
		name, settings string
		service        string // managedRedis, cacheForRedis
		tier, sku      string
	}{
		{"prod default", "", "managedRedis", "Balanced", "B3"},
		{"Premium stated", "{tier: Premium}", "cacheForRedis", "Premium", "P1"},
		{"P2 stated", "{sku: P2}", "cacheForRedis", "Premium", "P2"},
		{"Standard C1 stated", "{tier: Standard, sku: C1}", "cacheForRedis", "Standard", "C1"},
		{"service stated", "{service: cacheForRedis}", "cacheForRedis", "Premium", "P1"},
		{"size stated without tier", "{sku: X5}", "managedRedis", "ComputeOptimized", "X5"},
		{"tier stated without size", "{tier: MemoryOptimized}", "managedRedis", "MemoryOptimized", "M10"},
		{"Azure Managed Redis stated over a Premium tier", "{service: managedRedis, sku: B10}", "managedRedis", "Balanced", "B10"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := prodRedis(t, "{}")
			if c.settings != "" {
				src = prodRedis(t, c.settings)
			}
			r := prodCache(t, src)
			if r.Service != c.service || r.Tier != c.tier || r.SKU != c.sku {
				t.Errorf("got %s %s %s, want %s %s %s", r.Service, r.Tier, r.SKU, c.service, c.tier, c.sku)
			}
		})
	}
}
