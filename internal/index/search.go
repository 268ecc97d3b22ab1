package index

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"
)

// The site's search and list data are published in pieces, so that a
// reader's first result needs a few small files however large the site
// is (render writes them; see render/search.go):
//
//	api/search/meta.json   counts, categories, levels and the pay axis
//	api/search/t<b>.json   the words of bucket b: each word, the careers it names
//	api/search/c<k>.json   the careers whose search ids are k·SearchSpan…, one short record each
//
// and each career's full record is api/careers/<slug>.json.
//
// A career's search id (SearchIDs) follows from its slug, not from its
// place A–Z, so that a new, gone or retitled career changes the few
// search files it is in and not every file after its place.
const (
	SearchDir   = "api/search/"
	SearchChunk = 100             // careers a record file holds at most, on average
	SearchSpan  = 4 * SearchChunk // search ids a record file holds
)

// SearchBuckets is how many word files a site of n careers has: a power
// of two, about one per 64 careers, at most 256. Powers of two keep the
// count, and so every word's file, the same while a site grows or shrinks
// by a few careers.
func SearchBuckets(n int) int { return min(pow2((n+63)/64), 256) }

// SearchChunks is how many record files a site of n careers has: a power
// of two, with SearchChunk careers or fewer on average in each.
func SearchChunks(n int) int { return pow2((n + SearchChunk - 1) / SearchChunk) }

// pow2 returns the least power of two at least n, and 1 for n ≤ 1.
func pow2(n int) int {
	if n <= 1 {
		return 1
	}
	return 1 << bits.Len(uint(n-1))
}

// SearchPaths lists the search files of a site of n careers.
func SearchPaths(n int) []string {
	out := []string{SearchDir + "meta.json"}
	for b := 0; b < SearchBuckets(n); b++ {
		out = append(out, SearchDir+"t"+strconv.Itoa(b)+".json")
	}
	for k := 0; k < SearchChunks(n); k++ {
		out = append(out, SearchDir+"c"+strconv.Itoa(k)+".json")
	}
	return out
}

// SearchIDs gives each of the careers with these slugs its search id,
// the number the word files name it by: its slug's hash, modulo the
// SearchChunks(n)·SearchSpan ids of the record files (a quarter of them
// used at most), or, when careers share that place, the next id free
// after it, taken in the order of the places and then of the slugs. So a
// career keeps its id while the number of record files is the same,
// unless one of the few careers just before it in that order changes.
// Ids at or beyond the last record file's span are in the last file.
func SearchIDs(slugs []string) []int32 {
	space := uint64(SearchChunks(len(slugs)) * SearchSpan)
	type slot struct {
		home uint32
		at   int32 // index in slugs
	}
	order := make([]slot, len(slugs))
	for i, s := range slugs {
		order[i] = slot{uint32(slugHash(s) % space), int32(i)}
	}
	slices.SortFunc(order, func(a, b slot) int {
		if a.home != b.home {
			return int(a.home) - int(b.home)
		}
		if c := strings.Compare(slugs[a.at], slugs[b.at]); c != 0 {
			return c
		}
		return int(a.at - b.at)
	})
	ids := make([]int32, len(slugs))
	next := int32(0)
	for _, s := range order {
		id := max(int32(s.home), next)
		ids[s.at] = id
		next = id + 1
	}
	return ids
}

// SearchFile returns the number of the record file that holds search
// id id on a site of n careers.
func SearchFile(id int32, n int) int { return min(int(id)/SearchSpan, SearchChunks(n)-1) }

// CareerAPI is the path of a career's own record.
func CareerAPI(slug string) string { return "api/careers/" + slug + ".json" }
