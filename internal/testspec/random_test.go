package testspec

import (
	"bytes"
	"testing"
)

func TestRandomIsDeterministic(t *testing.T) {
	for seed := range uint64(20) {
		if !bytes.Equal(Random(seed), Random(seed)) {
			t.Fatalf("seed %d gives two specs", seed)
		}
	}
	if bytes.Equal(Random(1), Random(2)) {
		t.Error("two seeds give the same spec")
	}
}
