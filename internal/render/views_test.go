package render

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/load"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// testCareers returns three careers sharing skills, the first pinning
// the second as related, which it would be anyway.
func testCareers() []*model.Career {
	mk := func(slug, title string, skills ...string) *model.Career {
		return &model.Career{Source: "content/careers/" + slug + ".md", Slug: slug, Title: title, Summary: "S " + title,
			Category: "Cat", Salary: model.Salary{Min: 10, Max: 20, Currency: "USD", Period: "year"},
			Demand: model.High, AIImpact: model.Low, Skills: skills, Updated: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC),
			BodySum: "b-" + slug, BodyLine: 9}
	}
	a := mk("a", "Alpha", "Go", "SQL")
	a.Related = []string{"b"}
	a.Aliases = []string{"/old/"}
	a.Outlook = &model.Outlook{Growth: 5, HasGrowth: true, From: 2023, To: 2033, Source: model.Source{Name: "S", URL: "https://example.org/"}}
	return []*model.Career{a, mk("b", "Beta", "Go", "SQL"), mk("c", "Gamma", "SQL")}
}

// testRenderer indexes careers and returns a renderer and a worker whose
// reads go to a fresh recorder.
func testRenderer(t *testing.T, careers []*model.Career, more ...*model.Page) (*Renderer, *worker) {
	t.Helper()
	theme := testTheme(t)
	pages := append([]*model.Page{{Source: "content/about.md", Path: "about/", Title: "About", Body: []byte("x")}}, more...)
	site, _ := index.Build(model.Config{Title: "T", Currency: "USD"}, careers, pages, theme.StaticPaths())
	r := New(site, theme, trace.NewCache(), Options{}, nil)
	w := &worker{r: r, rec: &trace.Recorder{}, diags: &diag.List{}}
	return r, w
}

func testTheme(t *testing.T) *Theme {
	t.Helper()
	src, _, err := load.ReadTheme(t.TempDir(), careerguide.Theme)
	if err != nil {
		t.Fatal(err)
	}
	theme, err := NewTheme(src.Templates, src.Static, false)
	if err != nil {
		t.Fatal(err)
	}
	return theme
}

// TestAccessorsRecordWhatTheyShow checks, for every accessor of the
// views, that it records the key whose value it hands out, and that a
// change to what it hands out changes that key's sum.
func TestAccessorsRecordWhatTheyShow(t *testing.T) {
	career := func(w *worker) any { return (&Site{w}).CareerBySlug("a") }
	skill := func(w *worker) any { return (&Site{w}).SkillBySlug("go") }
	page := func(w *worker) any { return (&Site{w}).Pages()[0] }
	related := func(w *worker) any { return (&Site{w}).CareerBySlug("a").Related()[0] }
	cat := func(w *worker) any { return (&Site{w}).Categories()[0] }
	alias := func(w *worker) any { return (&Site{w}).Aliases()[0] }
	site := func(w *worker) any { return &Site{w} }
	pager := func(w *worker) any { // page 2 of the careers A–Z, at one career a page
		v := &View{}
		if err := w.listView(v, Job{"careers/page/2/index.html", KindCareers, "careers 2"}); err != nil {
			panic(err)
		}
		return v.pager
	}
	dropLast := func(cs []*model.Career) { cs[2].Slug = "a" } // a repeated slug: left out
	type change func(cs []*model.Career)
	on := func(f func(a *model.Career)) change { return func(cs []*model.Career) { f(cs[0]) } }
	cases := []struct {
		view   func(*worker) any
		method string
		key    trace.Key
		change change
	}{
		{career, "Title", key(kCareer, "a"), on(func(a *model.Career) { a.Title = "Zeta" })},
		{career, "Category", key(kCareerCategory, "a"), on(func(a *model.Career) { a.Category = "Other" })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.Max = 30 })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.Min = 5 })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.OpenEnded = true })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.Period = "month" })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.Currency = "EUR" })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.Median = 15 })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.P10 = 11 })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.P25 = 12 })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.P75 = 17 })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.P90 = 19 })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.Source.URL = "https://example.org/" })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.Source.Name = "BLS" })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.AsOf = model.Month{Year: 2024, Month: 5} })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.Estimate = true })},
		{career, "Salary", key(kCareerPay, "a"), on(func(a *model.Career) { a.Salary.Note = "n" })},
		{career, "Outlook", key(kCareerFacts, "a"), on(func(a *model.Career) { a.Outlook.Growth = -2 })},
		{career, "Outlook", key(kCareerFacts, "a"), on(func(a *model.Career) { a.Outlook.OpeningsPerYear = 900 })},
		{career, "Outlook", key(kCareerFacts, "a"), on(func(a *model.Career) { a.Outlook.To = 2034 })},
		{career, "Outlook", key(kCareerFacts, "a"), on(func(a *model.Career) { a.Outlook.Source.URL = "https://example.com/" })},
		{career, "Outlook", key(kCareerFacts, "a"), on(func(a *model.Career) { a.Outlook.AsOf = model.Month{Year: 2024} })},
		{career, "Outlook", key(kCareerFacts, "a"), on(func(a *model.Career) { a.Outlook.Note = "n" })},
		{career, "Outlook", key(kCareerFacts, "a"), on(func(a *model.Career) { a.Outlook = nil })},
		{career, "SOC", key(kCareerFacts, "a"), on(func(a *model.Career) { a.SOC = "15-1252" })},
		{career, "Education", key(kCareerFacts, "a"), on(func(a *model.Career) { a.Education = "Master's degree" })},
		{career, "DemandSource", key(kCareerFacts, "a"), on(func(a *model.Career) { a.DemandSource.Name = "BLS" })},
		{career, "AIImpactSource", key(kCareerFacts, "a"), on(func(a *model.Career) { a.AIImpactSource.URL = "https://example.org/" })},
		{career, "Demand", key(kCareerLevels, "a"), on(func(a *model.Career) { a.Demand = model.Low })},
		{career, "AIImpact", key(kCareerLevels, "a"), on(func(a *model.Career) { a.AIImpact = model.High })},
		{career, "Summary", key(kCareerAbout, "a"), on(func(a *model.Career) { a.Summary = "new" })},
		{career, "Draft", key(kCareerAbout, "a"), on(func(a *model.Career) { a.Draft = true })},
		{career, "Aliases", key(kCareerAbout, "a"), on(func(a *model.Career) { a.Aliases = []string{"/x/"} })},
		{career, "Source", key(kCareerAbout, "a"), on(func(a *model.Career) { a.Source = "content/careers/z.md" })},
		{career, "Updated", key(kCareerUpdated, "a"), on(func(a *model.Career) { a.Updated = a.Updated.AddDate(0, 0, 1) })},
		{career, "Skills", key(kCareerSkills, "a"), on(func(a *model.Career) { a.Skills = []string{"Go"} })},
		{career, "Related", key(kCareerRelated, "a"), on(func(a *model.Career) { a.Related = nil })},
		{related, "Pinned", key(kCareerRelated, "a"), on(func(a *model.Career) { a.Related = nil })},
		{related, "Shared", key(kCareerRelated, "a"), func(cs []*model.Career) { cs[1].Skills = []string{"SQL"} }},
		{skill, "Description", key(kSkillDoc, "go"), nil},
		{skill, "HasPage", key(kSkillDoc, "go"), nil},
		{skill, "Name", key(kSkill, "go"), func(cs []*model.Career) { cs[0].Skills[0], cs[1].Skills[0] = "GO", "GO" }},
		{skill, "Careers", key(kSkillCareers, "go"), func(cs []*model.Career) { cs[1].Salary.Max = 99 }},
		{skill, "Max", key(kSkillSpan, "go"), func(cs []*model.Career) { cs[1].Salary.Max = 99 }},
		{skill, "Median", key(kSkillSpan, "go"), func(cs []*model.Career) { cs[1].Salary.Min = 15 }},
		{skill, "OpenEnded", key(kSkillSpan, "go"), func(cs []*model.Career) { cs[1].Salary.OpenEnded = true }},
		{skill, "Median", key(kSkillSpan, "go"), func(cs []*model.Career) { cs[1].Salary.Median = 19 }},
		{cat, "Careers", key(kCategory, "cat"), func(cs []*model.Career) { cs[1].Title = "Aaa" }},
		{cat, "Count", key(kCategorySize, "cat"), func(cs []*model.Career) { cs[2].Category = "Other" }},
		{skill, "Count", key(kSkillSize, "go"), func(cs []*model.Career) { cs[2].Skills = []string{"Go", "SQL"} }},
		{alias, "To", key(kAlias, "old/"), on(func(a *model.Career) { a.Slug = "a2" })},
		{site, "Title", key(kSiteTitle, ""), nil},
		{site, "Careers", key(kSiteCareers, ""), func(cs []*model.Career) { cs[1].Title = "Aaa" }},
		{site, "BySalary", key(kSiteBySalary, ""), func(cs []*model.Career) { cs[1].Salary.Max = 99 }},
		{site, "BySalary", key(kSiteBySalary, ""), func(cs []*model.Career) { cs[1].Salary.Median = 19 }},
		{site, "TopDemand", key(kSiteTopDemand, ""), func(cs []*model.Career) { cs[2].Demand = model.VeryHigh }},
		{site, "LowestAI", key(kSiteLowestAI, ""), func(cs []*model.Career) { cs[2].AIImpact = model.VeryHigh; cs[0].AIImpact = model.VeryHigh }},
		{site, "TopPaying", key(kSiteTopPaying, ""), func(cs []*model.Career) { cs[2].Salary.Max = 99 }},
		{site, "Skills", key(kSiteSkills, ""), func(cs []*model.Career) { cs[2].Skills = []string{"Rust"} }},
		{site, "Categories", key(kSiteCategories, ""), func(cs []*model.Career) { cs[2].Category = "New" }},
		{cat, "Skills", key(kCategorySkills, "cat"), func(cs []*model.Career) { cs[2].Skills = []string{"Go"} }},
		{cat, "Name", key(kCategoryName, "cat"), func(cs []*model.Career) { cs[0].Category, cs[1].Category = "CAT", "CAT" }},
		{career, "CategoryURL", key(kCareerCategory, "a"), on(func(a *model.Career) { a.Category = "Other" })},
		{site, "Aliases", key(kSiteAliases, ""), on(func(a *model.Career) { a.Aliases = []string{"/older/"} })},
		{page, "Title", key(kPage, "about/"), nil},
		{pager, "Total", key(kListSize, "careers"), dropLast},
		{pager, "Pages", key(kListPages, "careers"), dropLast},
		{pager, "Links", key(kListPages, "careers"), dropLast},
		{pager, "Next", key(kListPages, "careers"), dropLast},
		{pager, "First", key(kListPlace, "careers 2"), nil},
		{pager, "Last", key(kListPlace, "careers 2"), nil},
	}
	for i, tc := range cases {
		t.Run(fmt.Sprintf("%d/%s/%s", i, tc.method, tc.key), func(t *testing.T) {
			r, w := testRenderer(t, testCareers())
			v := reflect.ValueOf(tc.view(w))
			w.rec = &trace.Recorder{}
			before := fmt.Sprintf("%#v", v.MethodByName(tc.method).Call(nil)[0].Interface())
			if !recorded(w.rec, tc.key) {
				t.Fatalf("%s did not record %s; it recorded %v", tc.method, tc.key, w.rec.Reads())
			}
			if tc.change == nil {
				return
			}
			sum := r.Values().Sum(tc.key)
			cs := testCareers()
			tc.change(cs)
			r2, w2 := testRenderer(t, cs)
			v2 := reflect.ValueOf(tc.view(w2))
			after := fmt.Sprintf("%#v", v2.MethodByName(tc.method).Call(nil)[0].Interface())
			if before == after && tc.method != "Careers" && tc.method != "Related" && tc.method != "Skills" {
				t.Fatalf("the change did not change %s (%s); the test is wrong", tc.method, after)
			}
			if r2.Values().Sum(tc.key) == sum {
				t.Errorf("%s changed but the sum of %s did not", tc.method, tc.key)
			}
		})
	}
}

func recorded(rec *trace.Recorder, k trace.Key) bool {
	for _, r := range rec.Reads() {
		if r == k {
			return true
		}
	}
	return false
}

// TestSkillPageSum checks that every field of a page about a skill that
// the skill page shows changes the value its accessors record.
func TestSkillPageSum(t *testing.T) {
	doc := func() *model.Page {
		return &model.Page{Source: "content/skills/go.md", Path: "skills/go/", Description: "D", Body: []byte("b"), BodyLine: 4,
			Updated: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
	}
	r, _ := testRenderer(t, testCareers(), doc())
	sum := r.Values().Sum(key(kSkillDoc, "go"))
	if none, _ := testRenderer(t, testCareers()); none.Values().Sum(key(kSkillDoc, "go")) == sum {
		t.Error("the sum is the same without the page")
	}
	for name, change := range map[string]func(*model.Page){
		"description": func(p *model.Page) { p.Description = "E" },
		"body":        func(p *model.Page) { p.Body = []byte("c") },
		"line":        func(p *model.Page) { p.BodyLine = 5 },
		"updated":     func(p *model.Page) { p.Updated = p.Updated.AddDate(0, 0, 1) },
	} {
		d := doc()
		change(d)
		if r2, _ := testRenderer(t, testCareers(), d); r2.Values().Sum(key(kSkillDoc, "go")) == sum {
			t.Errorf("a change of the %s leaves the sum as it was", name)
		}
	}
}

// TestTies checks the counts of careers tied with a top list's last: what
// they show and that the key they record changes with them.
func TestTies(t *testing.T) {
	seven := func() []*model.Career {
		cs := testCareers()
		for i := 0; i < 4; i++ {
			c := *cs[2]
			c.Slug, c.Title, c.Source = fmt.Sprint("d", i), fmt.Sprint("Delta ", i), fmt.Sprint("content/careers/d", i, ".md")
			cs = append(cs, &c)
		}
		return cs
	}
	for _, tc := range []struct {
		method string
		k      trace.Key
		change func(c *model.Career)
	}{
		{"TopDemandTies", key(kSiteTopDemand, ""), func(c *model.Career) { c.Demand = model.Low }},
		{"LowestAITies", key(kSiteLowestAI, ""), func(c *model.Career) { c.AIImpact = model.VeryHigh }},
		{"TopPayingTies", key(kSiteTopPaying, ""), func(c *model.Career) { c.Salary.Max = 15 }},
	} {
		r, w := testRenderer(t, seven())
		got := reflect.ValueOf(&Site{w}).MethodByName(tc.method).Call(nil)[0].Int()
		if got != 2 || !recorded(w.rec, tc.k) {
			t.Errorf("%s = %d, want 2 of 7 equal careers; recorded %v", tc.method, got, w.rec.Reads())
		}
		cs := seven()
		tc.change(cs[6])
		r2, w2 := testRenderer(t, cs)
		if n := reflect.ValueOf(&Site{w2}).MethodByName(tc.method).Call(nil)[0].Int(); n != 1 {
			t.Errorf("%s = %d after a change, want 1", tc.method, n)
		}
		if r.Values().Sum(tc.k) == r2.Values().Sum(tc.k) {
			t.Errorf("%s changed but the sum of %s did not", tc.method, tc.k)
		}
	}
}

// TestSearchFiles decodes the search files as the theme's script does:
// each word's careers, by search id, and where the word is in them, and
// each career's record, found by its id.
func TestSearchFiles(t *testing.T) {
	r, _ := testRenderer(t, testCareers())
	files := searchFiles(t, r)
	var meta struct {
		Careers, Chunks, Span, Buckets int
		Categories                     []struct{ Name, Slug string }
		Axis                           map[string]float64
	}
	if err := json.Unmarshal(files["api/search/meta.json"], &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Careers != 3 || meta.Buckets != 1 || meta.Chunks != 1 || meta.Span != index.SearchSpan || len(meta.Categories) != 1 || meta.Axis["USD"] <= 0 {
		t.Fatalf("meta %+v", meta)
	}
	var recs struct {
		IDs     []int
		Careers [][]any
	}
	json.Unmarshal(files["api/search/c0.json"], &recs)
	if len(recs.Careers) != 3 || len(recs.IDs) != 3 || !slices.IsSorted(recs.IDs) {
		t.Fatalf("records %v, ids %v", recs.Careers, recs.IDs)
	}
	slugs := map[int]string{}
	for i, id := range recs.IDs {
		slugs[id] = recs.Careers[i][0].(string)
		if slugs[id] == "b" && (fmt.Sprint(recs.Careers[i][:6]) != "[b Beta cat 3 1 USD]" || recs.Careers[i][11] != "$10 – $20 per year") {
			t.Errorf("record of b: %v", recs.Careers[i])
		}
	}
	var words struct{ Words map[string][]int }
	json.Unmarshal(files["api/search/t0.json"], &words)
	decode := func(w string) string {
		var out []string
		id := 0
		for _, v := range words.Words[w] {
			id += v / 16
			out = append(out, fmt.Sprintf("%s:%d", slugs[id], v%16))
		}
		slices.Sort(out)
		return strings.Join(out, " ")
	}
	// Alpha, Beta and Gamma are a, b and c; Go is a skill of the first two.
	for w, want := range map[string]string{"go": "a:4 b:4", "beta": "b:3", "sql": "a:4 b:4 c:4", "cat": "a:8 b:8 c:8"} {
		if got := decode(w); got != want {
			t.Errorf("%q names %q, want %q", w, got, want)
		}
	}
	if got := searchWords("Café C++ & C#, .NET"); strings.Join(got, " ") != "cafe c++ c# net" {
		t.Errorf("words %q", got)
	}
}

// listWorker returns a worker of a site of 700 careers, c000 to c699, and
// their views in A–Z order; again is the renderer's Options.Again.
func listWorker(t *testing.T, again bool) (*worker, []*Career) {
	t.Helper()
	var cs []*model.Career
	for i := range 700 {
		cs = append(cs, &model.Career{Source: fmt.Sprintf("content/careers/c%03d.md", i), Slug: fmt.Sprintf("c%03d", i),
			Title: fmt.Sprintf("Career %03d", i), Category: "Data",
			Salary: model.Salary{Min: 100, Max: 200, Currency: "USD", Period: "year"}, Demand: model.High, AIImpact: model.Low})
	}
	r, _ := testRenderer(t, cs)
	r.opts.Again = again
	ww, err := r.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	w := ww.w
	var ds diag.List
	w.rec, w.diags = &trace.Recorder{}, &ds
	return w, (&Site{w}).Careers()
}

// TestPartialsRuns: partials renders a list as the items' partials one
// after another, in runs that follow from the items, so that the same
// list shifted by one item (a page of a long list after an insertion)
// takes the items one by one only for the runs at its ends.
func TestPartialsRuns(t *testing.T) {
	w, items := listWorker(t, false)
	render := func(list []*Career) (string, int) {
		t.Helper()
		before := w.itemized
		h, err := w.partials("az-item", list, false)
		if err != nil {
			t.Fatal(err)
		}
		return string(h), w.itemized - before
	}
	render(items[1:601]) // shown once: made in place
	render(items[1:601]) // shown again: kept
	got, ran := render(items[0:600])
	var want strings.Builder
	for _, c := range items[0:600] {
		h, _ := w.execute("az-item", c)
		want.WriteString(string(h))
	}
	if got != want.String() {
		t.Errorf("partials differ from the items' partials one after another")
	}
	if ran == 0 || ran > 200 {
		t.Errorf("the list shifted by one took %d items one by one of 600", ran)
	}
	render(items[0:600]) // the runs at the ends shown again: kept
	if _, again := render(items[0:600]); again != 0 {
		t.Errorf("the same list a third time took %d items one by one", again)
	}
	t.Logf("the list shifted by one took %d items of 600 one by one", ran)
}

// TestLongListsKeptFromFirstUse: in a session that builds again, the runs
// of a long list are kept from their first use, so that the first edit
// that shifts it takes only the runs at its ends one by one; a short list
// is kept from its second use, as in a one-off build.
func TestLongListsKeptFromFirstUse(t *testing.T) {
	for _, again := range []bool{false, true} {
		w, items := listWorker(t, again)
		ran := func(list []*Career) int {
			t.Helper()
			before := w.itemized
			if _, err := w.partials("az-item", list, false); err != nil {
				t.Fatal(err)
			}
			return w.itemized - before
		}
		ran(items[1:601])
		long := ran(items[0:600])
		ran(items[611:700]) // careers of no run above
		short := ran(items[610:700])
		if again && long > 200 || !again && long < 500 {
			t.Errorf("again %v: a long list shown once, then shifted by one, took %d items of 600 one by one", again, long)
		}
		if short < 80 {
			t.Errorf("again %v: a short list shown once, then shifted by one, took %d items of 90 one by one: it was kept", again, short)
		}
	}
}
