package trace

import (
	mbits "math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/careerguide/careerguide/internal/diag"
)

// Cache keeps the results of work from one build to the next. A piece of
// work is named by a comparable value: a page by its output path (a
// string), a fragment by a value of the renderer's own type. Each entry
// holds the keys the work read and what the work made.
//
// The rule, and the only one: an entry is handed back (Lookup) in a build
// when no key it read has changed value since the work ran. Nothing else
// makes an entry valid or invalid: not a time, not a mode, not which
// files the watcher named. (A value that changes and changes back counts
// as changed: the work runs again.)
//
// To check the rule cheaply, the cache keeps, for each key, the sum of its
// value and the build in which that sum last changed, and for each entry
// the last build in which it was known valid; an entry is valid when none
// of its keys changed after that build (Salsa's changed_at and
// verified_at). When a build can name the keys whose values may have
// changed since the last build (Begin's same), only those are summed
// again, and a reverse index finds the entries that read them: an entry
// that was valid in the last build and read none of them is valid without
// looking at its keys.
//
// Entries are kept while in use: Sweep drops every entry that the build
// neither looked up nor stored, nor reached through a used entry's
// fragments. Save writes the entries named by strings that hold no value
// in memory (pages, whose bytes are in the output folder); fragments live
// as long as the process, and are kept only while it has memory to spare
// (FirstUse).
//
// A Cache is safe for concurrent use.
type Cache struct {
	mu     sync.Mutex
	values Values
	epoch  uint32
	known  bool // this build named the keys that may have changed
	// unmarked: this build does not mark the entries it uses (Unmarked),
	// and so cannot sweep.
	unmarked bool

	ids     map[string]map[string]int32 // kind → ID → key id
	kinds   map[string][]int32          // kind → its keys' ids
	keys    []Key
	sums    []uint64 // the last sum of each key
	changed []uint32 // the build in which it last changed
	stamp   []uint32 // the build in which it was last summed
	// readers is the reverse index: key → entries that read it, some
	// since dropped. It is made the first time a build names the keys that
	// may have changed, so a session that builds once never holds it; or,
	// when builds will follow (MoreBuilds), at the first build.
	readers [][]int32
	garbage int // readers of dropped entries

	names   map[any]int32
	entries []*Entry // by id; nil where dropped
	free    []int32

	marks []uint64 // a bitmap of key ids, all clear between uses (unique)

	seen map[uint64]struct{} // sums of the names FirstUse was asked about
	more bool                // builds will follow (MoreBuilds)
	room room                // whether memory allows keeping more
}

// Entry is the result of one piece of work.
type Entry struct {
	Sum   string    // a digest of what the work made, such as a page's bytes
	Value any       // what the work made, when the cache holds it (fragments)
	Diags diag.List // problems the work reported, to report again on reuse

	id       int32
	name     any
	deps     []int32  // keys read, sorted
	uses     []*Entry // fragments the work included
	verified uint32   // the last build in which the entry was known valid
	checked  uint32   // the last build that checked it
	mark     uint32   // the last build that used it
	moved    uint32   // the last build in which a key it read changed
	dead     bool
}

// Reads returns how many values the work read.
func (e *Entry) Reads() int { return len(e.deps) }

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{ids: map[string]map[string]int32{}, kinds: map[string][]int32{}, names: map[any]int32{}}
}

// Same names the keys whose values are known to be what they were in the
// last build, for Begin.
type Same struct {
	// Kind, when not nil, may answer for every key of a kind at once:
	// whole reports that each key of the kind has its old value but those
	// whose IDs are in but. When it is not whole, Key is asked.
	Kind func(kind string) (but []string, whole bool)
	// Key reports whether k has its old value; nil reports that no key
	// Kind leaves to it has.
	Key func(Key) bool
}

// Begin starts a build whose values are v. Where same is not nil, it
// names the keys whose values are known to be what they were in the last
// build: they are not summed again.
func (c *Cache) Begin(v Values, same *Same) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch++
	c.values = v
	c.known = same != nil
	c.unmarked = false
	if c.readers == nil && (same != nil || c.more) {
		// Made now when builds will follow, it grows with each entry
		// stored rather than all at once in the first build that needs it.
		c.index()
	}
	if same == nil {
		return
	}
	// The keys summed in the last build are those its valid entries read.
	last := c.epoch - 1
	var again []int32 // the keys to sum again, each stamped as it is named
	for kind, ids := range c.kinds {
		var but []string
		whole := false
		if same.Kind != nil {
			but, whole = same.Kind(kind)
		}
		if whole {
			for _, x := range but {
				if id, ok := c.ids[kind][x]; ok && c.stamp[id] == last {
					c.stamp[id] = c.epoch
					again = append(again, id)
				}
			}
		}
		for _, id := range ids {
			if c.stamp[id] != last {
				continue
			}
			c.stamp[id] = c.epoch
			if !whole && (same.Key == nil || !same.Key(c.keys[id])) {
				again = append(again, id)
			}
		}
	}
	c.resum(again)
}

// resumChunk is how many keys a goroutine of resum takes at a time.
const resumChunk = 64

// resum sums the keys ids again, and where a value changed, notes it on
// the entries that read it. The keys are summed on every processor, each
// goroutine taking the next few as it is free: a value worked out once
// for the whole site when first asked for (the search index's words)
// holds up one goroutine while the others sum the rest. c.mu is held.
func (c *Cache) resum(ids []int32) {
	sums := make([]uint64, len(ids))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (len(ids)+resumChunk-1)/resumChunk) {
		wg.Go(func() {
			for {
				lo := int(next.Add(resumChunk)) - resumChunk
				if lo >= len(ids) {
					return
				}
				for i := lo; i < min(lo+resumChunk, len(ids)); i++ {
					sums[i] = c.values.Sum(c.keys[ids[i]])
				}
			}
		})
	}
	wg.Wait()
	for i, id := range ids {
		if sums[i] == c.sums[id] && c.changed[id] != 0 { // 0: never summed
			continue
		}
		c.sums[id], c.changed[id] = sums[i], c.epoch
		for _, e := range c.readers[id] {
			if x := c.entries[e]; x != nil {
				x.moved = c.epoch
			}
		}
	}
}

// FirstUse reports whether the work named by sum is asked about for the
// first time in the cache's life, and remembers it. A caller keeps the
// result of work from its second use on, so that work done once (most
// fragments of a one-off build) costs no memory; a sum shared by two
// names only makes the second be kept sooner. While the process is short
// of memory (its live heap over half its memory limit), every use counts
// as a first: nothing more is kept, and work is done again instead.
func (c *Cache) FirstUse(sum uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.room.spare() {
		return true
	}
	if c.seen == nil {
		c.seen = map[uint64]struct{}{}
	}
	if _, ok := c.seen[sum]; ok {
		return false
	}
	c.seen[sum] = struct{}{}
	return true
}

// Room reports whether the process has memory to spare for keeping work
// from its first use, as FirstUse judges it.
func (c *Cache) Room() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.room.spare()
}

// MoreBuilds tells the cache that builds will follow the next one (serve,
// build --watch): it keeps its reverse index from the start, growing it
// with each entry stored, instead of making it whole in the first build
// that names the keys that may have changed: the first edit.
func (c *Cache) MoreBuilds() {
	c.mu.Lock()
	c.more = true
	c.mu.Unlock()
}

// Len returns the number of entries.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.names)
}

// current brings key id's sum up to date for this build. c.mu is held.
func (c *Cache) current(id int32) {
	if c.stamp[id] == c.epoch {
		return
	}
	if s := c.values.Sum(c.keys[id]); s != c.sums[id] || c.changed[id] == 0 { // 0: never summed
		c.sums[id], c.changed[id] = s, c.epoch
	}
	c.stamp[id] = c.epoch
}

// intern returns the id of k. c.mu is held.
func (c *Cache) intern(k Key) int32 {
	byID := c.ids[k.Kind]
	if byID == nil {
		byID = map[string]int32{}
		c.ids[k.Kind] = byID
	}
	id, ok := byID[k.ID]
	if !ok {
		id = int32(len(c.keys))
		byID[k.ID] = id
		c.kinds[k.Kind] = append(c.kinds[k.Kind], id)
		c.keys = append(c.keys, k)
		c.sums = append(c.sums, 0)
		c.changed = append(c.changed, 0)
		c.stamp = append(c.stamp, 0)
		if c.readers != nil {
			c.readers = append(c.readers, nil)
		}
	}
	return id
}

// index makes the reverse index from the entries. c.mu is held.
func (c *Cache) index() {
	c.readers = make([][]int32, len(c.keys))
	for _, e := range c.entries {
		if e != nil {
			for _, id := range e.deps {
				c.readers[id] = append(c.readers[id], e.id)
			}
		}
	}
	c.garbage = 0
}

// Lookup returns the entry of the work named name when it is valid in
// this build, and marks it (and the fragments it used) as in use.
func (c *Cache) Lookup(name any) (*Entry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id, ok := c.names[name]
	if !ok {
		return nil, false
	}
	e := c.entries[id]
	if !c.valid(e) {
		return nil, false
	}
	c.use(e)
	return e, true
}

// Reuse is Lookup for many entries at once, named by the entries
// themselves rather than their names: for each entry of es (nil, or an
// entry the cache handed out or stored in an earlier build) it sets ok[i]
// when the entry is still the cache's and valid in this build, and marks
// it in use. ok must be as long as es.
func (c *Cache) Reuse(es []*Entry, ok []bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, e := range es {
		if e != nil && !e.dead && c.valid(e) {
			c.use(e)
			ok[i] = true
		}
	}
}

// valid reports whether no key e read changed since e was last known
// valid, once per build. c.mu is held.
func (c *Cache) valid(e *Entry) bool {
	if e.checked == c.epoch {
		return e.verified == c.epoch
	}
	e.checked = c.epoch
	if c.known && e.verified == c.epoch-1 && e.moved != c.epoch {
		e.verified = c.epoch
		return true
	}
	for _, id := range e.deps {
		c.current(id)
		if c.changed[id] > e.verified {
			return false
		}
	}
	e.verified = c.epoch
	return true
}

// Unmarked tells the cache that this build will not sweep: the entries
// it uses are not marked, which spares a walk through every page's
// fragments on each lookup, and Sweep then drops nothing. Begin undoes it.
func (c *Cache) Unmarked() {
	c.mu.Lock()
	c.unmarked = true
	c.mu.Unlock()
}

func (c *Cache) use(e *Entry) {
	if c.unmarked || e.mark == c.epoch {
		return
	}
	e.mark = c.epoch
	for _, u := range e.uses {
		if u.dead {
			// Made again since e used it: the entry of that name now is
			// what a build taking e whole shows, and is kept with e.
			id, ok := c.names[u.name]
			if !ok {
				continue
			}
			u = c.entries[id]
		}
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
	deps = c.unique(append(deps, rec.ids...))
	if cap(deps) > len(deps)+len(deps)/8 {
		deps = slices.Clone(deps) // a page of fragments reads the same keys many times
	}
	for _, id := range deps {
		c.current(id)
	}
	stored := &e
	stored.name, stored.deps, stored.uses = name, deps, rec.uses
	stored.verified, stored.checked = c.epoch, c.epoch
	c.add(stored)
	c.use(stored)
	return stored
}

// unique sorts ids and drops repeats, in place. A long list, such as a
// page of fragments' (each run of rows brings what its rows read), is
// sorted through a bitmap of every key id: in time in proportion to the
// list and the keys known, not to the list times its logarithm. c.mu is
// held.
func (c *Cache) unique(ids []int32) []int32 {
	words := (len(c.keys) + 63) / 64
	if len(ids) < 1024 || len(ids) < words {
		slices.Sort(ids)
		return slices.Compact(ids)
	}
	if len(c.marks) < words {
		c.marks = make([]uint64, words)
	}
	for _, id := range ids {
		c.marks[id>>6] |= 1 << (id & 63)
	}
	out := ids[:0] // each id is in the bitmap now: the list can be written over
	for w, bits := range c.marks[:words] {
		for bits != 0 {
			out = append(out, int32(w*64+mbits.TrailingZeros64(bits)))
			bits &= bits - 1
		}
		c.marks[w] = 0
	}
	return out
}

// add puts e in the cache under its name. c.mu is held.
func (c *Cache) add(e *Entry) {
	if old, ok := c.names[e.name]; ok {
		c.drop(old)
	}
	if n := len(c.free); n > 0 {
		e.id, c.free = c.free[n-1], c.free[:n-1]
		c.entries[e.id] = e
	} else {
		e.id = int32(len(c.entries))
		c.entries = append(c.entries, e)
	}
	c.names[e.name] = e.id
	if c.readers != nil {
		for _, id := range e.deps {
			c.readers[id] = append(c.readers[id], e.id)
		}
	}
}

// drop removes entry id. c.mu is held.
func (c *Cache) drop(id int32) {
	e := c.entries[id]
	e.dead = true
	c.garbage += len(e.deps)
	delete(c.names, e.name)
	c.entries[id] = nil
	c.free = append(c.free, id)
}

// Sweep drops the entries the current build did not use.
func (c *Cache) Sweep() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.unmarked {
		return // no entry was marked: every one would go
	}
	for _, e := range c.entries {
		if e != nil && e.mark != c.epoch {
			c.drop(e.id)
		}
	}
	c.compact()
}

// compact rebuilds the reverse index from the live entries once most of
// it is garbage: ids of dropped entries may have been given to others.
// c.mu is held.
func (c *Cache) compact() {
	if c.readers == nil {
		return
	}
	live := 0
	for _, e := range c.entries {
		if e != nil {
			live += len(e.deps)
		}
	}
	if c.garbage >= live+1<<16 {
		c.index()
	}
}

// Forget drops the entry of the work named name.
func (c *Cache) Forget(name any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if id, ok := c.names[name]; ok {
		c.drop(id)
	}
}

// Kinds counts the keys the cache knows, by kind.
func (c *Cache) Kinds() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := map[string]int{}
	for kind, ids := range c.ids {
		out[kind] = len(ids)
	}
	return out
}
