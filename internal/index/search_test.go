package index

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSearchCounts(t *testing.T) {
	for _, tc := range []struct{ n, buckets, chunks int }{
		{0, 1, 1}, {1, 1, 1}, {64, 1, 1}, {65, 2, 1}, {100, 2, 1}, {101, 2, 2},
		{250, 4, 4}, {10000, 256, 128}, {10001, 256, 128}, {12800, 256, 128}, {12801, 256, 256},
	} {
		if b, c := SearchBuckets(tc.n), SearchChunks(tc.n); b != tc.buckets || c != tc.chunks {
			t.Errorf("n=%d: %d word files and %d record files, want %d and %d", tc.n, b, c, tc.buckets, tc.chunks)
		}
	}
}

// TestSearchIDs: ids are distinct, every record file holds at most a
// few times its share, and a career added, removed or moved A–Z changes
// the ids of a few others at most, whatever the order the slugs come in.
func TestSearchIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	slugs := make([]string, 5000)
	for i := range slugs {
		slugs[i] = fmt.Sprintf("career-%d", i)
	}
	ids := SearchIDs(slugs)
	byFile := make([]int, SearchChunks(len(slugs)))
	seen := map[int32]bool{}
	for _, id := range ids {
		if seen[id] || id < 0 {
			t.Fatalf("id %d given twice or negative", id)
		}
		seen[id] = true
		byFile[SearchFile(id, len(slugs))]++
	}
	if m := slices.Max(byFile); m > 3*SearchChunk {
		t.Errorf("a record file holds %d careers", m)
	}
	idOf := func(slugs []string) map[string]int32 {
		out := map[string]int32{}
		for i, id := range SearchIDs(slugs) {
			out[slugs[i]] = id
		}
		return out
	}
	before := idOf(slugs)
	for i := range 200 {
		edited := slices.Clone(slugs)
		switch i % 3 {
		case 0:
			edited = append(edited, fmt.Sprintf("new-%d", i))
		case 1:
			k := rng.IntN(len(edited))
			edited = append(edited[:k], edited[k+1:]...)
		}
		rng.Shuffle(len(edited), func(a, b int) { edited[a], edited[b] = edited[b], edited[a] })
		moved := 0
		for slug, id := range idOf(edited) {
			if old, ok := before[slug]; ok && old != id {
				moved++
			}
		}
		if moved > 4 {
			t.Errorf("edit %d: %d careers have a new id", i, moved)
		}
	}
}
