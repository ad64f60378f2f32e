package redis_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/render/md"
	"github.com/physarch/physarch/internal/testplan/readback"
)

// TestCacheForRedisAsBefore: a spec that chooses Azure Cache for Redis
// (here by stating tier: Premium) gets exactly the Redis output it got
// before Azure Managed Redis became the default. testdata/cacheforredis
// holds the phonebill example's production files as the goldens had them
// then; the test compares the parts about Redis (its Terraform resources,
// variable and output, its document section and rows, its settings), so
// that other blocks may change the rest.
func TestCacheForRedisAsBefore(t *testing.T) {
	_, files := readback.Build(t, "physarch.yaml", []byte(prodRedis(t, "{tier: Premium}")), md.En)
	for _, c := range []struct {
		file, generated string
		parts           func(string) []string
	}{
		{"main.tf", "terraform/prod/main.tf", func(s string) []string {
			return hclBlocks(s, `resource "azurerm_storage_account" "redis_backup"`, `resource "azurerm_redis_cache" "main"`,
				`resource "azurerm_private_dns_zone" "redis"`, `resource "azurerm_private_endpoint" "redis"`)
		}},
		{"variables.tf", "terraform/prod/variables.tf", func(s string) []string { return hclBlocks(s, `variable "redis_name"`) }},
		{"outputs.tf", "terraform/prod/outputs.tf", func(s string) []string { return hclBlocks(s, `output "redis_hostname"`) }},
		{"physical-architecture-prod.md", "/physical-architecture-prod.md", func(s string) []string {
			// The DR section's recovery step for the cache is new with
			// the DR modes, in either kind of Redis, so it is left out.
			return append(section(s, "### 5.2 Azure Cache for Redis", "### 5.3"), without(lines(s, "| Redis |", "| Azure Cache for Redis |", "| redis |"), "DR region's module")...)
		}},
		{"network-prod.mmd", "/network-prod.mmd", func(s string) []string { return lines(s, "Redis") }},
		{"configmaps.yaml", "overlays/prod/configmaps.yaml", func(s string) []string { return lines(s, "REDIS_") }},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", "cacheforredis", c.file))
		if err != nil {
			t.Fatal(err)
		}
		got, old := c.parts(string(readback.File(t, files, c.generated))), c.parts(string(want))
		if len(old) == 0 {
			t.Fatalf("%s: nothing about Redis in the old file", c.file)
		}
		if strings.Join(got, "\n") != strings.Join(old, "\n") {
			t.Errorf("%s: Azure Cache for Redis changed\n--- now\n%s\n--- before\n%s", c.generated, strings.Join(got, "\n"), strings.Join(old, "\n"))
		}
	}
}

// hclBlocks are the top-level blocks of an HCL file that start with the
// headers, in the file's order.
func hclBlocks(src string, headers ...string) []string {
	var out []string
	ls := strings.Split(src, "\n")
	for i := 0; i < len(ls); i++ {
		for _, h := range headers {
			if ls[i] == h+" {" {
				j := i
				for j < len(ls) && ls[j] != "}" {
					j++
				}
				out = append(out, strings.Join(ls[i:min(j+1, len(ls))], "\n"))
			}
		}
	}
	return out
}

// section is the text from a heading to the next one.
func section(src, from, to string) []string {
	i := strings.Index(src, from)
	if i < 0 {
		return nil
	}
	rest := src[i:]
	if j := strings.Index(rest, to); j >= 0 {
		rest = rest[:j]
	}
	return []string{rest}
}

// lines are the lines that contain any of the texts.
func lines(src string, texts ...string) []string {
	var out []string
	for _, l := range strings.Split(src, "\n") {
		for _, s := range texts {
			if strings.Contains(l, s) {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// without drops the lines that contain the text.
func without(ls []string, text string) []string {
	var out []string
	for _, l := range ls {
		if !strings.Contains(l, text) {
			out = append(out, l)
		}
	}
	return out
}
