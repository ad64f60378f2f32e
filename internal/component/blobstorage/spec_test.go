package blobstorage_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/cli"
	"github.com/physarch/physarch/internal/components"
	"github.com/physarch/physarch/internal/spec"
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

// prodBlob is the sample's prod blobStorage settings, which cases replace.
const prodBlob = "    blobStorage:\n      redundancy: RA-GZRS\n      lifecycle: {coolAfterDays: 30, deleteAfterDays: 365}\n"

// position is the line and column of the first occurrence of at in src
// at or after the text marker, the value the error must point at.
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
	line := strings.Count(src[:off], "\n") + 1
	col := off - strings.LastIndex(src[:off], "\n")
	return line, col
}

// TestBadBlobInput: a mistake in the block's part of the spec gets one
// error at its line and column, with what is wrong and a hint, and the
// build writes nothing.
func TestBadBlobInput(t *testing.T) {
	cases := []struct {
		name     string
		old, new string
		marker   string // where the value is (the first occurrence of at after it)
		at       string
		want     []string
		count    int // errors expected, when not 1 (the first is checked)
	}{
		{"unknown redundancy", prodBlob, "    blobStorage: {redundancy: XRS}\n", "blobStorage: {redundancy", "XRS", []string{`"XRS" is not allowed`, `did you mean "LRS"`}, 0},
		{"redundancy typo", prodBlob, "    blobStorage: {redundancy: RAGRS}\n", "blobStorage: {redundancy", "RAGRS", []string{`did you mean "RA-GRS"`}, 0},
		{"unknown access tier", prodBlob, "    blobStorage: {accessTier: Archive}\n", "accessTier", "Archive", []string{`"Archive" is not allowed`, "Hot", "Cool", "Cold"}, 0},
		// A bad container name is renamed everywhere the spec writes it:
		// each place is an error of its own (the service's use first).
		{"container name with a double hyphen", "exports", "ex--ports", "[ex--ports]", "ex--ports", []string{`containers[0] "ex--ports" is not in the expected form`, "single hyphens"}, 2},
		{"container name too short", "exports", "ex", "{name: ex}", "ex}", []string{`storage container name "ex" has 2 characters; 3 to 63 are allowed`}, 0},
		{"container name in capitals", "exports", "Exports", "[Exports]", "Exports", []string{`containers[0] "Exports" is not in the expected form`}, 2},
		{"container declared twice", "{name: exports}", "{name: exports}\n      - {name: exports}", "- {name: exports}\n      - {name: ", "exports}\n    storedGB", []string{`container "exports" is declared twice`}, 0},
		{"soft delete days out of range", prodBlob, "    blobStorage: {softDeleteDays: 400}\n", "softDeleteDays", "400", []string{"softDeleteDays 400 is out of range", "1 to 365 days"}, 0},
		{"lifecycle days above the maximum", prodBlob, "    blobStorage: {lifecycle: {coolAfterDays: 100000}}\n", "coolAfterDays", "100000", []string{"coolAfterDays 100000 is out of range", "99,999"}, 0},
		{"lifecycle days negative", prodBlob, "    blobStorage: {lifecycle: {deleteAfterDays: -1}}\n", "deleteAfterDays", "-1", []string{"deleteAfterDays -1 is out of range"}, 0},
		{"lifecycle out of order", prodBlob, "    blobStorage: {lifecycle: {coolAfterDays: 90, deleteAfterDays: 30}}\n", "deleteAfterDays", "30", []string{"deleteAfterDays 30 is not after coolAfterDays 90"}, 0},
		{"archive on a zone-redundant account", prodBlob, "    blobStorage: {redundancy: ZRS, lifecycle: {archiveAfterDays: 180}}\n", "archiveAfterDays", "180", []string{"ZRS accounts have no Archive tier"}, 0},
		{"cool on a Cool account", prodBlob, "    blobStorage: {accessTier: Cool}\n", "    blobStorage: {accessTier: Cool}", "Cool", []string{"already Cool", "accessTier: Hot"}, 0},
		{"stored data above an account's capacity", "storedGB: 500", "storedGB: 6000000", "storedGB", "6000000", []string{"storedGB 6000000 is out of range", "5 PiB"}, 0},
		{"container a service does not declare", "{containers: [exports], access: write}", "{containers: [export], access: write}", "[export]", "export]", []string{`container "export"`, `did you mean "exports"`}, 0},
		{"use without access", "{containers: [exports], access: write}", "{containers: [exports]}", "{containers: [exports]}", "{containers", []string{"without saying how", "read, write or readwrite"}, 0},
		{"unknown access", "{containers: [exports], access: write}", "{containers: [exports], access: append}", "access: append", "append", []string{`"append" is not allowed`}, 0},
		{"use key typo", "{containers: [exports], access: write}", "{containers: [exports], acess: write}", "acess", "acess", []string{`unknown key "acess"`, `did you mean "access"`}, 0},
		{"use without the block", "backing:\n  blobStorage:\n", "backing:\n  other:\n", "uses:\n      blobStorage: {containers: [uploads, thumbnails]", "{containers", []string{"uses Blob Storage but the spec declares none"}, 4},
		{"no container", "    containers:\n      - {name: uploads, publicAccess: none}\n      - {name: thumbnails, publicAccess: none}\n      - {name: exports}\n", "    containers: []\n",
			"containers: []", "[]", []string{"needs at least 1 item"}, 0},
		{"containers left out", "  blobStorage:\n    containers:\n      - {name: uploads, publicAccess: none}\n      - {name: thumbnails, publicAccess: none}\n      - {name: exports}\n", "  blobStorage:\n",
			"  blobStorage:\n    storedGB", "storedGB", []string{"without a container holds nothing", "containers: [{name: images}]"}, 0},
		{"mode typo", prodBlob, "    blobStorage: {mode: manged}\n", "mode: manged", "manged", []string{`did you mean "managed"`}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := edit(t, c.old, c.new)
			if strings.HasPrefix(c.name, "container name") {
				src = strings.ReplaceAll(sample(t), c.old, c.new)
			}
			doc, err := components.Load("media.yaml", []byte(src))
			if err == nil {
				_, err = components.Plan(doc)
			}
			var errs spec.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want positioned errors, got %v", err)
			}
			if want := max(c.count, 1); len(errs) != want {
				t.Fatalf("want %d errors, got %d:\n%v", want, len(errs), errs)
			}
			line, col := position(t, src, c.marker, c.at)
			e := errs[0]
			if e.Pos.Line != line || e.Pos.Col != col {
				t.Errorf("position %d:%d, want %d:%d (%v)", e.Pos.Line, e.Pos.Col, line, col, e)
			}
			if e.Hint == "" {
				t.Errorf("error %q has no hint", e.Error())
			}
			for _, w := range c.want {
				if !strings.Contains(e.Error(), w) {
					t.Errorf("error %q does not say %q", e.Error(), w)
				}
			}
			assertBuildWritesNothing(t, src)
		})
	}
}

// assertBuildWritesNothing runs physarch build on a bad spec: exit code 1,
// the positioned error on stderr, and no file in the output directory.
func assertBuildWritesNothing(t *testing.T, src string) {
	t.Helper()
	dir := t.TempDir()
	specPath := filepath.Join(dir, "physarch.yaml")
	if err := os.WriteFile(specPath, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if code := cli.Execute([]string{"build", specPath, "-o", out}, &stdout, &stderr); code != cli.ExitInput {
		t.Fatalf("build exit %d, want %d; stderr:\n%s", code, cli.ExitInput, stderr.String())
	}
	if !strings.Contains(stderr.String(), "nothing was written") || !strings.Contains(stderr.String(), ": error: ") {
		t.Errorf("stderr does not say where and that nothing was written:\n%s", stderr.String())
	}
	entries, err := os.ReadDir(out)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	if len(entries) > 0 {
		t.Errorf("a failed build wrote %d entries into %s", len(entries), out)
	}
}

// TestSampleLoads: the sample spec is valid and plans, and its defaults
// come from the profiles where the spec says nothing.
func TestSampleLoads(t *testing.T) {
	doc, err := components.Load("media.yaml", []byte(sample(t)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := components.Plan(doc); err != nil {
		t.Fatal(err)
	}
}
