package trace

import (
	"encoding/gob"
	"errors"
	"io"

	"github.com/careerguide/careerguide/internal/diag"
)

// formatVersion changes whenever the saved form does.
const formatVersion = 2

type savedCache struct {
	Version int
	Epoch   uint32
	Keys    []Key
	Sums    []uint64
	Changed []uint32
	Entries []savedEntry
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
// needs to reuse pages.
func (c *Cache) Save(w io.Writer) error {
	c.mu.Lock()
	out := savedCache{Version: formatVersion, Epoch: c.epoch}
	remap := map[int32]int32{}
	for _, e := range c.entries {
		name, ok := e.savedName()
		if !ok {
			continue
		}
		se := savedEntry{Name: name, Sum: e.Sum, Diags: e.Diags, Verified: e.verified, Deps: make([]int32, len(e.deps))}
		for i, id := range e.deps {
			n, ok := remap[id]
			if !ok {
				n = int32(len(out.Keys))
				remap[id] = n
				out.Keys = append(out.Keys, c.keys[id])
				out.Sums = append(out.Sums, c.sums[id])
				out.Changed = append(out.Changed, c.changed[id])
			}
			se.Deps[i] = n
		}
		out.Entries = append(out.Entries, se)
	}
	c.mu.Unlock()
	return gob.NewEncoder(w).Encode(out)
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
	var in savedCache
	if err := gob.NewDecoder(r).Decode(&in); err != nil {
		return err
	}
	if in.Version != formatVersion || len(in.Sums) != len(in.Keys) || len(in.Changed) != len(in.Keys) {
		return errors.New("saved by another version of careerguide")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.keys) > 0 || len(c.names) > 0 {
		return errors.New("loading into a cache in use")
	}
	c.epoch = in.Epoch
	for i, k := range in.Keys {
		id := c.intern(k)
		if in.Changed[i] == 0 || in.Changed[i] > in.Epoch {
			return errors.New("damaged cache")
		}
		c.sums[id], c.changed[id] = in.Sums[i], in.Changed[i]
	}
	for _, se := range in.Entries {
		e := &Entry{name: se.Name, Sum: se.Sum, Diags: se.Diags, verified: se.Verified, deps: se.Deps}
		for _, d := range se.Deps {
			if d < 0 || int(d) >= len(in.Keys) {
				return errors.New("damaged cache entry " + se.Name)
			}
		}
		c.add(e)
	}
	return nil
}
