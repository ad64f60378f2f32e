package markdown_test

import (
	"os"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/read/markdown"
)

func TestTablesCarryTheirSectionAndLines(t *testing.T) {
	src := "# Title\n\n## 11. 비용\n\n#### 11.1.1 월간 비용 분석\n\n| 구성요소 | 비용 |\n|---|---|\n| AKS | $1,200 |\n| 총합 | $1,200 |\n\n```yaml\n# not a heading\n```\n"
	d := markdown.Parse("x.md", []byte(src))
	if len(d.Tables) != 1 {
		t.Fatalf("tables: %+v", d.Tables)
	}
	tb := d.Tables[0]
	if tb.Section != "11.1.1 월간 비용 분석" || tb.Line != 7 || len(tb.Rows) != 2 || tb.Rows[0].Line != 9 || tb.Rows[1].Line != 10 || tb.Rows[1].Cells[1] != "$1,200" {
		t.Errorf("table: %+v", tb)
	}
	for _, h := range d.Headings {
		if strings.Contains(h.Title, "not a heading") {
			t.Errorf("a code line was read as a heading: %+v", h)
		}
	}
}

// TestPlainTextHeadings: a page copied from a browser keeps numbered titles
// without #, and the web page's header lines are skipped and reported.
func TestPlainTextHeadings(t *testing.T) {
	src := "mirror of\nhttps://github.com/x/y.git\n28 KiB\n물리 아키텍처 설계서\n1. 개요\n1.1 설계 목적\n- 목적\n3.1.1 클러스터 설정\n| 구성 항목 | 설정 값 |\n|---|---|\n| 서비스 티어 | Standard |\n  1. Phase 1에서 검증\n"
	d := markdown.Parse("x.txt", []byte(src))
	var titles []string
	for _, h := range d.Headings {
		titles = append(titles, h.Title)
	}
	if strings.Join(titles, "|") != "1. 개요|1.1 설계 목적|3.1.1 클러스터 설정" {
		t.Errorf("headings: %q", titles)
	}
	if len(d.Tables) != 1 || d.Tables[0].Section != "3.1.1 클러스터 설정" || d.Tables[0].Rows[0].Line != 11 {
		t.Errorf("tables: %+v", d.Tables)
	}
	if len(d.Skipped) != 3 || d.Skipped[2].Line != 3 {
		t.Errorf("skipped: %+v", d.Skipped)
	}
}

func TestSeedsReadWithoutPanic(t *testing.T) {
	for _, f := range []string{"000_f24b85ce29c913c2.txt", "002_a90e9f181511ae38.txt"} {
		src, err := os.ReadFile("../../../../shared/seeds/" + f)
		if err != nil {
			t.Skipf("seeds not present: %v", err)
		}
		d := markdown.Parse(f, src)
		if len(d.Headings) < 20 {
			t.Errorf("%s: %d headings", f, len(d.Headings))
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("# a\n\n| x | y |\n|---|---|\n| 1 | 2 |\n"))
	f.Add([]byte("1. 개요\n1.1 a\n|\n|\n```\nx\n```\n"))
	f.Add([]byte("| a |\n|---|\n| <br/> `c` [l](u) |\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d := markdown.Parse("f.md", src)
		n := len(d.Lines)
		for _, tb := range d.Tables {
			for _, r := range tb.Rows {
				if r.Line < 1 || r.Line > n+1 {
					t.Fatalf("row line %d of %d lines", r.Line, n)
				}
			}
		}
	})
}
