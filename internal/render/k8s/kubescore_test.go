package k8s_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/physarch/physarch/internal/render/k8s"

	"github.com/physarch/physarch/examples"
	"github.com/physarch/physarch/internal/realtools"
	"github.com/physarch/physarch/internal/testplan"
)

// readmeSection returns the README's "kube-score findings" section, where
// every CRITICAL finding that remains must be explained.
func readmeSection(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "### kube-score findings")
	if i < 0 {
		t.Fatal(`README.md has no "### kube-score findings" section`)
	}
	s = s[i+1:]
	if j := strings.Index(s, "\n#"); j >= 0 {
		s = s[:j]
	}
	return s
}

var critical = regexp.MustCompile(`^\[CRITICAL\] \S+ \S+: (?:\([^)]*\) )?(.*)$`)

// TestKubeScoreProd runs the real kube-score on every example's prod
// manifests (as kustomize builds them): each CRITICAL finding's check must
// be explained in the README.
func TestKubeScoreProd(t *testing.T) {
	score := realtools.Lookup(t, "kube", []string{"PHYSARCH_KUBE_SCORE"}, "kube-score")
	kubectl := realtools.Lookup(t, "kube", []string{"PHYSARCH_KUBECTL"}, "kubectl")
	explained := readmeSection(t)
	for _, name := range examples.Names() {
		pl := testplan.Example(t, name)
		files, err := k8s.Render(pl)
		if err != nil {
			t.Fatal(err)
		}
		dir := realtools.WriteFiles(t, files)
		for _, e := range pl.Envs {
			if !e.IsProdLike() {
				continue
			}
			t.Run(name+"/"+e.Name, func(t *testing.T) {
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				built, err := exec.CommandContext(ctx, kubectl, "kustomize", filepath.Join(dir, k8s.Dir, "overlays", e.Name)).Output()
				if err != nil {
					t.Fatalf("kubectl kustomize: %v", err)
				}
				in := filepath.Join(t.TempDir(), "all.yaml")
				if err := os.WriteFile(in, built, 0o644); err != nil {
					t.Fatal(err)
				}
				// kube-score exits 1 when it finds something; its output
				// is the verdict.
				out, _ := exec.CommandContext(ctx, score, "score", "-o", "ci", in).CombinedOutput()
				if !strings.Contains(string(out), "[OK]") {
					t.Fatalf("kube-score produced no verdicts:\n%s", out)
				}
				for _, line := range strings.Split(string(out), "\n") {
					m := critical.FindStringSubmatch(line)
					if m == nil {
						continue
					}
					if !strings.Contains(explained, m[1]) {
						t.Errorf("kube-score CRITICAL not explained in README (kube-score findings): %s", line)
					}
				}
			})
		}
	}
}

// TestKubeScoreWorkloads runs kube-score on the workload-kinds sample's
// prod manifests: no CRITICAL or WARNING finding, but the one the design
// chooses: a worker below two replicas (KEDA may scale it to zero) has
// no PodDisruptionBudget.
func TestKubeScoreWorkloads(t *testing.T) {
	score := realtools.Lookup(t, "kube", []string{"PHYSARCH_KUBE_SCORE"}, "kube-score")
	kubectl := realtools.Lookup(t, "kube", []string{"PHYSARCH_KUBECTL"}, "kubectl")
	pl := testplan.Workloads(t)
	files, err := k8s.Render(pl)
	if err != nil {
		t.Fatal(err)
	}
	dir := realtools.WriteFiles(t, files)
	e := pl.Envs[len(pl.Envs)-1]
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	built, err := exec.CommandContext(ctx, kubectl, "kustomize", filepath.Join(dir, k8s.Dir, "overlays", e.Name)).Output()
	if err != nil {
		t.Fatalf("kubectl kustomize: %v", err)
	}
	in := filepath.Join(t.TempDir(), "all.yaml")
	if err := os.WriteFile(in, built, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.CommandContext(ctx, score, "score", "-o", "ci", in).CombinedOutput()
	if !strings.Contains(string(out), "[OK] nightly-report") {
		t.Fatalf("kube-score did not judge the CronJob:\n%s", out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if !strings.HasPrefix(line, "[CRITICAL]") && !strings.HasPrefix(line, "[WARNING]") {
			continue
		}
		if w := e.Workload(strings.SplitN(strings.Fields(line)[1], "/", 2)[0]); w != nil && !w.HasPDB() && strings.Contains(line, "No matching PodDisruptionBudget") {
			continue
		}
		t.Errorf("kube-score: %s", line)
	}
}
