package facts

import (
	"math"
	"sort"
)

// Extract reads the files and extracts their facts.
func Extract(inputs []Input) *Set {
	s := &Set{}
	for _, in := range inputs {
		f := Read(in)
		s.Files = append(s.Files, f)
		var out []Fact
		switch {
		case f.MD != nil:
			extractMarkdown(f, &out)
		case f.MMD != nil:
			extractDiagram(mermaidGraph(f), &out)
		case f.PUML != nil:
			extractDiagram(plantumlGraph(f), &out)
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].Src.Line < out[j].Src.Line })
		for _, f := range out {
			if sane(f.Num) && sane(f.Max) {
				s.Facts = append(s.Facts, f)
			}
		}
	}
	return s
}

// sane drops figures no package means ("RTO 1e20분", replicas of 2^63):
// they would overflow the integers import writes and the sums the checks
// make, and no cost, count or duration of a system is near 10^12.
func sane(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) && math.Abs(v) < 1e12 }
