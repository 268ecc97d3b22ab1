package trace

import (
	"encoding/gob"
	"errors"
	"io"

	"github.com/careerguide/careerguide/internal/diag"
)

// formatVersion changes whenever the saved form does.
const formatVersion = 1

type savedCache struct {
	Version int
	Keys    []Key
	Entries []savedEntry
}

type savedEntry struct {
	Name  string
	Sum   string
	Diags diag.List
	Deps  []int32
	Sums  []uint64
}

// Save writes the entries named by strings whose result lives outside the
// cache (Value is nil): what a later process needs to reuse pages.
func (c *Cache) Save(w io.Writer) error {
	c.mu.Lock()
	out := savedCache{Version: formatVersion}
	remap := map[int32]int32{}
	for name, e := range c.entries {
		s, ok := name.(string)
		if !ok || e.Value != nil {
			continue
		}
		se := savedEntry{Name: s, Sum: e.Sum, Diags: e.Diags, Sums: e.sums, Deps: make([]int32, len(e.deps))}
		for i, id := range e.deps {
			n, ok := remap[id]
			if !ok {
				n = int32(len(out.Keys))
				remap[id] = n
				out.Keys = append(out.Keys, c.keys[id])
			}
			se.Deps[i] = n
		}
		out.Entries = append(out.Entries, se)
	}
	c.mu.Unlock()
	return gob.NewEncoder(w).Encode(out)
}

// Load adds the entries Save wrote. Entries already in the cache under
// the same names are replaced.
func (c *Cache) Load(r io.Reader) error {
	var in savedCache
	if err := gob.NewDecoder(r).Decode(&in); err != nil {
		return err
	}
	if in.Version != formatVersion {
		return errors.New("saved by another version of careerguide")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	ids := make([]int32, len(in.Keys))
	for i, k := range in.Keys {
		ids[i] = c.intern(k)
	}
	for _, se := range in.Entries {
		if len(se.Deps) != len(se.Sums) {
			return errors.New("damaged cache entry " + se.Name)
		}
		e := &Entry{Sum: se.Sum, Diags: se.Diags, sums: se.Sums, deps: make([]int32, len(se.Deps))}
		for i, d := range se.Deps {
			if d < 0 || int(d) >= len(ids) {
				return errors.New("damaged cache entry " + se.Name)
			}
			e.deps[i] = ids[d]
		}
		c.drop(c.entries[se.Name])
		c.entries[se.Name] = e
		for _, id := range e.deps {
			c.readers[id] = append(c.readers[id], e)
		}
	}
	return nil
}
