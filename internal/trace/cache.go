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
}

// Reads returns how many values the work read.
func (e *Entry) Reads() int { return len(e.deps) }

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{ids: map[Key]int32{}, entries: map[any]*Entry{}}
}

// Begin starts a build whose values are v.
func (c *Cache) Begin(v Values) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch++
	c.values = v
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
	c.entries[name] = stored
	return stored
}

// Sweep drops the entries the current build did not use.
func (c *Cache) Sweep() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for name, e := range c.entries {
		if e.mark != c.epoch {
			delete(c.entries, name)
		}
	}
}

// Forget drops the entry of the work named name.
func (c *Cache) Forget(name any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, name)
}
