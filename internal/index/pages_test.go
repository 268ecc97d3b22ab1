package index

import (
	"fmt"
	"slices"
	"testing"
)

// listOf makes a list of n careers with slugs s0, s1, …, in that order.
func listOf(n int) []*Career {
	list := make([]*Career, n)
	for i := range list {
		sum := slugHash(fmt.Sprintf("s%d", i))
		list[i] = &Career{slugSum: sum, runSum: runSum(sum)}
	}
	return list
}

// pages returns the pages of list, cut at cuts.
func pages(list []*Career, cuts []int) [][]*Career {
	var out [][]*Career
	for i, lo := range cuts {
		hi := len(list)
		if i+1 < len(cuts) {
			hi = cuts[i+1]
		}
		out = append(out, list[lo:hi])
	}
	return out
}

// TestCut: a list's pages hold at most a page of careers, at least three
// quarters of one but the last, end at a run's end where one is in
// reach, and cover the list in order.
func TestCut(t *testing.T) {
	for _, tc := range []struct{ n, per, pages int }{
		{0, 500, 1}, {1, 500, 1}, {500, 500, 1}, {7, 3, 3}, {7, 1, 7}, {8, 2, 4},
	} {
		if got := len(Cut(listOf(tc.n), tc.per)); got != tc.pages {
			t.Errorf("%d careers, %d a page: %d pages, want %d", tc.n, tc.per, got, tc.pages)
		}
	}
	for _, per := range []int{4, 10, 100, 500} {
		list := listOf(20000)
		cuts := Cut(list, per)
		ps := pages(list, cuts)
		ended := 0
		for i, p := range ps {
			if len(p) > per || i < len(ps)-1 && len(p) < per-per/4 {
				t.Fatalf("%d a page: page %d holds %d careers", per, i+1, len(p))
			}
			if i < len(ps)-1 && p[len(p)-1].EndsRun() {
				ended++
			}
		}
		if !slices.Equal(slices.Concat(ps...), list) {
			t.Fatalf("%d a page: the pages are not the list", per)
		}
		// A quarter of a page holds a run's end, at RunLength careers a
		// run, unless the quarter is short of RunLength.
		if per/4 >= 4*RunLength && ended < (len(ps)-1)*9/10 {
			t.Errorf("%d a page: %d of %d pages end at a run's end", per, ended, len(ps)-1)
		}
		t.Logf("%d a page: %d pages, %d at a run's end", per, len(ps), ended)
	}
}

// TestCutsAfterAnInsertion: a career added to a list changes the page
// it is on, and seldom the next: the pages after hold the same careers.
func TestCutsAfterAnInsertion(t *testing.T) {
	const per = 500
	list := listOf(10000)
	before := pages(list, Cut(list, per))
	extra := listOf(10100)[10000:]
	more := 0
	for i, c := range extra {
		at := (i * 97) % len(list)
		grown := slices.Insert(slices.Clone(list), at, c)
		after := pages(grown, Cut(grown, per))
		if len(after) != len(before) {
			more++ // the last page grew past a page
			continue
		}
		changed := 0
		for k := range before {
			if !slices.Equal(before[k], after[k]) {
				changed++
			}
		}
		if changed > 2 {
			more++
		}
	}
	if more > len(extra)/10 {
		t.Errorf("%d insertions of %d changed more than two pages", more, len(extra))
	}
	t.Logf("%d insertions of %d changed more than two pages", more, len(extra))
}
