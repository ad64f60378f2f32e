package plan

// Pinned is the zone list a resource may be pinned to: zs where the
// region has availability zones, none where it has not (Azure refuses any
// zone number there, even "1", and places the resource itself).
func (e *Env) Pinned(zs []int) []int {
	if e.RegionZones == 0 {
		return nil
	}
	return zs
}
