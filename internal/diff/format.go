package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/physarch/physarch/internal/check"
)

func money(c Change) string {
	return fmt.Sprintf("$%.2f → $%.2f (%s)", c.Old, c.New, signed(c.Delta, "$%.2f"))
}
func signed(v float64, f string) string {
	if v >= 0 {
		return "+" + fmt.Sprintf(f, v)
	}
	return "-" + fmt.Sprintf(f, -v)
}

func span(lo, hi int) string {
	if lo == hi {
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

// Text writes the report for a terminal.
func Text(w io.Writer, r Report) {
	fmt.Fprintf(w, "physarch diff %s → %s\n", r.Old, r.New)
	for _, e := range r.Envs {
		fmt.Fprintf(w, "\n== %s (%s)\n", e.Env, e.Status)
		if e.Status == "unchanged" {
			continue
		}
		if e.Cost != nil {
			fmt.Fprintf(w, "monthly cost   min %s\n               max %s\n", money(e.Cost.Min), money(e.Cost.Max))
		}
		for _, c := range e.Components {
			fmt.Fprintf(w, "  %-34s %-22s min %s  max %s\n", c.Name, c.SKU, signed(c.Min.Delta, "$%.2f"), signed(c.Max.Delta, "$%.2f"))
		}
		if a := e.Availability; a != nil {
			fmt.Fprintf(w, "availability   %.4f%% → %.4f%% (%s points)\n", a.Old, a.New, signed(a.Delta, "%.4f"))
		}
		if n := e.Nodes; n != nil && (n.OldMin != n.NewMin || n.OldMax != n.NewMax) {
			fmt.Fprintf(w, "nodes          %s → %s\n", span(n.OldMin, n.OldMax), span(n.NewMin, n.NewMax))
		}
		for _, p := range e.Pools {
			fmt.Fprintf(w, "  pool %-10s %s %s → %s %s\n", p.Name, p.OldVM, span(p.OldMin, p.OldMax), p.NewVM, span(p.NewMin, p.NewMax))
		}
		for _, wl := range e.Workloads {
			fmt.Fprintf(w, "  replicas %-26s %s → %s\n", wl.Name, span(wl.OldMin, wl.OldMax), span(wl.NewMin, wl.NewMax))
		}
		for _, s := range e.Subnets {
			fmt.Fprintf(w, "  subnet %-16s %s → %s\n", s.Name, dash(s.Old), dash(s.New))
		}
		for _, f := range e.Appeared {
			fmt.Fprintf(w, "  + %s %s %s\n", f.Severity, f.Rule, f.Message)
		}
		for _, f := range e.Disappeared {
			fmt.Fprintf(w, "  - %s %s %s\n", f.Severity, f.Rule, f.Message)
		}
	}
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Markdown writes the report as a pull-request comment.
func Markdown(w io.Writer, r Report) {
	fmt.Fprintf(w, "### physarch diff: `%s` → `%s`\n\n", r.Old, r.New)
	fmt.Fprintln(w, "| environment | monthly cost (min) | monthly cost (max) | availability | nodes | findings |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, e := range r.Envs {
		cmin, cmax, av, nodes := "", "", "", ""
		if e.Cost != nil {
			cmin, cmax = money(e.Cost.Min), money(e.Cost.Max)
		}
		if a := e.Availability; a != nil {
			av = fmt.Sprintf("%.4f%% → %.4f%%", a.Old, a.New)
		}
		if n := e.Nodes; n != nil {
			nodes = span(n.OldMin, n.OldMax) + " → " + span(n.NewMin, n.NewMax)
		}
		fmt.Fprintf(w, "| %s (%s) | %s | %s | %s | %s | +%d / −%d |\n", e.Env, e.Status, cmin, cmax, av, nodes, len(e.Appeared), len(e.Disappeared))
	}
	for _, e := range r.Envs {
		if e.Status == "unchanged" {
			continue
		}
		fmt.Fprintf(w, "\n<details><summary>%s: what changed</summary>\n\n", e.Env)
		if len(e.Components) > 0 {
			fmt.Fprintln(w, "| cost component | SKU | min | max |\n|---|---|---|---|")
			for _, c := range e.Components {
				fmt.Fprintf(w, "| %s | %s | %s | %s |\n", c.Name, c.SKU, signed(c.Min.Delta, "$%.2f"), signed(c.Max.Delta, "$%.2f"))
			}
			fmt.Fprintln(w)
		}
		if len(e.Workloads)+len(e.Pools)+len(e.Subnets) > 0 {
			fmt.Fprintln(w, "| what | before | after |\n|---|---|---|")
			for _, p := range e.Pools {
				fmt.Fprintf(w, "| node pool %s | %s %s | %s %s |\n", p.Name, p.OldVM, span(p.OldMin, p.OldMax), p.NewVM, span(p.NewMin, p.NewMax))
			}
			for _, wl := range e.Workloads {
				fmt.Fprintf(w, "| replicas %s | %s | %s |\n", wl.Name, span(wl.OldMin, wl.OldMax), span(wl.NewMin, wl.NewMax))
			}
			for _, s := range e.Subnets {
				fmt.Fprintf(w, "| subnet %s | %s | %s |\n", s.Name, dash(s.Old), dash(s.New))
			}
			fmt.Fprintln(w)
		}
		findingList(w, "New findings", e.Appeared)
		findingList(w, "Resolved findings", e.Disappeared)
		fmt.Fprintln(w, "</details>")
	}
	fmt.Fprintln(w, "\n_Cost and availability are estimates (physarch cost, physarch sla)._")
}

func findingList(w io.Writer, title string, fs []check.Finding) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(w, "**%s**\n\n", title)
	for _, f := range fs {
		fmt.Fprintf(w, "- `%s` %s: %s\n", f.Rule, f.Severity, strings.ReplaceAll(f.Message, "|", "\\|"))
	}
	fmt.Fprintln(w)
}
