package audit

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/physarch/physarch/internal/check"
	"github.com/physarch/physarch/internal/spec"
)

// Text writes findings for people: errors first, each with its place,
// environment and message, the quoted lines, and the fix.
func Text(w io.Writer, findings []Finding, color bool) {
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return "\x1b[" + code + "m" + s + "\x1b[0m"
	}
	colors := map[check.Severity]string{check.Error: "1;31", check.Warning: "1;33", check.Info: "1;36"}
	counts := map[check.Severity]int{}
	for _, sev := range []check.Severity{check.Error, check.Warning, check.Info} {
		var group []Finding
		for _, f := range findings {
			if f.Severity == sev {
				group = append(group, f)
			}
		}
		counts[sev] = len(group)
		if len(group) == 0 {
			continue
		}
		label := map[check.Severity]string{check.Error: "ERRORS", check.Warning: "WARNINGS", check.Info: "NOTES"}[sev]
		fmt.Fprintf(w, "%s (%d)\n", paint(colors[sev], label), len(group))
		for _, f := range group {
			env := ""
			if f.Env != "" {
				env = " [" + f.Env + "]"
			}
			where := ""
			if len(f.Quotes) > 0 {
				where = fmt.Sprintf("%s:%d: ", safe(f.Quotes[0].File), f.Quotes[0].Line)
			}
			fmt.Fprintf(w, "  %s%s%s %s\n", where, paint(colors[sev], f.ID), env, safe(f.Message))
			for _, q := range f.Quotes {
				fmt.Fprintf(w, "      > %s:%d  %s\n", safe(q.File), q.Line, clip(safe(q.Text), 110))
			}
			fmt.Fprintf(w, "      fix: %s\n", f.Fix)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d errors, %d warnings, %d notes\n", counts[check.Error], counts[check.Warning], counts[check.Info])
}

// safe shows what a package holds without letting it drive the terminal:
// an escape sequence in a quoted line could rewrite the screen or the
// title, so control characters print as the symbols for them (␛) and
// invalid UTF-8 as U+FFFD.
func safe(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20:
			return 0x2400 + r // ␀ … ␟
		case r == 0x7f:
			return '␡'
		case r >= 0x80 && r < 0xa0:
			return '\uFFFD'
		}
		return r
	}, s)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Worst is the highest severity among the findings, and whether there is any.
func Worst(fs []Finding) (check.Severity, bool) {
	worst, any := check.Info, false
	for _, f := range fs {
		if !any || f.Severity > worst {
			worst, any = f.Severity, true
		}
	}
	return worst, any
}

// SARIF writes the findings as SARIF 2.1.0 with check's writer: the
// checks as rules, every quoted line as a location.
func SARIF(reg *Registry, fs []Finding, version string) ([]byte, error) {
	rules := check.NewRegistry()
	for _, c := range reg.Checks() {
		rules.Add(check.Rule{ID: c.ID, Family: c.Family, Severity: c.Severity, Title: c.Title, Rationale: c.Rationale, Fix: c.Fix})
	}
	var out []check.Finding
	for _, f := range fs {
		cf := check.Finding{Rule: f.ID, Severity: f.Severity, Title: f.Title, Message: f.Message, Fix: f.Fix, Env: f.Env}
		for i, q := range f.Quotes {
			p := spec.Pos{File: q.File, Line: q.Line, Col: 1}
			if i == 0 {
				cf.Pos = p
			} else {
				cf.Related = append(cf.Related, p)
			}
		}
		out = append(out, cf)
	}
	return check.SARIF(rules, out, version)
}

// Report is what --format json writes, and what --baseline reads back.
type Report struct {
	Files    []string  `json:"files"`
	Findings []Finding `json:"findings"`
}

// LoadBaseline reads a saved JSON report and returns its findings' keys.
func LoadBaseline(path string) (map[string]bool, error) {
	b, err := ReadBounded(path, maxBaseline)
	if err != nil {
		return nil, fmt.Errorf("reading the baseline: %w", err)
	}
	var r struct {
		Findings []struct {
			Key string `json:"key"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(b, &r); err != nil || r.Findings == nil {
		if err == nil {
			err = errors.New("no findings list")
		}
		return nil, fmt.Errorf("%s is not a saved `physarch audit --format json` report: %w", path, err)
	}
	keys := map[string]bool{}
	for _, f := range r.Findings {
		keys[f.Key] = true
	}
	return keys, nil
}

// New returns the findings whose keys are not in the baseline.
func New(fs []Finding, baseline map[string]bool) []Finding {
	var out []Finding
	for _, f := range fs {
		if !baseline[f.Key] {
			out = append(out, f)
		}
	}
	return out
}

// DocPage is a check's documentation page (docs/audit/<ID>.md), generated
// from the check's fields.
func DocPage(c Check) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", c.ID, c.Title)
	fmt.Fprintf(&b, "- Family: %s\n- Severity: %s\n\n", c.Family, c.Severity)
	fmt.Fprintf(&b, "## Why\n\n%s\n\n## Fix\n\n%s\n\n", c.Rationale, c.Fix)
	b.WriteString("## Accept it\n\nTo keep a finding you accept and see only new ones, save a run and pass it back:\n\n```sh\nphysarch audit DIR --format json > audit-baseline.json\nphysarch audit DIR --baseline audit-baseline.json\n```\n\n")
	b.WriteString("_Generated from the check's definition by `physarch audit --write-docs docs/audit`; do not edit._\n")
	return []byte(b.String())
}

// Index is docs/audit/README.md: every check.
func Index(reg *Registry) []byte {
	var b strings.Builder
	b.WriteString("# physarch audit checks\n\n`physarch audit DIR|FILES` reads a physical architecture package written by hand (Markdown, Mermaid, PlantUML) and reports what is inconsistent, quoting the lines.\n\n| ID | severity | family | check |\n|---|---|---|---|\n")
	for _, c := range reg.Checks() {
		fmt.Fprintf(&b, "| [%s](%s.md) | %s | %s | %s |\n", c.ID, c.ID, c.Severity, c.Family, strings.ReplaceAll(c.Title, "|", "\\|"))
	}
	b.WriteString("\n_Generated by `physarch audit --write-docs docs/audit`; do not edit._\n")
	return []byte(b.String())
}

// maxBaseline bounds a saved run: one finding is under 4 KB, and a run
// reports at most maxPerCheck findings per check.
const maxBaseline = 16 << 20

// ReadBounded reads a regular file of at most limit bytes. It checks the
// open file, not the name (a FIFO would block, /dev/zero never ends), and
// stops reading past the limit, because some files (/proc) report a size
// of 0 whatever they hold.
func ReadBounded(path string, limit int64) ([]byte, error) {
	// Opening a FIFO blocks until a writer comes: look before opening.
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%s is %d bytes; at most %d are read (is it the right file?)", path, st.Size(), limit)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s holds more than %d bytes (is it the right file?)", path, limit)
	}
	return b, nil
}
