package plan

import (
	"testing"

	"github.com/physarch/physarch/internal/catalog/azure"
)

// TestDaemonSetsTakeNodeRoom packs the same pods onto a node's
// allocatable with and without the DaemonSets' requests taken off: the
// cases where the reservation costs a node, and those where it does not.
func TestDaemonSetsTakeNodeRoom(t *testing.T) {
	d4 := azure.Allocatable{CPUMilli: 3860, MemoryMiB: 15634}
	ds := DaemonSetReservation{CPUM: 1310, MemMiB: 2106}
	for _, tc := range []struct {
		name          string
		pods          int
		cpu, mem      int64
		without, with int
	}{
		// 7 pods of 500m a node without, 5 with (2550m left): 14 pods
		// need a third node.
		{"one more node by CPU", 14, 500, 512, 2, 3},
		// 15 pods: 3 nodes either way (7+7+1, 5+5+5).
		{"same nodes by CPU", 15, 500, 512, 3, 3},
		// 3 pods of 5,000Mi a node without, 2 with (13,528Mi left).
		{"one more node by memory", 6, 100, 5000, 2, 3},
		// Nothing left of a 1,000m node under a 1,310m reservation: every
		// pod then opens a node of its own (fits refuses them first).
		{"reservation larger than the node", 2, 100, 100, 1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			alloc := d4
			if tc.name == "reservation larger than the node" {
				alloc = azure.Allocatable{CPUMilli: 1000, MemoryMiB: 4000}
			}
			ws := []Workload{{CPURequestM: tc.cpu, MemRequestMiB: tc.mem, Min: tc.pods, Max: tc.pods}}
			if n, _, _ := pack(ws, true, alloc, 22); n != tc.without {
				t.Errorf("without DaemonSets: %d nodes, want %d", n, tc.without)
			}
			if n, _, _ := pack(ws, true, room(alloc, ds), 22); n != tc.with {
				t.Errorf("with DaemonSets: %d nodes, want %d", n, tc.with)
			}
		})
	}
}

// TestRoomNeverNegative: a reservation larger than the node leaves no
// room rather than a negative one.
func TestRoomNeverNegative(t *testing.T) {
	r := room(azure.Allocatable{CPUMilli: 900, MemoryMiB: 500}, DaemonSetReservation{CPUM: 1310, MemMiB: 2106})
	if r.CPUMilli != 0 || r.MemoryMiB != 0 {
		t.Errorf("room %+v, want zero", r)
	}
}
