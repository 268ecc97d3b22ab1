package index

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/model"
)

func career(slug, title string, skills ...string) *model.Career {
	return &model.Career{Source: "content/careers/" + slug + ".md", Slug: slug, Title: title, Category: "Eng",
		Salary: model.Salary{Min: 1000, Max: 2000, Currency: "USD", Period: "year"}, Demand: model.High, AIImpact: model.Low, Skills: skills,
		Pos: model.Positions{}}
}

func build(t *testing.T, cs []*model.Career, ps ...*model.Page) (*Site, string) {
	t.Helper()
	s, ds := Build(model.Config{Currency: "USD"}, cs, ps, []string{"favicon.svg"})
	return s, ds.String()
}

func TestRelatedOrder(t *testing.T) {
	a := career("a", "Alpha", "Go", "SQL", "Rust")
	a.Related = []string{"z", "missing"}
	cs := []*model.Career{
		a,
		career("b", "Bravo", "Go", "SQL"), // 2 shared
		career("c", "Charlie", "Go"),      // 1 shared
		career("d", "Delta", "Rust", "SQL", "Go"), // 3 shared
		career("e", "Echo", "Python"),             // none
		career("f", "Foxtrot", "SQL"),             // 1 shared
		career("z", "Zulu", "Python"),             // pinned, no shared skill
		career("g", "Golf", "Rust"),               // 1 shared
	}
	s, ds := build(t, cs)
	if !strings.Contains(ds, `related: "missing" names no career`) {
		t.Errorf("diagnostics: %s", ds)
	}
	var got []string
	for _, r := range s.CareerBySlug("a").Related {
		got = append(got, r.Slug)
	}
	// pinned first, then by shared skills, ties by title, at most five
	if want := "z d b c f"; strings.Join(got, " ") != want {
		t.Errorf("related = %v, want %s", got, want)
	}
	if sh := s.CareerBySlug("a").Related[1].Shared; len(sh) != 3 || sh[0].Name != "Go" {
		t.Errorf("shared = %v", sh)
	}
}

func TestSkillVariantsAndCollisions(t *testing.T) {
	cs := []*model.Career{
		career("a", "A", "Go", "C++"),
		career("b", "B", "Go", "C#"),
		career("c", "C", "go", "C plus plus"),
	}
	s, ds := build(t, cs)
	if sk := s.SkillBySlug("go"); sk == nil || sk.Name != "Go" || len(sk.Careers) != 3 {
		t.Fatalf("go skill = %+v", sk)
	}
	if !strings.Contains(ds, `content/careers/c.md:1:1: warning: skills: "go" is written in 2 ways: "Go" (content/careers/a.md, content/careers/b.md), "go" (content/careers/c.md); it is shown as "Go"`) {
		t.Errorf("missing variant warning:\n%s", ds)
	}
	if !strings.Contains(ds, `content/careers/a.md:1:1: skills: "C++" and other skills share the URL /skills/c-plus-plus/`) ||
		!strings.Contains(ds, `content/careers/c.md:1:1: skills: "C plus plus" and other skills share the URL /skills/c-plus-plus/`) {
		t.Errorf("missing collision errors:\n%s", ds)
	}
	if s.SkillBySlug("c-sharp") == nil {
		t.Error("C# lost")
	}
}

func TestCrossFileRules(t *testing.T) {
	a := career("a", "A", "Go")
	b := career("a", "B", "Go")
	b.Source = "content/careers/b.md"
	a.Aliases = []string{"/old/", "/careers/"}
	c := career("c", "C", "Go")
	c.Aliases = []string{"/old/"}
	page := &model.Page{Source: "content/skills.md", Path: "skills/", Title: "S"}
	_, ds := build(t, []*model.Career{a, b, c}, page)
	for _, want := range []string{
		`content/careers/b.md:1:1: slug: "a" is already the slug of content/careers/a.md; give one of them another slug`,
		`content/careers/a.md:1:1: aliases: /careers/ is already a page of the site`,
		`content/careers/c.md:1:1: aliases: /old/ is already an alias in content/careers/a.md`,
		`content/skills.md:1:1: this page would be published at /skills/, which is already a page careerguide generates; rename the file`,
	} {
		if !strings.Contains(ds, want) {
			t.Errorf("missing %q in:\n%s", want, ds)
		}
	}
}

func TestSameTitles(t *testing.T) {
	a, b, c, d := career("a", "Data Engineering", "Go"), career("b", "data  engineering", "Go"), career("c", "Data Science", "Go"), career("d", "DATA ENGINEERING", "Go")
	b.Pos.Title = model.Pos{Line: 2, Col: 8}
	_, ds := build(t, []*model.Career{d, c, b, a})
	want := `content/careers/b.md:2:8: warning: title: "data  engineering" is also the title of content/careers/a.md; readers cannot tell the two apart, so give one of them another title
content/careers/d.md:1:1: warning: title: "DATA ENGINEERING" is also the title of content/careers/a.md; readers cannot tell the two apart, so give one of them another title
`
	if ds != want {
		t.Errorf("got:\n%swant:\n%s", ds, want)
	}
}

func TestSalaryOrderAndSpan(t *testing.T) {
	hi := career("hi", "High", "Go")
	hi.Salary = model.Salary{Min: 100000, Max: 200000, Currency: "USD", Period: "year", OpenEnded: true}
	lo := career("lo", "Low", "Go")
	lo.Salary = model.Salary{Min: 20, Max: 30, Currency: "USD", Period: "hour"} // 41.6K–62.4K a year
	mid := career("mid", "Mid", "Go")
	mid.Salary = model.Salary{Min: 60000, Max: 90000, Currency: "USD", Period: "year"}
	s, _ := build(t, []*model.Career{lo, mid, hi})
	var got []string
	for _, c := range s.BySalary {
		got = append(got, c.Slug)
	}
	if strings.Join(got, " ") != "hi mid lo" {
		t.Errorf("by salary = %v", got)
	}
	sk := s.SkillBySlug("go")
	if sk.Min != 41600 || sk.Max != 200000 || !sk.OpenEnded || sk.Median != 75000 {
		t.Errorf("span = %v %v %v %v", sk.Min, sk.Median, sk.Max, sk.OpenEnded)
	}
	if !s.Exists("skills/go/") || !s.Exists("/careers/hi") || !s.Exists("favicon.svg") || s.Exists("careers/nope/") {
		t.Error("Exists is wrong")
	}
}

// bruteRelated picks every career's related careers, by slug, by
// counting the skills it shares with every other career.
func bruteRelated(s *Site) map[string]string {
	sets := map[*Career]map[*Skill]bool{}
	for _, c := range s.Careers {
		sets[c] = map[*Skill]bool{}
		for _, sk := range c.Skills {
			sets[c][sk] = true
		}
	}
	out := map[string]string{}
	for _, c := range s.Careers {
		type cand struct {
			o *Career
			n int
		}
		var all []cand
		for _, o := range s.Careers {
			n := 0
			for _, sk := range o.Skills {
				if sets[c][sk] {
					n++
				}
			}
			if o != c && n > 0 {
				all = append(all, cand{o, n})
			}
		}
		sort.Slice(all, func(i, j int) bool {
			if all[i].n != all[j].n {
				return all[i].n > all[j].n
			}
			return all[i].o.rank < all[j].o.rank
		})
		var want []string
		for i := 0; i < len(all) && i < MaxRelated; i++ {
			want = append(want, all[i].o.Slug)
		}
		out[c.Slug] = strings.Join(want, " ")
	}
	return out
}

// sites generates sites whose related careers are hard to find in
// different ways: skills from a small pool, careers that share nearly all
// their skills, and two halves that share little with each other.
func sites(n int) map[string][]*model.Career {
	out := map[string][]*model.Career{}
	add := func(name string, skills func(i int) []string) {
		var cs []*model.Career
		for i := 0; i < n; i++ {
			cs = append(cs, career(fmt.Sprintf("c%04d", i), fmt.Sprintf("Career %04d", (i*37)%n), skills(i)...))
		}
		out[name] = cs
	}
	pool := []string{"Go", "SQL", "Rust", "Python", "Java", "C", "Kotlin", "Swift", "Linux", "Security", "Testing", "APIs"}
	add("pool", func(i int) []string {
		var skills []string
		for j, sk := range pool {
			if (i*7+j*13)%5 == 0 || (i+j)%11 == 0 {
				skills = append(skills, sk)
			}
		}
		if len(skills) == 0 {
			skills = []string{pool[i%len(pool)]}
		}
		return skills
	})
	numbered := func(prefix string, from, to int) []string {
		var s []string
		for j := from; j < to; j++ {
			s = append(s, fmt.Sprintf("%s%d", prefix, j))
		}
		return s
	}
	add("all the same", func(int) []string { return numbered("S", 0, 50) })
	add("one of their own", func(i int) []string { return append(numbered("S", 0, 49), fmt.Sprintf("U%d", i)) })
	add("halves", func(i int) []string {
		if i%2 == 0 {
			return append(numbered("A", 0, 25), numbered("B", 0, 25)...)
		}
		return append(numbered("A", 0, 25), fmt.Sprintf("U%d", i))
	})
	add("nested", func(i int) []string { return numbered("S", 0, 1+i%50) })
	return out
}

// TestRelatedMatchesBruteForce checks both ways of finding related
// careers, and the choice between them, against counting every pair of
// careers, on generated sites.
func TestRelatedMatchesBruteForce(t *testing.T) {
	defer func() { forceWay = 0 }()
	for name, cs := range sites(300) {
		var want map[string]string
		for way, wayName := range []string{"cheaper", "pairs", "prefix"} {
			forceWay = way
			s, _ := build(t, cs)
			if want == nil {
				want = bruteRelated(s)
			}
			for _, c := range s.Careers {
				var got []string
				for _, r := range c.Related {
					got = append(got, r.Slug)
				}
				if strings.Join(got, " ") != want[c.Slug] {
					t.Fatalf("%s, %s: %s: related %v, want %v", name, wayName, c.Slug, got, want[c.Slug])
				}
			}
		}
	}
}

// TestRelatedWork counts the member and pair list entries read to relate
// sites whose careers all share most of their skills: in proportion to
// the number of careers, where reading every pair list was the square.
func TestRelatedWork(t *testing.T) {
	for _, n := range []int{1000, 4000} {
		for name, cs := range sites(n) {
			if name == "pool" {
				continue
			}
			s, _ := build(t, cs)
			if per := s.relateSteps / n; per > 500 {
				t.Errorf("%s, %d careers: %d list entries read per career", name, n, per)
			}
		}
	}
}

// TestOutputLayout covers paths that cannot be written: a file in one
// place and a folder in another, and the writer's own names.
func TestOutputLayout(t *testing.T) {
	a := career("a", "A", "Go")
	a.Aliases = []string{"/sitemap.xml/", "/feed.xml/", "/robots.txt/", "/favicon.svg/", "/api/careers.json/", "/api/careers.json/x/",
		"/assets/style.0123abcd.css/", "/.careerguide-manifest/", "/404.html/", "/skills/go/index.html/", "/fine/"}
	for i := range a.Aliases {
		a.Pos.Aliases = append(a.Pos.Aliases, model.Pos{Line: 10 + i, Col: 3})
	}
	page := &model.Page{Source: "content/docs.md", Path: "docs/", Title: "Docs"}
	s, ds := Build(model.Config{Currency: "USD"}, []*model.Career{a}, []*model.Page{page}, []string{"favicon.svg", "assets/style.css", "docs", "robots.txt"})
	want := []string{
		"content/careers/a.md:10:3: aliases: /sitemap.xml/ cannot be published: /sitemap.xml is a file careerguide generates, so it cannot also be a folder; an alias must be an old URL that no page or file uses",
		"content/careers/a.md:11:3: aliases: /feed.xml/ cannot be published: /feed.xml is a file careerguide generates, so it cannot also be a folder; an alias must be an old URL that no page or file uses",
		"content/careers/a.md:12:3: aliases: /robots.txt/ cannot be published: /robots.txt is a file careerguide generates, so it cannot also be a folder; an alias must be an old URL that no page or file uses",
		"content/careers/a.md:13:3: aliases: /favicon.svg/ cannot be published: /favicon.svg is the static file static/favicon.svg, so it cannot also be a folder; an alias must be an old URL that no page or file uses",
		"content/careers/a.md:14:3: aliases: /api/careers.json/ cannot be published: /api/careers.json is a file careerguide generates, so it cannot also be a folder; an alias must be an old URL that no page or file uses",
		"content/careers/a.md:15:3: aliases: /api/careers.json/x/ cannot be published: /api/careers.json is a file careerguide generates, so it cannot also be a folder; an alias must be an old URL that no page or file uses",
		"content/careers/a.md:16:3: aliases: /assets/style.0123abcd.css/ cannot be published: /assets/style.0123abcd.css is the static file static/assets/style.css, so it cannot also be a folder; an alias must be an old URL that no page or file uses",
		"content/careers/a.md:17:3: aliases: /.careerguide-manifest/ cannot be published: careerguide keeps its own files under names starting .careerguide; an alias must be an old URL that no page or file uses",
		"content/careers/a.md:18:3: aliases: /404.html/ cannot be published: /404.html is a file careerguide generates, so it cannot also be a folder; an alias must be an old URL that no page or file uses",
		"content/careers/a.md:19:3: aliases: /skills/go/index.html/ cannot be published: /skills/go/index.html is the page of the skill Go, so it cannot also be a folder; an alias must be an old URL that no page or file uses",
		"content/docs.md:1:1: this page cannot be published at /docs/: /docs is the static file static/docs, so it cannot also be a folder; rename the file",
		"static/robots.txt: cannot be published: /robots.txt is already a file careerguide generates; rename it",
	}
	if got := strings.TrimSuffix(ds.String(), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if !s.Exists("fine/") {
		t.Error("the good alias is lost")
	}
}

// TestLongSpellingLists checks that a skill spelled in many ways, by many
// careers, gets messages of a bounded length.
func TestLongSpellingLists(t *testing.T) {
	var cs []*model.Career
	for i := 0; i < 400; i++ {
		name := "go"
		if i%2 == 1 {
			name = strings.Repeat(" ", i%7) + "GO" + strings.Repeat(" ", i%5)
		}
		cs = append(cs, career(fmt.Sprintf("c%03d", i), fmt.Sprintf("C %03d", i), name))
	}
	_, ds := build(t, cs)
	lines := strings.Split(strings.TrimSpace(ds), "\n")
	if len(lines) != 200 {
		t.Fatalf("%d diagnostics", len(lines))
	}
	want := `content/careers/c001.md:1:1: warning: skills: " GO " is written in 36 ways: "go" (content/careers/c000.md, content/careers/c002.md, content/careers/c004.md and 197 more), `
	if !strings.HasPrefix(lines[0], want) || len(lines[0]) > 700 {
		t.Errorf("got %s", lines[0])
	}
}

// TestCancel stops an index of many careers at once.
func TestCancel(t *testing.T) {
	cs := sites(2000)["one of their own"]
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := BuildContext(ctx, model.Config{Currency: "USD"}, cs, nil, nil); err != context.Canceled {
		t.Errorf("err = %v", err)
	}
}

// TestParentIsDir: parent is path.Dir for the clean paths layout gives it.
func TestParentIsDir(t *testing.T) {
	for _, p := range []string{"a", "a/b", "careers/x/index.html", "/a", "/a/b", "/", "api/careers/x.json"} {
		if got, want := parent(p), path.Dir(p); got != want {
			t.Errorf("parent(%q) = %q, want %q", p, got, want)
		}
	}
}
