package facts

import "sort"

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
		s.Facts = append(s.Facts, out...)
	}
	return s
}
