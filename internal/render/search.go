package render

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// The search and list data (index.SearchPaths) are derived from the
// whole site, so each file is a value of its own (kSearch, by path),
// summed from what it is made of (hashSearch): a build sums them all
// without making them, and makes only the files whose inputs changed. static/assets/app.js reads them; the two
// tokenize, bucket and decode alike.
//
// A word file maps each word to the careers it names, as numbers
// delta·16 + flags in the order of the careers' search ids
// (index.SearchIDs), the flags saying where the word is: 1 in the title,
// 2 first in the title, 4 in a skill, 8 in the category. A record file
// is {"ids": [search id…], "careers": [record…]}, in order of id, and a
// record is
//
//	[slug, title, category, demand, ai, currency, yearly min, yearly max, open-ended,
//	 min text, max text, range text, yearly range text, yearly typical pay,
//	 typical pay text]
//
// with the category its slug, one of meta.json's categories, and levels from
// 1 (Low) to 4 (Very High).

const (
	inTitle    = 1
	firstTitle = 2
	inSkill    = 4
	inCategory = 8
)

// searchWords splits text into the words search matches: accents
// removed, lower case, runs of letters, digits, + and # (so that C++ and
// C# stay words).
func searchWords(s string) []string {
	if !isASCII(s) {
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if out, _, err := transform.String(t, s); err == nil {
			s = out
		}
	}
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '+' || r == '#')
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// searchFile returns the bytes of the search file at p: a record file is
// made alone, from its hundred careers; a word file alone, from the notes
// of its bucket, once per site; meta.json once per site.
func (v *values) searchFile(p string) ([]byte, bool) {
	s := v.r.site
	name, ok := strings.CutPrefix(p, index.SearchDir)
	if !ok {
		return nil, false
	}
	if k, ok := searchChunk(name, len(s.Careers)); ok {
		return v.searchRecords(k), true
	}
	if name == "meta.json" {
		v.metaOnce.Do(func() { v.meta = makeSearchMeta(v) })
		return v.meta, true
	}
	b, ok := searchNumber(name, "t", index.SearchBuckets(len(s.Careers)))
	if !ok {
		return nil, false
	}
	v.wordMu.Lock()
	defer v.wordMu.Unlock()
	data, ok := v.wordFiles[b]
	if !ok {
		sw := v.siteWords()
		data = makeWordFile(sw, b)
		v.wordFiles[b] = data
		if len(v.wordFiles) == len(sw.sums) {
			sw.made()
		}
	}
	return data, true
}

// searchNumber reads the number k of a search file's name, prefix then
// k then ".json" ("c3.json", "t12.json"), when 0 ≤ k < limit and the
// name is written as careerguide writes it.
func searchNumber(name, prefix string, limit int) (int, bool) {
	num, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return 0, false
	}
	num, ok = strings.CutSuffix(num, ".json")
	k, err := strconv.Atoi(num)
	if !ok || err != nil || k < 0 || k >= limit || strconv.Itoa(k) != num {
		return 0, false
	}
	return k, true
}

// searchChunk reads the number k of the record file name ("c<k>.json")
// of a site of n careers.
func searchChunk(name string, n int) (int, bool) {
	return searchNumber(name, "c", index.SearchChunks(n))
}

// hashSearch sums the search file at p from what its bytes are made of,
// without making them, so that a build sums every file cheaply and makes
// only those that changed. Each case names every input its file reads:
// a record file its careers' slugs, titles, category slugs, levels and
// pay; a word file the words in it and the careers that have each;
// meta.json the counts, categories, settings and each currency's axis.
func hashSearch(h *trace.Hash, v *values, p string) bool {
	s := v.r.site
	n := len(s.Careers)
	name, ok := strings.CutPrefix(p, index.SearchDir)
	if !ok {
		return false
	}
	h.Str(p)
	if k, ok := searchChunk(name, n); ok {
		lay, sums := v.searchLayout(), v.recordSums()
		for _, at := range lay.files[k] {
			h.Int(int64(lay.ids[at])).Int(int64(sums[at]))
		}
		return true
	}
	if name == "meta.json" {
		h.Int(int64(n)).Int(index.SearchSpan).Int(int64(index.SearchChunks(n))).Int(int64(index.SearchBuckets(n))).Str(s.Config.Currency).Int(int64(s.Config.Paginate))
		hashCategoryOrder(h, s)
		for _, cur := range searchCurrencies(s) {
			step, top := v.axis(siteAxis(cur))
			h.Str(cur).Float(step).Float(top)
		}
		return true
	}
	b, ok := searchNumber(name, "t", index.SearchBuckets(n))
	if !ok {
		return false
	}
	h.Int(int64(index.SearchBuckets(n))).Int(int64(v.siteWords().sums[b]))
	return true
}

func hashCategoryOrder(h *trace.Hash, s *index.Site) {
	h.Int(int64(len(s.Categories)))
	for _, c := range s.Categories {
		h.Str(c.Name).Str(c.Slug)
	}
}

// searchCurrencies lists, sorted, the currencies the careers are paid in.
func searchCurrencies(s *index.Site) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range s.Careers {
		if cur := c.Salary.Currency; !seen[cur] {
			seen[cur] = true
			out = append(out, cur)
		}
	}
	slices.Sort(out)
	return out
}

// searchCategory is one of meta.json's categories; a record names its
// category by its place in that list.
type searchCategory struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
}

// searchLayout is where the careers are in the search files.
type searchLayout struct {
	ids   []int32   // each career's search id, by A–Z place
	order []int32   // the careers' A–Z places, in order of search id
	files [][]int32 // by record file, its careers' A–Z places in order of id
}

// newSearchLayout places the careers of s in the search files.
func newSearchLayout(s *index.Site) *searchLayout {
	n := len(s.Careers)
	slugs := make([]string, n)
	for i, c := range s.Careers {
		slugs[i] = c.Slug
	}
	lay := &searchLayout{ids: index.SearchIDs(slugs), order: make([]int32, n)}
	for i := range lay.order {
		lay.order[i] = int32(i)
	}
	slices.SortFunc(lay.order, func(a, b int32) int { return int(lay.ids[a] - lay.ids[b]) })
	lay.files = make([][]int32, index.SearchChunks(n))
	for _, at := range lay.order {
		k := index.SearchFile(lay.ids[at], n)
		lay.files[k] = append(lay.files[k], at)
	}
	return lay
}

// searchRecords makes the record file k.
func (v *values) searchRecords(k int) []byte {
	s := v.r.site
	lay := v.searchLayout()
	ids, chunk := []int32{}, []any{}
	for _, at := range lay.files[k] {
		c := s.Careers[at]
		ids = append(ids, lay.ids[at])
		sal := c.Salary
		lo, hi := sal.Annual(sal.Min), sal.Annual(sal.Max)
		per := ""
		if sal.Period != "year" {
			per = "/" + sal.Period
		}
		maxText := model.Money(sal.Max, sal.Currency)
		if sal.OpenEnded {
			maxText += "+"
		}
		typText := model.Money(sal.Typical(), sal.Currency) + per
		if sal.Median == 0 {
			typText += " (mid-range)"
		}
		chunk = append(chunk, []any{c.Slug, c.Title, s.CategoryOf(c).Slug, int(c.Demand), int(c.AIImpact), sal.Currency,
			math.Round(lo), math.Round(hi), b2i(sal.OpenEnded), model.Money(sal.Min, sal.Currency) + per, maxText + per, sal.String(),
			model.Salary{Min: lo, Max: hi, Currency: sal.Currency, Period: "year", OpenEnded: sal.OpenEnded}.Range(),
			math.Round(sal.Annual(sal.Typical())), typText})
	}
	data, _ := json.Marshal(map[string]any{"ids": ids, "careers": chunk})
	return append(data, '\n')
}

// makeWordFile makes the word file of bucket b, written out by hand: a
// word file is what json.Marshal makes of {"words": {word: [numbers]}},
// its words sorted.
func makeWordFile(sw *siteWords, b int) []byte {
	ws := map[string][]int{}
	for _, bn := range sw.bucketNotes()[b] {
		w := sw.words[bn.x>>4]
		list := ws[w]
		prev := 0
		if len(list) > 0 {
			prev = list[len(list)-1] // the last id, kept at the end while the list grows
			list = list[:len(list)-1]
		}
		id := int(sw.ids[bn.at])
		ws[w] = append(list, (id-prev)*16+int(bn.x&noteFlags), id)
	}
	keys := make([]string, 0, len(ws))
	for w := range ws {
		keys = append(keys, w)
	}
	slices.Sort(keys)
	out := []byte(`{"words":{`)
	for i, w := range keys {
		if i > 0 {
			out = append(out, ',')
		}
		name, _ := json.Marshal(w)
		out = append(append(out, name...), ':', '[')
		list := ws[w]
		for j, x := range list[:len(list)-1] {
			if j > 0 {
				out = append(out, ',')
			}
			out = strconv.AppendInt(out, int64(x), 10)
		}
		out = append(out, ']')
	}
	return append(out, "}}\n"...)
}

// makeSearchMeta makes meta.json.
func makeSearchMeta(v *values) []byte {
	s := v.r.site
	n := len(s.Careers)
	cats := make([]searchCategory, len(s.Categories))
	for i, c := range s.Categories {
		cats[i] = searchCategory{c.Name, c.Slug}
	}
	buckets := index.SearchBuckets(n)
	axis := map[string]float64{}
	for _, cur := range searchCurrencies(s) {
		_, axis[cur] = v.axis(siteAxis(cur))
	}
	// Pay thresholds for the lists' filter: steps of the site currency's
	// axis below its top.
	cur := s.Config.Currency
	step, top := v.axis(siteAxis(cur))
	var pay [][]any
	for x := step; x < top && len(pay) < 12; x += step {
		pay = append(pay, []any{x, model.Money(x, cur)})
	}
	data, _ := json.Marshal(map[string]any{
		"careers": n, "chunks": index.SearchChunks(n), "span": index.SearchSpan, "buckets": buckets, "categories": cats,
		"levels": model.LevelNames, "currency": cur, "axis": axis, "pay": pay, "per": s.Config.Paginate,
	})
	return append(data, '\n')
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
