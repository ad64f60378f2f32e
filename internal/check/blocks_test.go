package check_test

import "testing"

// TestRulesOfAbsentBlocks: a block's rules judge production environments
// that do not run the block at all: behind NGINX there is no WAF (SC001),
// and without Front Door, Key Vault or a workspace their rules fire.
func TestRulesOfAbsentBlocks(t *testing.T) {
	for _, c := range []struct{ rule, edit string }{
		{"SC001", "ingress: {controller: nginx, waf: false}"},
		{"SC007", "ingress: {controller: nginx, waf: false, frontDoor: none}"},
		{"SC004", "security: {keyVault: false}"},
		{"OP001", "monitoring: {logAnalytics: false}"},
	} {
		t.Run(c.rule, func(t *testing.T) {
			ctx := variant{edit: prod(c.edit)}.context(t)
			if got := fired(ctx, c.rule); len(got) != 1 || got[0].Env != "prod" {
				t.Errorf("%s with %s: %+v, want one finding on prod", c.rule, c.edit, got)
			}
		})
	}
}
