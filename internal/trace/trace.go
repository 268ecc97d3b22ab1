// Package trace owns incremental rebuilds. While a piece of work runs (a
// page, or a fragment such as a career's card), it notes in a Recorder
// every value it reads: one field of one career, a list and its order, a
// template file, an asset's hashed name. The Cache keeps each piece's
// result together with what it read and the sums those values had, and
// hands the result back in a later build only when every one of those
// values has the same sum now. What work depends on is never guessed from
// source text: it is whatever the work was seen to read.
//
// This is the "verifying trace" of Mokhov, Mitchell and Peyton Jones,
// Build Systems à la Carte (2018); Hugo's identity manager and Salsa
// record dependencies the same way.
package trace

import (
	"encoding/binary"
	"math"
	"time"
)

// Key names one value that work can read.
type Key struct {
	Kind string // what sort of value: "career.title", "site.careers", "template"
	ID   string // which one: a career's slug, a template's name; "" when there is one
}

// String is "kind id", or the kind alone.
func (k Key) String() string {
	if k.ID == "" {
		return k.Kind
	}
	return k.Kind + " " + k.ID
}

// Values gives the current value of every key, as a sum. Equal values
// must give equal sums, and a key whose value no longer exists (a deleted
// career's title) must give a sum of its own, such as Absent. Sum is
// called from several goroutines at once.
type Values interface {
	Sum(Key) uint64
}

// Absent is the sum of a value that does not exist.
const Absent uint64 = 0x9e3779b97f4a7c15

// Recorder collects what one piece of work reads. It is not safe for
// concurrent use; a nil Recorder records nothing.
type Recorder struct {
	keys []Key
	// seen holds every key of keys once there are setFrom of them, so
	// that a repeated read is dropped at once.
	seen map[Key]struct{}
	ids  []int32  // reads already known to the cache, from reused fragments
	uses []*Entry // fragments used, kept alive with the work's entry
	// spare is an empty set kept by Reset for the next piece of work.
	spare map[Key]struct{}
}

// Reset empties r for another piece of work, keeping the room it grew,
// so that a worker that records thousands of reads per page does not
// allocate them again for each: a Recorder is read by Cache.Store, which
// keeps none of it but the fragments used. Room for more than keepReads
// reads is let go: the one job that reads every career (the site's JSON
// list, at 100,000 careers half a million keys) would otherwise hold tens
// of megabytes for the rest of the process, as a map never shrinks.
func (r *Recorder) Reset() {
	r.keys, r.ids, r.uses = r.keys[:0], r.ids[:0], nil
	if cap(r.keys) > keepReads {
		r.keys = nil
	}
	if cap(r.ids) > keepReads {
		r.ids = nil
	}
	if r.seen != nil {
		if len(r.seen) <= keepReads {
			clear(r.seen)
			r.spare = r.seen
		}
		r.seen = nil
	}
}

// keepReads is the most reads a Recorder keeps room for (Reset).
const keepReads = 1 << 14

// setFrom is how many reads a Recorder keeps as a plain list: a short
// list costs less than a set, and repeats in it cost little.
const setFrom = 256

// Read notes that the work read the value named by k. A read repeated at
// once is dropped; past setFrom reads every repeat is, so a template that
// reads one value in a loop costs little, and the list holds each key
// once.
func (r *Recorder) Read(k Key) {
	if r == nil {
		return
	}
	if n := len(r.keys); n > 0 && r.keys[n-1] == k {
		return
	}
	if r.seen != nil {
		if _, ok := r.seen[k]; ok {
			return
		}
		r.seen[k] = struct{}{}
		r.keys = append(r.keys, k)
		return
	}
	r.keys = append(r.keys, k)
	if len(r.keys) == setFrom {
		r.seen, r.spare = r.spare, nil
		if r.seen == nil {
			r.seen = make(map[Key]struct{}, 2*setFrom)
		}
		unique := r.keys[:0]
		for _, k := range r.keys {
			if _, ok := r.seen[k]; !ok {
				r.seen[k] = struct{}{}
				unique = append(unique, k)
			}
		}
		r.keys = unique
	}
}

// Use notes that the work included the result of e, a fragment: the work
// read everything e read.
func (r *Recorder) Use(e *Entry) {
	if r == nil || e == nil {
		return
	}
	r.ids = append(r.ids, e.deps...)
	r.uses = append(r.uses, e)
}

// Reads returns the keys read so far, for tests and messages.
func (r *Recorder) Reads() []Key { return r.keys }

// Hash builds a value's sum from its parts, a 64-bit word at a time
// (multiply and xor-shift, as in the finalizers of MurmurHash). It is
// stable across processes, so sums can be saved. The zero Hash is ready
// to use.
type Hash struct{ x uint64 }

const (
	seed64  = 0x243f6a8885a308d3
	prime64 = 0x9fb21c651e98df25
)

func (h *Hash) word(w uint64) {
	x := (h.x ^ seed64 ^ w) * prime64
	h.x = (x ^ x>>29) ^ seed64
}

// Str adds a string, with its length so that parts cannot run together.
func (h *Hash) Str(s string) *Hash {
	h.word(uint64(len(s)))
	for len(s) >= 8 {
		h.word(uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56)
		s = s[8:]
	}
	var w uint64
	for i := 0; i < len(s); i++ {
		w |= uint64(s[i]) << (8 * i)
	}
	h.word(w)
	return h
}

// Bytes adds a byte slice.
func (h *Hash) Bytes(b []byte) *Hash {
	h.word(uint64(len(b)))
	for len(b) >= 8 {
		h.word(binary.LittleEndian.Uint64(b))
		b = b[8:]
	}
	var w uint64
	for i := 0; i < len(b); i++ {
		w |= uint64(b[i]) << (8 * i)
	}
	h.word(w)
	return h
}

// Int adds an integer.
func (h *Hash) Int(v int64) *Hash {
	h.word(uint64(v))
	return h
}

// Float adds a float by its bits.
func (h *Hash) Float(v float64) *Hash { return h.Int(int64(math.Float64bits(v))) }

// Bool adds a boolean.
func (h *Hash) Bool(v bool) *Hash {
	if v {
		return h.Int(1)
	}
	return h.Int(0)
}

// Time adds an instant.
func (h *Hash) Time(t time.Time) *Hash { return h.Int(t.UnixNano()).Bool(t.IsZero()) }

// Strs adds a list of strings.
func (h *Hash) Strs(list []string) *Hash {
	h.Int(int64(len(list)))
	for _, s := range list {
		h.Str(s)
	}
	return h
}

// Sum returns the sum; it is never Absent.
func (h *Hash) Sum() uint64 {
	x := h.x ^ seed64
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	if x == Absent {
		return Absent + 1
	}
	return x
}

// SumString is the sum of one string.
func SumString(s string) uint64 {
	var h Hash
	return h.Str(s).Sum()
}
