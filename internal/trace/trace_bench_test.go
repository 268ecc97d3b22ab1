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
