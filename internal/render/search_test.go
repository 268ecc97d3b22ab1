package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/model"
)

// searchFiles makes every search file of r's site, by path.
func searchFiles(t *testing.T, r *Renderer) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, p := range index.SearchPaths(len(r.site.Careers)) {
		data, ok := r.values.searchFile(p)
		if !ok {
			t.Fatalf("no search file %s", p)
		}
		files[p] = data
	}
	return files
}

// TestSearchSums: a search file's sum is taken from what it is made of,
// not from its bytes, so it must change whenever its bytes do. Every
// change a career can undergo is tried on a site of 250 careers (three
// record files, several word files), and every file whose bytes change
// must have a new sum; a word file whose bytes are the same keeps its sum.
func TestSearchSums(t *testing.T) {
	site := func(change func([]*model.Career) []*model.Career) *Renderer {
		var cs []*model.Career
		for i := range 250 {
			cs = append(cs, &model.Career{Source: fmt.Sprintf("content/careers/c%03d.md", i), Slug: fmt.Sprintf("c%03d", i),
				Title: fmt.Sprintf("Career %03d", i), Category: []string{"Data", "Web", "Ops"}[i%3],
				Salary: model.Salary{Min: float64(50000 + i*100), Max: float64(90000 + i*300), Currency: "USD", Period: "year"},
				Demand: model.High, AIImpact: model.Low, Skills: []string{"Go", fmt.Sprint("Skill ", i%17)}})
		}
		if change != nil {
			cs = change(cs)
		}
		r, _ := testRenderer(t, cs)
		return r
	}
	before := site(nil)
	old := searchFiles(t, before)
	for name, change := range map[string]func([]*model.Career) []*model.Career{
		"title":         func(cs []*model.Career) []*model.Career { cs[120].Title = "Zeta"; return cs },
		"title order":   func(cs []*model.Career) []*model.Career { cs[120].Title = "Aaa"; return cs },
		"salary":        func(cs []*model.Career) []*model.Career { cs[120].Salary.Max++; return cs },
		"top of axis":   func(cs []*model.Career) []*model.Career { cs[120].Salary.Max = 900000; return cs },
		"period":        func(cs []*model.Career) []*model.Career { cs[120].Salary.Period = "hour"; return cs },
		"median":        func(cs []*model.Career) []*model.Career { cs[120].Salary.Median = 70000; return cs },
		"open ended":    func(cs []*model.Career) []*model.Career { cs[120].Salary.OpenEnded = true; return cs },
		"currency":      func(cs []*model.Career) []*model.Career { cs[120].Salary.Currency = "EUR"; return cs },
		"demand":        func(cs []*model.Career) []*model.Career { cs[120].Demand = model.Low; return cs },
		"ai impact":     func(cs []*model.Career) []*model.Career { cs[120].AIImpact = model.VeryHigh; return cs },
		"category":      func(cs []*model.Career) []*model.Career { cs[120].Category = "Web"; return cs },
		"new category":  func(cs []*model.Career) []*model.Career { cs[120].Category = "Apps"; return cs },
		"skill":         func(cs []*model.Career) []*model.Career { cs[120].Skills = append(cs[120].Skills, "Rust"); return cs },
		"skill renamed": func(cs []*model.Career) []*model.Career { cs[120].Skills[1] = "Kotlin"; return cs },
		"removed":       func(cs []*model.Career) []*model.Career { return append(cs[:120:120], cs[121:]...) },
		"slug":          func(cs []*model.Career) []*model.Career { cs[120].Slug = "c120-b"; return cs },
	} {
		after := site(change)
		files := searchFiles(t, after)
		changed := 0
		for p, data := range files {
			k := key(kSearch, p)
			if bytes.Equal(data, old[p]) {
				// A word file is summed from the words in it alone, so
				// that an edit makes again only the files it changes.
				if strings.HasPrefix(p, index.SearchDir+"t") && before.values.Sum(k) != after.values.Sum(k) {
					t.Errorf("%s: %s is the same but its sum changed", name, p)
				}
				continue
			}
			changed++
			if before.values.Sum(k) == after.values.Sum(k) {
				t.Errorf("%s: %s changed but its sum did not", name, p)
			}
		}
		if changed == 0 {
			t.Errorf("%s: no search file changed", name)
		}
	}
}

// TestSearchEditsAreLocal: a career retitled to another place A–Z, a new
// career and a career removed change the search files the career is in
// (its record file, the word files of its words, meta.json for the
// count), not the files of the careers after its place.
func TestSearchEditsAreLocal(t *testing.T) {
	const n = 2000 // 32 word files and 32 record files
	site := func(change func([]*model.Career) []*model.Career) map[string][]byte {
		var cs []*model.Career
		for i := range n {
			cs = append(cs, &model.Career{Source: fmt.Sprintf("content/careers/c%04d.md", i), Slug: fmt.Sprintf("c%04d", i),
				Title: fmt.Sprintf("Career %04d", i), Category: "Data",
				Salary: model.Salary{Min: float64(50000 + i), Max: float64(90000 + i), Currency: "USD", Period: "year"},
				Demand: model.High, AIImpact: model.Low, Skills: []string{"Go"}})
		}
		if change != nil {
			cs = change(cs)
		}
		r, _ := testRenderer(t, cs)
		return searchFiles(t, r)
	}
	old := site(nil)
	for name, tc := range map[string]struct {
		change func([]*model.Career) []*model.Career
		most   int
	}{
		// Old words "career" and "1000"; new "aaa", "1000": three files at
		// most, and the record file.
		"title to the top": {func(cs []*model.Career) []*model.Career { cs[1000].Title = "Aaa 1000"; return cs }, 4},
		// Its words "career", "0999"… and "go" and "data" (each in the
		// file of every career that has it), its record file, meta.json,
		// and a neighbour's record file when it takes the id one had.
		"new": {func(cs []*model.Career) []*model.Career {
			c := *cs[999]
			c.Slug, c.Source, c.Title = "c0999-b", "content/careers/c0999-b.md", "Career 0999b"
			return append(cs, &c)
		}, 8},
		"removed": {func(cs []*model.Career) []*model.Career { return append(cs[:1000:1000], cs[1001:]...) }, 8},
	} {
		files := site(tc.change)
		var changed []string
		for p, data := range files {
			if !bytes.Equal(data, old[p]) {
				changed = append(changed, p)
			}
		}
		if len(changed) == 0 || len(changed) > tc.most {
			t.Errorf("%s: %d of %d search files changed, want 1 to %d: %v", name, len(changed), len(files), tc.most, changed)
		}
	}
}
