package bastion_test

import (
	"strings"
	"testing"

	"github.com/physarch/physarch/examples"
)

// prodAccess is the phonebill example with operatorAccess settings in
// prod; the settings land on line 68, from column 5.
func prodAccess(t *testing.T, settings string) string {
	t.Helper()
	return edit(t, "phonebill", "    profile: prod\n", "    profile: prod\n    operatorAccess: "+settings+"\n")
}

func edit(t *testing.T, example, old, new string) string {
	t.Helper()
	_, base, err := examples.Spec(example)
	if err != nil {
		t.Fatal(err)
	}
	src := string(base)
	if !strings.Contains(src, old) {
		t.Fatalf("the example has no %q", old)
	}
	return strings.Replace(src, old, new, 1)
}

func example(t *testing.T) string { return edit(t, "phonebill", "\n", "\n") }
