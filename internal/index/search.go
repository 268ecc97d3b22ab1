package index

import "strconv"

// The site's search and list data are published in pieces, so that a
// reader's first result needs a few small files however large the site
// is (render writes them; see render/search.go):
//
//	api/search/meta.json   counts, categories, levels and the pay axis
//	api/search/t<b>.json   the words of bucket b: each word, the careers it names
//	api/search/c<k>.json   careers k·SearchChunk… in A–Z order, one short record each
//
// and each career's full record is api/careers/<slug>.json.
const (
	SearchDir   = "api/search/"
	SearchChunk = 100 // careers a record file holds
)

// SearchBuckets is how many word files a site of n careers has: one per
// 64 careers, at most 256.
func SearchBuckets(n int) int { return min(max(1, (n+63)/64), 256) }

// SearchChunks is how many record files a site of n careers has.
func SearchChunks(n int) int { return max(1, (n+SearchChunk-1)/SearchChunk) }

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

// CareerAPI is the path of a career's own record.
func CareerAPI(slug string) string { return "api/careers/" + slug + ".json" }
