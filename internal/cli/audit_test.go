package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// auditPackage writes a small package with one known defect: the dev
// environment's monthly cost is $150 in one table and $200 in another.
func auditPackage(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src, err := filepath.Abs(filepath.Join("..", "audit", "testdata", "clean"))
	if err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "physical-architecture.md" {
			b = []byte(strings.Replace(string(b), "| 월 비용 | $150 |", "| 월 비용 | $200 |", 1))
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestAuditCommand(t *testing.T) {
	dir := auditPackage(t)
	code, out, errs := run(t, t.TempDir(), "audit", dir)
	if code != ExitInput || !strings.Contains(out, "AU002") || !strings.Contains(out, "> "+filepath.Join(dir, "physical-architecture.md")+":14") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if code, _, _ := run(t, t.TempDir(), "audit", dir, "--fail-on", "none"); code != ExitOK {
		t.Errorf("--fail-on none: exit %d", code)
	}
	// JSON, then the same run as a baseline: nothing new, exit 0.
	code, out, _ = run(t, t.TempDir(), "audit", dir, "--format", "json")
	var rep struct {
		Files    []string `json:"files"`
		Findings []struct {
			ID     string `json:"id"`
			Quotes []struct {
				Line int `json:"line"`
			} `json:"quotes"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != ExitInput || len(rep.Files) != 3 || len(rep.Findings) != 1 || rep.Findings[0].ID != "AU002" || len(rep.Findings[0].Quotes) < 2 {
		t.Fatalf("json: %v exit %d\n%s", err, code, out)
	}
	base := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(base, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, t.TempDir(), "audit", dir, "--baseline", base); code != ExitOK || !strings.Contains(out, "0 errors") {
		t.Errorf("with the baseline: exit %d\n%s", code, out)
	}
	// A new defect is reported despite the baseline.
	p := filepath.Join(dir, "physical-architecture-prod.md")
	b, _ := os.ReadFile(p)
	_ = os.WriteFile(p, []byte(strings.Replace(string(b), "- rto: 30분", "- rto: 60분", 1)), 0o644)
	if code, out, _ := run(t, t.TempDir(), "audit", dir, "--baseline", base); code != ExitInput || !strings.Contains(out, "AU026") || strings.Contains(out, "AU002") {
		t.Errorf("a new defect with the baseline: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, t.TempDir(), "audit", dir, "--format", "sarif")
	if code != ExitInput || !strings.Contains(out, `"version": "2.1.0"`) || strings.Count(out, `"startLine"`) < 3 {
		t.Errorf("sarif: exit %d\n%.400s", code, out)
	}
	for _, bad := range [][]string{{dir, "--format", "xml"}, {dir, "--fail-on", "info"}, {}, {filepath.Join(dir, "missing.md")}, {dir, "--baseline", filepath.Join(dir, "network-prod.mmd")}} {
		if code, _, _ := run(t, t.TempDir(), append([]string{"audit"}, bad...)...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
	if code, out, _ := run(t, t.TempDir(), "audit", "--list"); code != ExitOK || !strings.Contains(out, "AU001") {
		t.Errorf("--list: exit %d\n%s", code, out)
	}
}

// TestAuditOfABuild: audit reads a build's design/backend/physical and
// finds nothing in what physarch generated.
func TestAuditOfABuild(t *testing.T) {
	dir := t.TempDir()
	if code, out, errs := run(t, dir, "build", "--example", "phonebill", "-o", filepath.Join(dir, "out")); code != ExitOK {
		t.Fatalf("build: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := run(t, dir, "audit", filepath.Join(dir, "out")); code != ExitOK || !strings.Contains(out, "0 errors, 0 warnings, 0 notes") {
		t.Errorf("audit of a build: exit %d\n%s%s", code, out, errs)
	}
}

// TestImportCommand drafts a spec from a build's package, builds the
// draft, and audits the rebuilt package: clean.
func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	if code, out, errs := run(t, dir, "build", "--example", "tripgen", "-o", filepath.Join(dir, "out")); code != ExitOK {
		t.Fatalf("build: exit %d\n%s%s", code, out, errs)
	}
	draft := filepath.Join(dir, "draft.yaml")
	if code, out, errs := run(t, dir, "import", filepath.Join(dir, "out"), "-o", draft); code != ExitOK {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	if code, _, _ := run(t, dir, "import", filepath.Join(dir, "out"), "-o", draft); code != ExitUsage {
		t.Errorf("import over an existing file without --force: exit %d, want 2", code)
	}
	if code, out, errs := run(t, dir, "build", draft, "-o", filepath.Join(dir, "rebuilt")); code != ExitOK {
		b, _ := os.ReadFile(draft)
		t.Fatalf("build of the draft: exit %d\n%s%s\n%s", code, out, errs, b)
	}
	if code, out, errs := run(t, dir, "audit", filepath.Join(dir, "rebuilt")); code != ExitOK || !strings.Contains(out, "0 errors, 0 warnings, 0 notes") {
		t.Errorf("audit of the rebuilt package: exit %d\n%s%s", code, out, errs)
	}
	if code, _, _ := run(t, dir, "import"); code != ExitUsage {
		t.Errorf("import without arguments: exit %d, want 2", code)
	}
}

// TestAuditRefusesWhatIsNoPackageFile: a binary file, a file larger than
// any package document, and a symbolic link inside the package directory
// are each refused with their name (all at once, exit 2), never read.
func TestAuditRefusesWhatIsNoPackageFile(t *testing.T) {
	dir := auditPackage(t)
	if err := os.WriteFile(filepath.Join(dir, "blob.md"), []byte("# x\n\x00\x01\x02"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "huge.md"), []byte(strings.Repeat("|\n", maxAuditFile/2+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "passwd.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	code, out, errs := run(t, t.TempDir(), "audit", dir)
	if code != ExitUsage {
		t.Fatalf("exit %d, want %d\n%s%s", code, ExitUsage, out, errs)
	}
	for _, want := range []string{"blob.md is not a text file", "huge.md is 4194306 bytes", "passwd.txt is a symbolic link"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not say %q:\n%s", want, errs)
		}
	}
	if strings.Contains(out+errs, "root:") {
		t.Error("the linked file's content reached the output")
	}
}

// TestImportNeverWritesThroughALink: -o naming a symbolic link (dangling
// or not) is refused, with --force too, and the link's target is left
// as it was.
func TestImportNeverWritesThroughALink(t *testing.T) {
	dir := auditPackage(t)
	work := t.TempDir()
	target := filepath.Join(work, "target.yaml")
	if err := os.WriteFile(target, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, link := range []struct{ name, to string }{{"live.yaml", target}, {"dangling.yaml", filepath.Join(work, "nowhere.yaml")}} {
		p := filepath.Join(work, link.name)
		if err := os.Symlink(link.to, p); err != nil {
			t.Skip("no symlinks here:", err)
		}
		for _, args := range [][]string{{"import", dir, "-o", p}, {"import", dir, "-o", p, "--force"}} {
			if code, _, errs := run(t, work, args...); code != ExitUsage || !strings.Contains(errs, "symbolic link") {
				t.Errorf("%v: exit %d\n%s", args, code, errs)
			}
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "mine\n" {
		t.Errorf("the link's target changed: %q", b)
	}
	if _, err := os.Stat(filepath.Join(work, "nowhere.yaml")); err == nil {
		t.Error("a draft was written through the dangling link")
	}
}

// TestREADMEAuditExcerpt keeps the README's audit excerpt of seed 000 real:
// every line it shows before its "..." is what the command prints, in order.
func TestREADMEAuditExcerpt(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	seeds := []string{"../shared/seeds/000_f24b85ce29c913c2.txt", "../shared/seeds/001_b8d437a6ff2039d6.txt"}
	for _, s := range seeds {
		if _, err := os.Stat(filepath.Join(root, s)); err != nil {
			t.Skipf("seed %s not here: %v", s, err)
		}
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const intro = "A real excerpt, `physarch audit ../shared/seeds/000_*.txt ../shared/seeds/001_*.txt`:\n\n```\n"
	_, rest, ok := strings.Cut(string(readme), intro)
	excerpt, _, ok2 := strings.Cut(rest, "  ...\n```")
	if !ok || !ok2 {
		t.Fatal("README has no audit excerpt of seeds 000 and 001")
	}
	_, out, _ := run(t, root, append([]string{"audit"}, seeds...)...)
	if !strings.HasPrefix(out, excerpt) {
		t.Errorf("the README's excerpt is not what physarch audit prints; it prints:\n%s", out)
	}
}

// TestImportOutputFile: -o into a missing directory is a usage error that
// names it; --force keeps a replaced file's mode; a package naming no
// service is warned about.
func TestImportOutputFile(t *testing.T) {
	dir := t.TempDir()
	pkg := auditPackage(t)
	code, _, errs := run(t, dir, "import", pkg, "-o", "missing/x.yaml")
	if code != ExitUsage || !strings.Contains(errs, "the directory missing does not exist") {
		t.Errorf("missing directory: exit %d, %s", code, errs)
	}
	if err := os.WriteFile(filepath.Join(dir, "p.yaml"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, dir, "import", pkg, "-o", "p.yaml", "--force"); code != ExitOK {
		t.Fatalf("--force: exit %d, %s", code, errs)
	}
	if st, err := os.Stat(filepath.Join(dir, "p.yaml")); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the replaced file's mode: %v %v, want 0600", st.Mode(), err)
	}
	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, "a.md"), []byte("# hello\n\ntext\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, errs := run(t, dir, "import", empty); !strings.Contains(errs, "names no service") {
		t.Errorf("no warning for a package without services: %s", errs)
	}
}
