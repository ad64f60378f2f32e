package audit_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/audit"
	"github.com/physarch/physarch/internal/audit/facts"
)

// seeds are the real hand-written packages of ../shared/seeds (000 and 001
// are from one system, 002 from another).
const seedDir = "../../../shared/seeds"

func seed(t *testing.T, names ...string) []facts.Input {
	t.Helper()
	var out []facts.Input
	for _, n := range names {
		matches, _ := filepath.Glob(filepath.Join(seedDir, n+"_*.txt"))
		if len(matches) != 1 {
			t.Skipf("seed %s not found in %s", n, seedDir)
		}
		b, err := os.ReadFile(matches[0])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, facts.Input{Name: n, Data: b})
	}
	return out
}

// has reports whether a finding of the check quotes every line given.
func has(fs []audit.Finding, id string, lines ...string) bool {
	for _, f := range fs {
		if f.ID != id {
			continue
		}
		all := true
		for _, l := range lines {
			file, n, _ := strings.Cut(l, ":")
			found := false
			for _, q := range f.Quotes {
				if q.File == file && itoa(q.Line) == n {
					found = true
				}
			}
			all = all && found
		}
		if all {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	b := []byte{}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestSeeds: the audit finds what the issue names in the seeds, at the
// right lines: 000's dev and prod monthly costs stated twice ($143 and
// $200, $2,860 and $3,500), and 001's diagram of another system (four
// services where 000 has seven).
func TestSeeds(t *testing.T) {
	reg := audit.Default()
	one := reg.Run(facts.Extract(seed(t, "000", "001")))
	for _, c := range []struct {
		id    string
		lines []string
	}{
		{"AU002", []string{"000:16", "000:82"}},            // dev $143 vs $200
		{"AU002", []string{"000:285", "000:82"}},           // prod $2,860 (total) vs $3,500
		{"AU021", []string{"000:5", "001:146", "001:155"}}, // 7 services vs the diagram's 4
		{"AU027", []string{"000:35", "001:17"}},            // another system's diagram
		{"AU024", []string{"000:125", "000:276"}},          // AKS Premium vs Standard
		{"AU030", []string{"000:221"}},                     // Premium P2 is 13 GB, not 6
	} {
		if !has(one, c.id, c.lines...) {
			t.Errorf("000+001: no %s quoting %v", c.id, c.lines)
		}
	}
	two := reg.Run(facts.Extract(seed(t, "002")))
	for _, c := range []struct {
		id    string
		lines []string
	}{
		{"AU024", []string{"002:46", "002:121"}},  // AKS Standard vs Premium
		{"AU023", []string{"002:199", "002:208"}}, // Redis 6379 vs 6380
		{"AU030", []string{"002:253"}},
	} {
		if !has(two, c.id, c.lines...) {
			t.Errorf("002: no %s quoting %v", c.id, c.lines)
		}
	}
	// The messages print money as the package does and other figures
	// without a dollar sign.
	for _, c := range []struct {
		fs       []audit.Finding
		id, text string
	}{
		{one, "AU002", "stated as $2,860 ("},
		{one, "AU030", "but Premium P2 has 13 GB ("},
		{two, "AU023", "stated as 6379 ("},
	} {
		found := false
		for _, f := range c.fs {
			found = found || f.ID == c.id && strings.Contains(f.Message, c.text)
		}
		if !found {
			t.Errorf("no %s message with %q", c.id, c.text)
		}
	}
	for _, fs := range [][]audit.Finding{one, two} {
		for _, f := range fs {
			t.Logf("%s %s", f.ID, f.Message)
		}
	}
}
