package trace

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

// TestFirstUseKeepsNothingWhenMemoryIsShort: a second use is told apart
// from a first while the heap has room, and not once the heap is over
// half the memory limit.
func TestFirstUseKeepsNothingWhenMemoryIsShort(t *testing.T) {
	old := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })
	c := NewCache()
	if !c.FirstUse(1) || c.FirstUse(1) {
		t.Fatal("with no memory limit, the second use of a sum was not told apart")
	}
	debug.SetMemoryLimit(1 << 10) // far below any live heap
	runtime.GC()                  // the live heap is known once a collection has ended
	c = NewCache()
	first, second := c.FirstUse(2), c.FirstUse(2)
	if !first || !second {
		t.Error("with the heap over the limit, a second use was taken as one to keep")
	}
	if len(c.seen) != 0 {
		t.Errorf("short of memory, the cache still remembered %d sums", len(c.seen))
	}
}
