package trace

import (
	"encoding/gob"
	"errors"
	"io"

	"github.com/careerguide/careerguide/internal/diag"
)

// formatVersion changes whenever the saved form does.
const formatVersion = 3

// saveChunk is how many keys or entries one gob message holds: gob
// encodes each message whole in memory, so a large cache is written as
// many small messages rather than one of hundreds of megabytes.
const saveChunk = 4096

// savedHead opens a saved cache: the counts of keys and entries that
// follow, in messages of at most saveChunk.
type savedHead struct {
	Version       int
	Epoch         uint32
	Keys, Entries int
}

type savedKeys struct {
	Keys    []Key
	Sums    []uint64
	Changed []uint32
}

type savedEntry struct {
	Name     string
	Sum      string
	Diags    diag.List
	Deps     []int32
	Verified uint32
}

// Save writes the entries named by strings whose result lives outside the
// cache (Value is nil), with the keys they read: what a later process
// needs to reuse pages. It streams: what it holds beyond the cache is one
// message of keys or entries and a number per key.
func (c *Cache) Save(w io.Writer) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	// The keys the saved entries read, numbered in the order of their ids
	// so that each entry's list stays sorted.
	remap := make([]int32, len(c.keys))
	entries := 0
	for _, e := range c.entries {
		if _, ok := e.savedName(); ok {
			entries++
			for _, id := range e.deps {
				remap[id] = 1
			}
		}
	}
	keys := 0
	for id, used := range remap {
		if used != 0 {
			remap[id] = int32(keys)
			keys++
		} else {
			remap[id] = -1
		}
	}
	enc := gob.NewEncoder(w)
	if err := enc.Encode(savedHead{Version: formatVersion, Epoch: c.epoch, Keys: keys, Entries: entries}); err != nil {
		return err
	}
	var sk savedKeys
	flushKeys := func() error {
		err := enc.Encode(sk)
		sk.Keys, sk.Sums, sk.Changed = sk.Keys[:0], sk.Sums[:0], sk.Changed[:0]
		return err
	}
	for id, n := range remap {
		if n < 0 {
			continue
		}
		sk.Keys, sk.Sums, sk.Changed = append(sk.Keys, c.keys[id]), append(sk.Sums, c.sums[id]), append(sk.Changed, c.changed[id])
		if len(sk.Keys) == saveChunk {
			if err := flushKeys(); err != nil {
				return err
			}
		}
	}
	if len(sk.Keys) > 0 {
		if err := flushKeys(); err != nil {
			return err
		}
	}
	chunk := make([]savedEntry, 0, saveChunk)
	deps := make([]int32, 0, 64*saveChunk)
	for _, e := range c.entries {
		name, ok := e.savedName()
		if !ok {
			continue
		}
		at := len(deps)
		for _, id := range e.deps {
			deps = append(deps, remap[id])
		}
		chunk = append(chunk, savedEntry{Name: name, Sum: e.Sum, Diags: e.Diags, Verified: e.verified, Deps: deps[at:len(deps):len(deps)]})
		if len(chunk) == saveChunk {
			if err := enc.Encode(chunk); err != nil {
				return err
			}
			chunk, deps = chunk[:0], deps[:0]
		}
	}
	if len(chunk) > 0 {
		return enc.Encode(chunk)
	}
	return nil
}

func (e *Entry) savedName() (string, bool) {
	if e == nil || e.Value != nil {
		return "", false
	}
	s, ok := e.name.(string)
	return s, ok
}

// Load adds the entries Save wrote to an empty cache.
func (c *Cache) Load(r io.Reader) error {
	dec := gob.NewDecoder(r)
	var head savedHead
	if err := dec.Decode(&head); err != nil {
		return err
	}
	if head.Version != formatVersion || head.Keys < 0 || head.Entries < 0 {
		return errors.New("saved by another version of careerguide")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.keys) > 0 || len(c.names) > 0 {
		return errors.New("loading into a cache in use")
	}
	c.epoch = head.Epoch
	for n := 0; n < head.Keys; {
		var sk savedKeys
		if err := dec.Decode(&sk); err != nil {
			return err
		}
		if len(sk.Keys) == 0 || len(sk.Sums) != len(sk.Keys) || len(sk.Changed) != len(sk.Keys) || n+len(sk.Keys) > head.Keys {
			return errors.New("damaged cache")
		}
		for i, k := range sk.Keys {
			id := c.intern(k)
			if int(id) != n+i || sk.Changed[i] == 0 || sk.Changed[i] > head.Epoch {
				return errors.New("damaged cache")
			}
			c.sums[id], c.changed[id] = sk.Sums[i], sk.Changed[i]
		}
		n += len(sk.Keys)
	}
	for n := 0; n < head.Entries; {
		var chunk []savedEntry
		if err := dec.Decode(&chunk); err != nil {
			return err
		}
		if len(chunk) == 0 || n+len(chunk) > head.Entries {
			return errors.New("damaged cache")
		}
		for _, se := range chunk {
			if se.Verified > head.Epoch {
				return errors.New("damaged cache entry " + se.Name)
			}
			for _, d := range se.Deps {
				if d < 0 || int(d) >= head.Keys {
					return errors.New("damaged cache entry " + se.Name)
				}
			}
			c.add(&Entry{name: se.Name, Sum: se.Sum, Diags: se.Diags, verified: se.Verified, deps: se.Deps})
		}
		n += len(chunk)
	}
	return nil
}
