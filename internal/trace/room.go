package trace

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
)

// roomEvery is how many asks go between two readings of the heap.
const roomEvery = 1024

// room says whether the process has memory to spare for work kept only
// to save time: its live heap, read every roomEvery asks, is under half
// of its memory limit (runtime/debug.SetMemoryLimit). A process with no
// limit always has room. Holding every fragment of 100,000 careers
// would otherwise keep a one-off build's heap at its limit, and its peak
// over a gigabyte.
type room struct {
	asks int
	full bool
	live []metrics.Sample
}

// spare reports whether there is room. The caller serializes calls.
func (r *room) spare() bool {
	r.asks++
	if r.asks%roomEvery != 1 {
		return !r.full
	}
	limit := debug.SetMemoryLimit(-1)
	if limit == math.MaxInt64 {
		r.full = false
		return true
	}
	if r.live == nil {
		r.live = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	}
	metrics.Read(r.live)
	r.full = r.live[0].Value.Kind() == metrics.KindUint64 && r.live[0].Value.Uint64() > uint64(limit/2)
	return !r.full
}
