package serve_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/physarch/physarch/internal/realtools"
)

// TestServeE2E runs e2e/serve.mjs (playwright-core driving Debian
// Chromium) against `physarch serve` on a copy of kt-event-marketing: every
// panel renders, the cost totals are physarch cost --format json's, a save
// updates the page, a broken save shows its line; save-to-repaint (median
// of 10) must stay under 300 ms and the server's resident memory under
// 100 MiB. Screenshots go to $PHYSARCH_ARTIFACTS/serve (default
// .ci/artifacts/serve). Skips without the tools (scripts/install-tools.sh
// browser); fails without them under PHYSARCH_REQUIRE_TOOLS.
func TestServeE2E(t *testing.T) {
	pw := realtools.Lookup(t, "browser", []string{"PHYSARCH_PLAYWRIGHT_DIR"}, "")
	chromium := realtools.Lookup(t, "browser", []string{"PHYSARCH_CHROMIUM"}, "chromium")
	node := realtools.Lookup(t, "browser", []string{"PHYSARCH_NODE"}, "node")
	if testing.Short() {
		t.Skip("end-to-end browser test skipped in -short mode")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "physarch")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/physarch").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src, err := os.ReadFile("../../examples/kt-event-marketing/physarch.yaml")
	if err != nil {
		t.Fatal(err)
	}
	spec := filepath.Join(dir, "physarch.yaml")
	if err := os.WriteFile(spec, src, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	srv := exec.CommandContext(ctx, bin, "serve", spec, "--port", "0")
	srv.Dir = dir
	stdout, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var logs strings.Builder
	srv.Stderr = &logs
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		srv.Process.Signal(os.Interrupt)
		srv.Wait()
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	}()
	url := ""
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if m := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(sc.Text()); m != nil {
			url = m[1]
			break
		}
	}
	if url == "" {
		t.Fatalf("physarch serve printed no URL; log:\n%s", logs.String())
	}
	go func() {
		for sc.Scan() {
		}
	}()
	var services []string
	for _, m := range regexp.MustCompile(`(?m)^  - name: ([a-z-]+-service)$`).FindAllStringSubmatch(string(src), -1) {
		services = append(services, m[1])
	}
	shots := realtools.Artifacts(t, "serve")
	cmd := exec.CommandContext(ctx, node, "../../e2e/serve.mjs")
	cmd.Env = append(os.Environ(), "PHYSARCH_URL="+url, "PHYSARCH_SPEC="+spec, "PHYSARCH_BIN="+bin, "PHYSARCH_SERVICES="+strings.Join(services, ","),
		"PHYSARCH_OUT="+shots, "PHYSARCH_PLAYWRIGHT_DIR="+pw, "PHYSARCH_CHROMIUM="+chromium)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("e2e/serve.mjs: %v\n%s", err, stderr.String())
	}
	var res struct {
		Repaint     []int   `json:"repaint_ms"`
		Median      float64 `json:"median_ms"`
		Drawn       []int   `json:"drawn_ms"`
		MedianDrawn float64 `json:"median_drawn_ms"`
		Build       []int   `json:"build_ms"`
		EventPaint  []int   `json:"event_to_paint_ms"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("e2e/serve.mjs printed %q: %v", out, err)
	}
	rss, hwm := memory(t, srv.Process.Pid)
	t.Logf("save-to-repaint on the main page, 10 saves: %v ms, median %.1f ms (of which from the server's event to the figures repainted: %v ms); save to both diagrams redrawn: %v ms, median %.1f ms; server RSS %.1f MiB (peak %.1f MiB); screenshots in %s",
		res.Repaint, res.Median, res.EventPaint, res.Drawn, res.MedianDrawn, rss, hwm, shots)
	if res.Median >= 300 {
		t.Errorf("median save-to-repaint %.1f ms, want under 300 ms (%v)", res.Median, res.Repaint)
	}
	if hwm >= 100 {
		t.Errorf("server peak resident memory %.1f MiB, want under 100 MiB", hwm)
	}
}

// memory reads a process's resident set and its peak, in MiB.
func memory(t *testing.T, pid int) (rss, hwm float64) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Fatalf("reading the server's memory: %v", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) >= 2 && (f[0] == "VmRSS:" || f[0] == "VmHWM:") {
			kb, _ := strconv.ParseFloat(f[1], 64)
			if f[0] == "VmRSS:" {
				rss = kb / 1024
			} else {
				hwm = kb / 1024
			}
		}
	}
	return rss, hwm
}
