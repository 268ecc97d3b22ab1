package trace

import (
	"bytes"
	"slices"
	"strconv"
	"testing"

	"github.com/careerguide/careerguide/internal/diag"
)

// world is a set of values by key.
type world map[Key]string

func (w world) Sum(k Key) uint64 {
	v, ok := w[k]
	if !ok {
		return Absent
	}
	return SumString(v)
}

func TestEntryValidWhileEverythingItReadIsUnchanged(t *testing.T) {
	title, salary, other := Key{"career", "a"}, Key{"career.pay", "a"}, Key{"career", "b"}
	v := world{title: "Alpha", salary: "10", other: "Beta"}
	c := NewCache()
	work := func() {
		rec := &Recorder{}
		rec.Read(title)
		rec.Read(salary)
		rec.Read(title)
		c.Store("page", rec, Entry{Sum: "s1"})
	}
	c.Begin(v, nil)
	work()
	for _, tc := range []struct {
		change func()
		valid  bool
	}{
		{func() {}, true},
		{func() { v[other] = "Beta 2" }, true},
		{func() { v[title] = "Alpha 2" }, false},
		{func() {}, true},
		{func() { v[title] = "Alpha" }, false},
		{func() { delete(v, salary) }, false},
		{func() {}, true},
		{func() { v[salary] = "10" }, false},
	} {
		tc.change()
		c.Begin(v, nil)
		if _, ok := c.Lookup("page"); ok != tc.valid {
			t.Fatalf("after %v: valid = %v, want %v", v, ok, tc.valid)
		}
		if !tc.valid {
			work() // the build renders the page again
		}
	}
}

// TestKnownChanges: a build that names the keys that may have changed
// finds the same entries valid as one that checks every key.
func TestKnownChanges(t *testing.T) {
	a, b := Key{"career", "a"}, Key{"career", "b"}
	v := world{a: "A", b: "B"}
	c := NewCache()
	c.Begin(v, nil)
	for _, k := range []Key{a, b} {
		rec := &Recorder{}
		rec.Read(k)
		c.Store(k.ID, rec, Entry{Sum: k.ID})
	}
	onlyB := func(k Key) bool { return k != b }
	v[b] = "B2"
	c.Begin(v, &Same{Key: onlyB})
	if _, ok := c.Lookup("a"); !ok {
		t.Error("a read nothing that changed")
	}
	if _, ok := c.Lookup("b"); ok {
		t.Error("b read a changed value")
	}
	rec := &Recorder{}
	rec.Read(b)
	c.Store("b", rec, Entry{Sum: "b2"})
	c.Begin(v, &Same{Key: onlyB}) // b may have changed, but did not
	if _, ok := c.Lookup("b"); !ok {
		t.Error("b is valid")
	}
}

func TestFragmentsPassOnWhatTheyRead(t *testing.T) {
	k := Key{"career", "a"}
	v := world{k: "A"}
	c := NewCache()
	c.Begin(v, nil)
	fr := &Recorder{}
	fr.Read(k)
	frag := c.Store(struct{ name, id string }{"card", "a"}, fr, Entry{Value: "<li>A</li>"})
	page := &Recorder{}
	page.Use(frag)
	c.Store("index.html", page, Entry{Sum: "x"})
	v[k] = "A2"
	c.Begin(v, nil)
	if _, ok := c.Lookup("index.html"); ok {
		t.Fatal("a page that included a fragment did not depend on what the fragment read")
	}
}

func TestSweepKeepsWhatABuildUsed(t *testing.T) {
	v := world{}
	c := NewCache()
	c.Begin(v, nil)
	storePage(c)
	c.Store("gone", &Recorder{}, Entry{Sum: "g"})
	c.Begin(v, nil)
	if _, ok := c.Lookup("page"); !ok {
		t.Fatal("page invalid")
	}
	c.Sweep()
	if c.Len() != 2 {
		t.Fatalf("%d entries after the sweep, want the page and its fragment", c.Len())
	}
}

// TestSweepKeepsAFragmentMadeAgain: a page taken whole keeps the entry
// of each fragment it used, under the fragment's name, even when the
// fragment was made again (another page needed it while the page's own
// entry was not checked) since the page was made.
func TestSweepKeepsAFragmentMadeAgain(t *testing.T) {
	v := world{}
	c := NewCache()
	c.Begin(v, nil)
	storePage(c)
	c.Store("frag", &Recorder{}, Entry{Value: 2}) // made again
	c.Begin(v, nil)
	if _, ok := c.Lookup("page"); !ok {
		t.Fatal("page invalid")
	}
	c.Sweep()
	if _, ok := c.Lookup("frag"); !ok || c.Len() != 2 {
		t.Fatalf("%d entries after the sweep, the fragment kept: %v; want the page and its fragment", c.Len(), ok)
	}
}

// TestUnmarkedBuildSweepsNothing: a build that said it would not sweep
// keeps every entry if it sweeps all the same, and the next build that
// marks sweeps as before.
func TestUnmarkedBuildSweepsNothing(t *testing.T) {
	v := world{}
	c := NewCache()
	c.Begin(v, nil)
	c.Store("page", &Recorder{}, Entry{Sum: "p"})
	c.Store("gone", &Recorder{}, Entry{Sum: "g"})
	c.Begin(v, nil)
	c.Unmarked()
	if _, ok := c.Lookup("page"); !ok {
		t.Fatal("page invalid")
	}
	c.Sweep()
	if c.Len() != 2 {
		t.Fatalf("%d entries after an unmarked build's sweep, want both", c.Len())
	}
	c.Begin(v, nil)
	if _, ok := c.Lookup("page"); !ok {
		t.Fatal("page invalid")
	}
	c.Sweep()
	if c.Len() != 1 {
		t.Fatalf("%d entries after a marked build's sweep, want the page", c.Len())
	}
}

func TestSaveAndLoad(t *testing.T) {
	k := Key{"career", "a"}
	v := world{k: "A"}
	c := NewCache()
	c.Begin(v, nil)
	rec := &Recorder{}
	rec.Read(k)
	ds := diag.List{{Path: "content/x.md", Line: 3, Message: "m", Severity: diag.Warning}}
	c.Store("page.html", rec, Entry{Sum: "s", Diags: ds})
	c.Store("fragment", rec, Entry{Value: "kept in memory only"})
	var buf bytes.Buffer
	if err := c.Save(&buf); err != nil {
		t.Fatal(err)
	}
	d := NewCache()
	if err := d.Load(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	d.Begin(v, nil)
	e, ok := d.Lookup("page.html")
	if !ok || e.Sum != "s" || len(e.Diags) != 1 || e.Diags[0] != ds[0] {
		t.Fatalf("loaded %+v, %v", e, ok)
	}
	if _, ok := d.Lookup("fragment"); ok {
		t.Error("a fragment was saved")
	}
	v[k] = "B"
	d.Begin(v, nil)
	if _, ok := d.Lookup("page.html"); ok {
		t.Error("a loaded entry ignored a changed value")
	}
	if err := d.Load(bytes.NewReader([]byte("not a cache"))); err == nil {
		t.Error("damaged input loaded")
	}
}

func TestHashParts(t *testing.T) {
	sum := func(f func(h *Hash)) uint64 {
		var h Hash
		f(&h)
		return h.Sum()
	}
	pairs := [][2]func(h *Hash){
		{func(h *Hash) { h.Str("ab").Str("c") }, func(h *Hash) { h.Str("a").Str("bc") }},
		{func(h *Hash) { h.Str("") }, func(h *Hash) {}},
		{func(h *Hash) { h.Str("12345678x") }, func(h *Hash) { h.Str("12345678y") }},
		{func(h *Hash) { h.Bytes([]byte("abc")) }, func(h *Hash) { h.Bytes([]byte("abd")) }},
		{func(h *Hash) { h.Strs([]string{"a", "b"}) }, func(h *Hash) { h.Strs([]string{"a"}).Str("b") }},
	}
	for i, p := range pairs {
		if sum(p[0]) == sum(p[1]) {
			t.Errorf("pair %d: equal sums", i)
		}
	}
	x := "x"
	if a, b := SumString(x), SumString(string([]byte(x))); a != b || a == Absent {
		t.Error("sums are not stable")
	}
}

// TestReuse: entries named by themselves are reused under the same rule
// as Lookup's, and an entry the cache has since dropped or replaced is
// not.
func TestReuse(t *testing.T) {
	a, b := Key{"career", "a"}, Key{"career", "b"}
	v := world{a: "Alpha", b: "Beta"}
	c := NewCache()
	c.Begin(v, nil)
	store := func(name string, k Key) *Entry {
		rec := &Recorder{}
		rec.Read(k)
		return c.Store(name, rec, Entry{Sum: name})
	}
	es := []*Entry{store("pa", a), store("pb", b), store("gone", a), nil}
	c.Begin(v, nil)
	c.Forget("gone")
	ok := make([]bool, len(es))
	c.Reuse(es, ok)
	if want := []bool{true, true, false, false}; !slices.Equal(ok, want) {
		t.Fatalf("unchanged: reused %v, want %v", ok, want)
	}
	v[b] = "Beta 2"
	c.Begin(v, &Same{Key: func(k Key) bool { return k != b }})
	ok = make([]bool, len(es))
	c.Reuse(es, ok)
	if want := []bool{true, false, false, false}; !slices.Equal(ok, want) {
		t.Fatalf("b changed: reused %v, want %v", ok, want)
	}
	fresh := store("pb", b) // the page rendered again replaces its entry
	c.Begin(v, nil)
	ok = make([]bool, 2)
	c.Reuse([]*Entry{es[1], fresh}, ok)
	if !(!ok[0] && ok[1]) {
		t.Fatalf("replaced entry: reused %v, want [false true]", ok)
	}
}

// storePage stores a fragment "frag" and a page "page" that used it.
func storePage(c *Cache) {
	frag := c.Store("frag", &Recorder{}, Entry{Value: 1})
	page := &Recorder{}
	page.Use(frag)
	c.Store("page", page, Entry{Sum: "p"})
}

// TestSameByKind: a build that names, for a kind, the only keys of it that
// may have changed finds the same entries valid as one asked key by key.
func TestSameByKind(t *testing.T) {
	a, b, s := Key{"career", "a"}, Key{"career", "b"}, Key{"site", ""}
	v := world{a: "A", b: "B", s: "S"}
	c := NewCache()
	c.Begin(v, nil)
	for _, k := range []Key{a, b, s} {
		rec := &Recorder{}
		rec.Read(k)
		c.Store(k.Kind+k.ID, rec, Entry{Sum: k.ID})
	}
	v[b], v[s] = "B2", "S2"
	c.Begin(v, &Same{
		Kind: func(kind string) ([]string, bool) { return []string{"b"}, kind == "career" },
		Key:  func(Key) bool { return false }, // asked of site, which changed
	})
	for name, want := range map[string]bool{"careera": true, "careerb": false, "site": false} {
		if _, ok := c.Lookup(name); ok != want {
			t.Errorf("%s valid: %v, want %v", name, ok, want)
		}
	}
}

// TestUniqueKeyIDs: a long list of key ids is sorted and stripped of
// repeats as a short one is, and leaves the bitmap clear for the next.
func TestUniqueKeyIDs(t *testing.T) {
	c := NewCache()
	for i := 0; i < 5000; i++ {
		c.intern(Key{"k", strconv.Itoa(i)})
	}
	for _, n := range []int{10, 1500, 20000} {
		for round := 0; round < 2; round++ {
			ids := make([]int32, n)
			for i := range ids {
				ids[i] = int32((i*7919 + round) % 4999)
			}
			want := slices.Clone(ids)
			slices.Sort(want)
			want = slices.Compact(want)
			if got := c.unique(ids); !slices.Equal(got, want) {
				t.Fatalf("%d ids, round %d: %d unique, want %d", n, round, len(got), len(want))
			}
		}
	}
}

// TestRecorderKeepsEachReadOnce: past the reads it keeps as a list, a
// Recorder keeps a repeat of any earlier read out, not only of the last.
// Reset starts it over for another piece of work, which keeps its reads
// the same way and none of the last one's.
func TestRecorderKeepsEachReadOnce(t *testing.T) {
	var r Recorder
	for round, kind := range []string{"career", "skill", "career"} {
		r.Reset()
		var want []Key
		for i := range 300 {
			k := Key{kind, strconv.Itoa(i)}
			want = append(want, k)
			r.Read(k)
			r.Read(Key{kind, "0"})
			if i >= 2 {
				r.Read(Key{kind, strconv.Itoa(i - 2)})
			}
		}
		if got := r.Reads(); !slices.Equal(got, want) {
			t.Fatalf("round %d: %d reads kept, want the 300 keys once each in the order first read", round, len(got))
		}
	}
}

// TestRecorderLetsGoOfLargeRoom: after a piece of work that read more
// than keepReads values, Reset keeps neither its list nor its set, and
// the next piece of work is recorded as before; after a small one, both
// are kept for the next.
func TestRecorderLetsGoOfLargeRoom(t *testing.T) {
	var r Recorder
	read := func(n int) {
		r.Reset()
		for i := range n {
			r.Read(Key{"career", strconv.Itoa(i)})
			r.Read(Key{"career", "0"})
		}
		if len(r.Reads()) != n {
			t.Fatalf("%d reads kept of %d", len(r.Reads()), n)
		}
	}
	read(keepReads + 1)
	r.Use(&Entry{deps: make([]int32, keepReads+1)}) // a fragment that read as much
	r.Reset()
	if cap(r.keys) != 0 || cap(r.ids) != 0 || r.spare != nil || r.seen != nil {
		t.Fatalf("after %d reads, Reset kept room for %d keys, %d fragment reads, and a set (%v)", keepReads+1, cap(r.keys), cap(r.ids), r.spare != nil)
	}
	read(2 * setFrom)
	r.Reset()
	if cap(r.keys) == 0 || r.spare == nil {
		t.Fatal("after a small piece of work, Reset kept no room for the next")
	}
	read(setFrom + 10)
}
