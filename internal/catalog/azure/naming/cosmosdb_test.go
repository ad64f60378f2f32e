package naming

import (
	"strings"
	"testing"
)

// The Cosmos DB account rule: the names physarch wants for the examples'
// shape pass unchanged; a 40-character system's is shortened to 44 with
// a hash, an uppercase or underscored one is fixed, and every result is
// valid and says why it changed.
func TestCosmosAccountNames(t *testing.T) {
	long := "a" + strings.Repeat("b", 38) + "c" // a 40-character system name
	for _, c := range []struct {
		wanted, want string
		changed      bool
	}{
		{"cosmos-shop-prod", "cosmos-shop-prod", false},
		{"cosmos-phonebill-dev", "cosmos-phonebill-dev", false},
		{"cosmos-Shop_Prod", "cosmos-shop-prod", true},
		{"cosmos-" + long + "-prod", "", true},
		{"-x", "", true},
	} {
		n := CosmosAccount(c.wanted)
		if err := cosmosAccount.Valid(n.Got); err != nil {
			t.Errorf("%q derived to invalid %q: %v", c.wanted, n.Got, err)
		}
		if n.Changed() != c.changed || (n.Why != "") != c.changed {
			t.Errorf("%q → %q (%s): changed %v, want %v", c.wanted, n.Got, n.Why, n.Changed(), c.changed)
		}
		if c.want != "" && n.Got != c.want {
			t.Errorf("%q → %q, want %q", c.wanted, n.Got, c.want)
		}
		if len(n.Got) > 44 {
			t.Errorf("%q is longer than 44 characters", n.Got)
		}
	}
	if _, ok := RuleFor("Cosmos DB account"); !ok {
		t.Error("the Cosmos DB account rule is not in Rules(), so the property tests skip it")
	}
	for _, bad := range []struct{ name, want string }{
		{"ab", "3 to 44"},
		{"cosmos-", "must end with"},
		{"Cosmos", "only lowercase letters, digits, hyphens"},
	} {
		if err := cosmosAccount.Valid(bad.name); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: got %v, want %q", bad.name, err, bad.want)
		}
	}
}
