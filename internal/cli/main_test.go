package cli

import (
	"os"
	"testing"
)

// TestMain keeps tests away from the user's price cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "physarch-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("PHYSARCH_CACHE", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
