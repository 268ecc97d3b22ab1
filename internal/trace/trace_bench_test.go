package trace

import (
	"strconv"
	"testing"
)

// BenchmarkRecordAndStore records and stores what a page that lists every
// career of a large site reads: each career's title and pay, twice over
// (a row, then a chart), with the site's list between; the cache knows
// every key already, as in every build after the first.
func BenchmarkRecordAndStore(b *testing.B) {
	slugs := make([]string, 10000)
	v := world{}
	for i := range slugs {
		slugs[i] = "career-" + strconv.Itoa(i*7919%10000)
		v[Key{"career", slugs[i]}] = "t"
		v[Key{"career.pay", slugs[i]}] = "p"
	}
	c := NewCache()
	c.Begin(v, nil)
	b.ReportAllocs()
	for b.Loop() {
		var r Recorder
		for pass := 0; pass < 2; pass++ {
			r.Read(Key{"site.careers", ""})
			for _, s := range slugs {
				r.Read(Key{"career", s})
				r.Read(Key{"career.pay", s})
			}
		}
		if e := c.Store("page", &r, Entry{}); e.Reads() != 20001 {
			b.Fatalf("%d reads kept", e.Reads())
		}
	}
}

// BenchmarkStoreFragments stores a page made of 40 runs of rows, each
// run a fragment that read 32 careers' four fields, and the site's lists:
// the deps the page takes from its fragments come in runs, with repeats.
func BenchmarkStoreFragments(b *testing.B) {
	v := world{}
	c := NewCache()
	c.Begin(v, nil)
	var frags []*Entry
	for f := 0; f < 40; f++ {
		rec := &Recorder{}
		for i := 0; i < 32; i++ {
			slug := "career-" + strconv.Itoa(f*32+i)
			for _, kind := range []string{"career", "career.pay", "career.facts", "career.levels"} {
				rec.Read(Key{kind, slug})
			}
			rec.Read(Key{"templates", ""})
		}
		frags = append(frags, c.Store(f, rec, Entry{}))
	}
	for i := 0; i < 100000; i++ { // the rest of a large site's keys
		c.intern(Key{"skill", strconv.Itoa(i)})
	}
	b.ReportAllocs()
	for b.Loop() {
		var r Recorder
		for pass := 0; pass < 3; pass++ { // rows, chart, and a second list
			for _, f := range frags {
				r.Use(f)
			}
		}
		if e := c.Store("page", &r, Entry{}); e.Reads() != 40*32*4+1 {
			b.Fatalf("%d reads kept", e.Reads())
		}
	}
}
