package check

import (
	"fmt"
	"io"
)

// Text writes findings for people: grouped by severity, errors first, each
// with its position, environment, message and fix; colour when asked.
func Text(w io.Writer, findings []Finding, color, showSuppressed bool) {
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return "\x1b[" + code + "m" + s + "\x1b[0m"
	}
	colors := map[Severity]string{Error: "1;31", Warning: "1;33", Info: "1;36"}
	counts := map[Severity]int{}
	suppressed := 0
	for _, sev := range []Severity{Error, Warning, Info} {
		var group []Finding
		for _, f := range findings {
			if f.Suppressed != "" {
				continue
			}
			if f.Severity == sev {
				group = append(group, f)
			}
		}
		counts[sev] = len(group)
		if len(group) == 0 {
			continue
		}
		label := map[Severity]string{Error: "ERRORS", Warning: "WARNINGS", Info: "NOTES"}[sev]
		fmt.Fprintf(w, "%s (%d)\n", paint(colors[sev], label), len(group))
		for _, f := range group {
			env := ""
			if f.Env != "" {
				env = " [" + f.Env + "]"
			}
			fmt.Fprintf(w, "  %s: %s%s %s\n", f.Pos, paint(colors[sev], f.Rule), env, f.Message)
			fmt.Fprintf(w, "      %s\n      fix: %s\n", f.Title, f.Fix)
		}
		fmt.Fprintln(w)
	}
	for _, f := range findings {
		if f.Suppressed == "" {
			continue
		}
		suppressed++
		if showSuppressed {
			fmt.Fprintf(w, "  suppressed %s: %s %s (reason: %s)\n", f.Pos, f.Rule, f.Message, f.Suppressed)
		}
	}
	fmt.Fprintf(w, "%d errors, %d warnings, %d notes", counts[Error], counts[Warning], counts[Info])
	if suppressed > 0 {
		fmt.Fprintf(w, ", %d suppressed", suppressed)
	}
	fmt.Fprintln(w)
}

// Worst returns the highest severity among findings not suppressed, and
// whether there is any.
func Worst(findings []Finding) (Severity, bool) {
	worst, any := Info, false
	for _, f := range findings {
		if f.Suppressed != "" {
			continue
		}
		if !any || f.Severity > worst {
			worst, any = f.Severity, true
		}
	}
	return worst, any
}
