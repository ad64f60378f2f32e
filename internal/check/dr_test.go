package check_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/internal/components"
)

// TestRS010JudgesTheModesFigures: RS010 holds each production target to
// what its DR mode delivers, at the target's own key: geo-restore takes up
// to 12h and may lose up to 1h; mode none recovers nothing; targets the
// mode meets, and dev's, are quiet.
func TestRS010JudgesTheModesFigures(t *testing.T) {
	rule, ok := components.Checks().Rule("RS010")
	if !ok {
		t.Fatal("no RS010")
	}
	for _, c := range []struct {
		name  string
		edit  func(string) string
		want  []string // messages, in order
		paths []string
	}{
		{"as intended", nil, nil, nil},
		{"rto below the restore", replace("rto: 12h, rpo: 1h}", "rto: 4h, rpo: 1h}"), []string{"targets.rto 4h with dr.mode geo-restore: recovery takes up to 12h"}, []string{"targets.rto"}},
		{"rpo below the restore", replace("rto: 12h, rpo: 1h}", "rto: 12h, rpo: 15m}"), []string{"targets.rpo 15m with dr.mode geo-restore: it may lose up to 1h"}, []string{"targets.rpo"}},
		{"longer targets", replace("rto: 12h, rpo: 1h}", "rto: 24h, rpo: 2h}"), nil, nil},
		{"standby meets 1h", prod("dr: {mode: standby-region}"), nil, nil},
		{"standby: the cluster's rebuild is the slowest step", func(s string) string {
			return prod("dr: {mode: standby-region}")(replace("rto: 12h, rpo: 1h}", "rto: 30m, rpo: 1m}")(s))
		}, []string{"targets.rto 30m with dr.mode standby-region: recovery takes up to 1h", "targets.rpo 1m with dr.mode standby-region: it may lose up to 5m"}, []string{"targets.rto", "targets.rpo"}},
		{"mode none", prod("dr: {mode: none}"), []string{"targets.rto 12h with dr.mode none: a loss of the region is not recovered at all", "targets.rpo 1h with dr.mode none"}, []string{"targets.rto", "targets.rpo"}},
		{"dev without DR is not judged", replace("targets: {users: 100, budgetUSD: 300}", "targets: {users: 100, budgetUSD: 300, rto: 5m}"), nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := rule.Check(variant{edit: c.edit}.context(t))
			if len(fs) != len(c.want) {
				t.Fatalf("%d findings, want %d: %v", len(fs), len(c.want), fs)
			}
			for i, f := range fs {
				if !strings.Contains(f.Message, c.want[i]) || !strings.HasSuffix(f.Path, c.paths[i]) || f.Env != "prod" {
					t.Errorf("finding %d: %s %s %q, want prod %s %q", i, f.Env, f.Path, f.Message, c.paths[i], c.want[i])
				}
			}
		})
	}
}
