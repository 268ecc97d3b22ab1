package render

import (
	"encoding/json"
	"hash/fnv"
	"math"
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
// whole site at once, so each file is a value of its own (kSearch, by
// path) whose sum is that of its bytes: a file is written again exactly
// when its bytes change. static/assets/app.js reads them; the two
// tokenize, bucket and decode alike.
//
// A word file maps each word to the careers it names, as numbers
// delta·16 + flags in A–Z order of the careers (their ids), the flags
// saying where the word is: 1 in the title, 2 first in the title, 4 in a
// skill, 8 in the category. A record is
//
//	[slug, title, category, demand, ai, currency, yearly min, yearly max, open-ended,
//	 min text, max text, range text, yearly range text, yearly typical pay,
//	 typical pay text]
//
// with the category an index into meta.json's categories and levels from
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

// searchBucket is the word file of a word: by its first two characters,
// so that every word a typed prefix can match is in one file.
func searchBucket(word string, buckets int) int {
	key := word
	if rs := []rune(word); len(rs) > 2 {
		key = string(rs[:2])
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % uint32(buckets))
}

// searchFiles returns the search files' bytes by path, made once per
// site.
func (v *values) searchFiles() map[string][]byte {
	v.searchOnce.Do(func() { v.search = makeSearch(v) })
	return v.search
}

func hashSearch(h *trace.Hash, v *values, p string) bool {
	data, ok := v.searchFiles()[p]
	if ok {
		h.Bytes(data)
	}
	return ok
}

func makeSearch(v *values) map[string][]byte {
	s := v.r.site
	n := len(s.Careers)
	files := map[string][]byte{}
	put := func(p string, x any) {
		data, _ := json.Marshal(x)
		files[index.SearchDir+p] = append(data, '\n')
	}
	type cat struct {
		Name string `json:"name"`
		Slug string `json:"slug"`
	}
	cats := make([]cat, len(s.Categories))
	catIdx := map[string]int{}
	for i, c := range s.Categories {
		cats[i] = cat{c.Name, c.Slug}
		catIdx[c.Slug] = i
	}
	// Records, and each word's careers.
	buckets := index.SearchBuckets(n)
	words := make([]map[string][]int, buckets)
	for i := range words {
		words[i] = map[string][]int{}
	}
	axis := map[string]float64{}
	var chunk [][]any
	for id, c := range s.Careers {
		flags := map[string]int{}
		order := []string{}
		note := func(w string, f int) {
			if _, ok := flags[w]; !ok {
				order = append(order, w)
			}
			flags[w] |= f
		}
		for i, w := range searchWords(c.Title) {
			f := inTitle
			if i == 0 {
				f |= firstTitle
			}
			note(w, f)
		}
		for _, sk := range c.Skills {
			for _, w := range searchWords(sk.Name) {
				note(w, inSkill)
			}
		}
		cc := s.CategoryOf(c)
		for _, w := range searchWords(cc.Name) {
			note(w, inCategory)
		}
		for _, w := range order {
			b := searchBucket(w, buckets)
			words[b][w] = append(words[b][w], id, flags[w])
		}
		sal := c.Salary
		lo, hi := sal.Annual(sal.Min), sal.Annual(sal.Max)
		if _, ok := axis[sal.Currency]; !ok {
			_, axis[sal.Currency] = v.axis(sal.Currency)
		}
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
		chunk = append(chunk, []any{c.Slug, c.Title, catIdx[cc.Slug], int(c.Demand), int(c.AIImpact), sal.Currency,
			math.Round(lo), math.Round(hi), b2i(sal.OpenEnded), model.Money(sal.Min, sal.Currency) + per, maxText + per, sal.String(),
			model.Salary{Min: lo, Max: hi, Currency: sal.Currency, Period: "year", OpenEnded: sal.OpenEnded}.Range(),
			math.Round(sal.Annual(sal.Typical())), typText})
		if len(chunk) == index.SearchChunk || id == n-1 {
			put("c"+strconv.Itoa(id/index.SearchChunk)+".json", map[string]any{"careers": chunk})
			chunk = nil
		}
	}
	if n == 0 {
		put("c0.json", map[string]any{"careers": []any{}})
	}
	for b, ws := range words {
		enc := make(map[string][]int, len(ws))
		for w, list := range ws {
			out := make([]int, 0, len(list)/2)
			prev := 0
			for i := 0; i < len(list); i += 2 {
				out = append(out, (list[i]-prev)*16+list[i+1])
				prev = list[i]
			}
			enc[w] = out
		}
		put("t"+strconv.Itoa(b)+".json", map[string]any{"words": enc})
	}
	// Pay thresholds for the lists' filter: steps of the site currency's
	// axis below its top.
	cur := s.Config.Currency
	step, top := v.axis(cur)
	var pay [][]any
	for x := step; x < top && len(pay) < 12; x += step {
		pay = append(pay, []any{x, model.Money(x, cur)})
	}
	put("meta.json", map[string]any{
		"careers": n, "chunk": index.SearchChunk, "buckets": buckets, "categories": cats,
		"levels": model.LevelNames, "currency": cur, "axis": axis, "pay": pay, "per": s.Config.Paginate,
	})
	return files
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
