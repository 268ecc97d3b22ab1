package trace

import (
	"slices"
	"sync"

	"github.com/careerguide/careerguide/internal/diag"
)

// Cache keeps the results of work from one build to the next. A piece of
// work is named by a comparable value: a page by its output path (a
// string), a fragment by a value of the renderer's own type. Each entry
// holds the keys the work read, the sums their values had, and what the
// work made.
//
// The rule, and the only one: an entry is handed back (Lookup) in a build
// when every key it read has the same sum in that build as when the work
// ran. Nothing else makes an entry valid or invalid: not a time, not a
// mode, not which files the watcher named.
//
// Checking an entry compares every key it read. When a build can name the
// keys whose values may have changed since the last build (Begin's same),
// the cache finds the entries that read those keys through a reverse
// index, and an entry that was valid in the last build and read none of
// them is valid without comparing the rest: the same rule, applied only
// where a value moved.
//
// Entries are kept while in use: Sweep drops every entry that the build
// neither looked up nor stored, nor reached through a used entry's
// fragments. Save writes the entries named by strings that hold no value
// in memory (pages, whose bytes are in the output folder); fragments live
// as long as the process.
//
// A Cache is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	values  Values
	epoch   uint32
	ids     map[Key]int32
	keys    []Key
	sums    []uint64 // current sum of each key, valid where stamp == epoch
	stamp   []uint32
	readers [][]*Entry // key id → entries that read it (some since replaced)
	garbage int        // readers of replaced or dropped entries
	known   bool       // this build named the keys that may have changed
	entries map[any]*Entry
}

// Entry is the result of one piece of work.
type Entry struct {
	Sum   string    // a digest of what the work made, such as a page's bytes
	Value any       // what the work made, when the cache holds it (fragments)
	Diags diag.List // problems the work reported, to report again on reuse

	deps    []int32  // keys read, sorted
	sums    []uint64 // their sums when read
	uses    []*Entry // fragments the work included
	mark    uint32   // the last build that used the entry
	checked uint32   // the last build that checked the entry
	valid   bool     // the outcome of that check
	moved   uint32   // the last build in which a key it read changed
	dead    bool     // replaced or dropped
}

// Reads returns how many values the work read.
func (e *Entry) Reads() int { return len(e.deps) }

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{ids: map[Key]int32{}, entries: map[any]*Entry{}}
}

// Begin starts a build whose values are v. Where same is not nil, it
// reports the keys whose values are known to be what they were in the
// last build: their sums are kept rather than computed again.
func (c *Cache) Begin(v Values, same func(Key) bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch++
	c.values = v
	c.known = same != nil
	if same == nil {
		return
	}
	// Keys summed in the last build are the keys its valid entries read.
	// Those that may have changed are summed again, and the entries that
	// read a changed one are marked.
	for id, k := range c.keys {
		if c.stamp[id] != c.epoch-1 {
			continue
		}
		if same(k) {
			c.stamp[id] = c.epoch
			continue
		}
		old := c.sums[id]
		if c.sum(int32(id)) != old {
			for _, e := range c.readers[id] {
				e.moved = c.epoch
			}
		}
	}
}

// Len returns the number of entries.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// sum returns the current sum of key id. c.mu is held.
func (c *Cache) sum(id int32) uint64 {
	if c.stamp[id] != c.epoch {
		c.sums[id] = c.values.Sum(c.keys[id])
		c.stamp[id] = c.epoch
	}
	return c.sums[id]
}

// intern returns the id of k. c.mu is held.
func (c *Cache) intern(k Key) int32 {
	id, ok := c.ids[k]
	if !ok {
		id = int32(len(c.keys))
		c.ids[k] = id
		c.keys = append(c.keys, k)
		c.sums = append(c.sums, 0)
		c.stamp = append(c.stamp, 0)
		c.readers = append(c.readers, nil)
	}
	return id
}

// Lookup returns the entry of the work named name when it is valid in
// this build, and marks it (and the fragments it used) as in use.
func (c *Cache) Lookup(name any) (*Entry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entries[name]
	if e == nil || !c.valid(e) {
		return nil, false
	}
	c.use(e)
	return e, true
}

// valid checks e against the current sums, once per build. c.mu is held.
func (c *Cache) valid(e *Entry) bool {
	if e.checked == c.epoch {
		return e.valid
	}
	if c.known && e.checked == c.epoch-1 && e.valid && e.moved != c.epoch {
		e.checked = c.epoch
		return true
	}
	e.checked, e.valid = c.epoch, true
	for i, id := range e.deps {
		if c.sum(id) != e.sums[i] {
			e.valid = false
			break
		}
	}
	return e.valid
}

func (c *Cache) use(e *Entry) {
	if e.mark == c.epoch {
		return
	}
	e.mark = c.epoch
	for _, u := range e.uses {
		c.use(u)
	}
}

// Store records the result e of the work named name, which read what rec
// recorded, and returns the stored entry.
func (c *Cache) Store(name any, rec *Recorder, e Entry) *Entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	deps := make([]int32, 0, len(rec.keys)+len(rec.ids))
	for _, k := range rec.keys {
		deps = append(deps, c.intern(k))
	}
	deps = append(deps, rec.ids...)
	slices.Sort(deps)
	deps = slices.Compact(deps)
	sums := make([]uint64, len(deps))
	for i, id := range deps {
		sums[i] = c.sum(id)
	}
	stored := &e
	stored.deps, stored.sums, stored.uses = deps, sums, rec.uses
	stored.checked, stored.valid = c.epoch, true
	c.use(stored)
	c.drop(c.entries[name])
	c.entries[name] = stored
	for _, id := range deps {
		c.readers[id] = append(c.readers[id], stored)
	}
	return stored
}

// drop notes that e is no longer in the cache. c.mu is held.
func (c *Cache) drop(e *Entry) {
	if e != nil && !e.dead {
		e.dead = true
		c.garbage += len(e.deps)
	}
}

// compact rebuilds the reverse index from the live entries once most of
// it is garbage. c.mu is held.
func (c *Cache) compact() {
	live := 0
	for _, e := range c.entries {
		live += len(e.deps)
	}
	if c.garbage < live+1<<16 {
		return
	}
	for id := range c.readers {
		c.readers[id] = c.readers[id][:0]
	}
	for _, e := range c.entries {
		for _, id := range e.deps {
			c.readers[id] = append(c.readers[id], e)
		}
	}
	c.garbage = 0
}

// Sweep drops the entries the current build did not use.
func (c *Cache) Sweep() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for name, e := range c.entries {
		if e.mark != c.epoch {
			c.drop(e)
			delete(c.entries, name)
		}
	}
	c.compact()
}

// Forget drops the entry of the work named name.
func (c *Cache) Forget(name any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.drop(c.entries[name])
	delete(c.entries, name)
}
