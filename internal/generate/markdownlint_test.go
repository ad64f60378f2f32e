package generate

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/realtools"
	"github.com/physarch/physarch/internal/render"
	"github.com/physarch/physarch/internal/render/md"
)

// TestMarkdownlint lints every generated Markdown file of every example in
// both languages with the real markdownlint-cli2 and the repository's
// committed .markdownlint-cli2.jsonc (scripts/install-tools.sh markdownlint).
func TestMarkdownlint(t *testing.T) {
	lint := realtools.Lookup(t, "markdownlint", []string{"PHYSARCH_MARKDOWNLINT"}, "markdownlint-cli2")
	config, err := filepath.Abs("../../.markdownlint-cli2.jsonc")
	if err != nil {
		t.Fatal(err)
	}
	var all []render.File
	for _, name := range examples.Names() {
		for _, lang := range []md.Lang{md.Ko, md.En} {
			for _, f := range build(t, name, lang) {
				if strings.HasSuffix(f.Path, ".md") {
					f.Path = filepath.Join(name, string(lang), f.Path)
					all = append(all, f)
				}
			}
		}
	}
	dir := realtools.WriteFiles(t, all)
	out, err := lintRun(lint, dir, config)
	if err != nil {
		t.Fatalf("markdownlint-cli2 over %d documents: %v\n%s", len(all), err, out)
	}
	// the judge must be able to fail: a document with a heading level
	// skipped and a bare URL is rejected
	if err := os.WriteFile(filepath.Join(dir, "broken.md"), []byte("# Title\n\n### skipped\n\nhttps://example.com\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := lintRun(lint, dir, config); err == nil || !strings.Contains(out, "MD001") || !strings.Contains(out, "MD034") {
		t.Errorf("a broken document passes markdownlint-cli2 (err %v):\n%s", err, out)
	}
}

func lintRun(lint, dir, config string) (string, error) {
	cmd := exec.Command(lint, "--config", config, "**/*.md")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}
