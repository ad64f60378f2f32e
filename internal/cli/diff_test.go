package cli

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
)

type costReport struct {
	Env        string  `json:"environment"`
	TotalMin   float64 `json:"total_min_usd"`
	TotalMax   float64 `json:"total_max_usd"`
	Components []struct {
		Name        string  `json:"name"`
		Quantity    float64 `json:"quantity"`
		QuantityMax float64 `json:"quantity_max"`
		MonthlyMin  float64 `json:"monthly_min_usd"`
		MonthlyMax  float64 `json:"monthly_max_usd"`
	} `json:"components"`
}

type diffReport struct {
	Envs []struct {
		Env  string `json:"environment"`
		Cost struct {
			Min struct{ Delta float64 } `json:"min"`
			Max struct{ Delta float64 } `json:"max"`
		} `json:"monthly_cost_usd"`
		Components []struct {
			Name string
			Min  struct{ Delta float64 } `json:"min"`
			Max  struct{ Delta float64 } `json:"max"`
		} `json:"cost_components"`
		Nodes struct{ OldMin, OldMax, NewMin, NewMax int } `json:"nodes"`
	} `json:"environments"`
}

// doubledUsers writes the example and a copy with every environment's
// users doubled.
func doubledUsers(t *testing.T, dir string) (oldPath, newPath string) {
	t.Helper()
	_, data, err := examples.Spec("kt-event-marketing")
	if err != nil {
		t.Fatal(err)
	}
	users := regexp.MustCompile(`users: (\d+)`)
	doubled := users.ReplaceAllStringFunc(string(data), func(m string) string {
		n, _ := strconv.Atoi(users.FindStringSubmatch(m)[1])
		return "users: " + strconv.Itoa(2*n)
	})
	if doubled == string(data) {
		t.Fatal("no users to double")
	}
	oldPath, newPath = filepath.Join(dir, "old.yaml"), filepath.Join(dir, "new.yaml")
	os.WriteFile(oldPath, data, 0o644)
	os.WriteFile(newPath, []byte(doubled), 0o644)
	return oldPath, newPath
}

func costCommand(t *testing.T, path string) map[string]costReport {
	t.Helper()
	code, out, errs := run(t, t.TempDir(), "cost", "-f", path, "--format", "json")
	if code != ExitOK {
		t.Fatalf("cost: exit %d %s", code, errs)
	}
	var reps []costReport
	if err := json.Unmarshal([]byte(out), &reps); err != nil {
		t.Fatal(err)
	}
	m := map[string]costReport{}
	for _, r := range reps {
		m[r.Env] = r
	}
	return m
}

// nodesOf sums the node pool rows of a cost report (nodes at minimum and
// maximum scale).
func nodesOf(r costReport) (lo, hi int) {
	for _, c := range r.Components {
		if strings.HasPrefix(c.Name, "Node pool ") {
			lo += int(c.Quantity)
			hi += int(c.QuantityMax)
		}
	}
	return lo, hi
}

// TestDiffMatchesCostOfEachSide: the diff between the example and a copy
// with doubled users shows exactly the cost and node changes `physarch
// cost` gives for each side, subtracted.
func TestDiffMatchesCostOfEachSide(t *testing.T) {
	dir := t.TempDir()
	oldPath, newPath := doubledUsers(t, dir)
	before, after := costCommand(t, oldPath), costCommand(t, newPath)
	code, out, errs := run(t, dir, "diff", oldPath, newPath, "--format", "json")
	if code != ExitOK {
		t.Fatalf("diff: exit %d %s", code, errs)
	}
	var d diffReport
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Envs) != 2 {
		t.Fatalf("%d environments", len(d.Envs))
	}
	changed := false
	for _, e := range d.Envs {
		b, a := before[e.Env], after[e.Env]
		if got, want := e.Cost.Min.Delta, a.TotalMin-b.TotalMin; math.Abs(got-want) > 0.005 {
			t.Errorf("%s: min cost delta %.2f, physarch cost says %.2f", e.Env, got, want)
		}
		if got, want := e.Cost.Max.Delta, a.TotalMax-b.TotalMax; math.Abs(got-want) > 0.005 {
			t.Errorf("%s: max cost delta %.2f, physarch cost says %.2f", e.Env, got, want)
		}
		blo, bhi := nodesOf(b)
		alo, ahi := nodesOf(a)
		if e.Nodes.OldMin != blo || e.Nodes.OldMax != bhi || e.Nodes.NewMin != alo || e.Nodes.NewMax != ahi {
			t.Errorf("%s: nodes %+v, physarch cost says %d–%d → %d–%d", e.Env, e.Nodes, blo, bhi, alo, ahi)
		}
		sum := 0.0
		for _, c := range e.Components {
			sum += c.Max.Delta
		}
		if math.Abs(sum-e.Cost.Max.Delta) > 0.01 {
			t.Errorf("%s: component deltas add up to %.2f, the total changed by %.2f", e.Env, sum, e.Cost.Max.Delta)
		}
		changed = changed || e.Cost.Max.Delta != 0 || ahi != bhi
	}
	if !changed {
		t.Fatal("doubling the users changed nothing; the test proves nothing")
	}
	// The Markdown form is a table for a pull request.
	code, out, _ = run(t, dir, "diff", oldPath, newPath, "--format", "markdown")
	if code != ExitOK || !strings.Contains(out, "| environment | monthly cost (min)") {
		t.Errorf("markdown: exit %d\n%s", code, out)
	}
}

func TestDiffGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	oldPath, newPath := doubledUsers(t, dir)
	spec := filepath.Join(dir, "physarch.yaml")
	data, _ := os.ReadFile(oldPath)
	os.WriteFile(spec, data, 0o644)
	for _, args := range [][]string{{"init", "-q"}, {"add", "physarch.yaml"}, {"-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "spec"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	data, _ = os.ReadFile(newPath)
	os.WriteFile(spec, data, 0o644)
	code, out, errs := run(t, dir, "diff", "--git", "HEAD", "-f", spec)
	if code != ExitOK || !strings.Contains(out, "@HEAD") || !strings.Contains(out, "monthly cost") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := run(t, dir, "diff", "--git", "no-such-rev", "-f", spec); code != ExitUsage || !strings.Contains(errs, "no-such-rev") {
		t.Errorf("unknown revision: exit %d %s", code, errs)
	}
}

func TestDiffEnvironments(t *testing.T) {
	code, out, errs := run(t, t.TempDir(), "diff", "--example", "phonebill", "--env", "dev", "--env", "prod")
	if code != ExitOK || !strings.Contains(out, "dev → prod") || !strings.Contains(out, "availability") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	for _, bad := range [][]string{{"--env", "dev"}, {"--env", "dev", "--env", "nope"}, {"a.yaml"}} {
		if code, _, _ := run(t, t.TempDir(), append([]string{"diff", "--example", "phonebill"}, bad...)...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
}
