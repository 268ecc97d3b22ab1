package index

import (
	"fmt"
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

// TestRelatedMatchesBruteForce checks the pair-index selection against
// counting every pair of careers, on a generated site.
func TestRelatedMatchesBruteForce(t *testing.T) {
	var cs []*model.Career
	pool := []string{"Go", "SQL", "Rust", "Python", "Java", "C", "Kotlin", "Swift", "Linux", "Security", "Testing", "APIs"}
	for i := 0; i < 300; i++ {
		var skills []string
		for j, sk := range pool {
			if (i*7+j*13)%5 == 0 || (i+j)%11 == 0 {
				skills = append(skills, sk)
			}
		}
		if len(skills) == 0 {
			skills = []string{pool[i%len(pool)]}
		}
		cs = append(cs, career(fmt.Sprintf("c%03d", i), fmt.Sprintf("Career %03d", (i*37)%300), skills...))
	}
	s, _ := build(t, cs)
	for _, c := range s.Careers {
		type cand struct {
			o *Career
			n int
		}
		var all []cand
		for _, o := range s.Careers {
			if o == c {
				continue
			}
			if n := len(shared(c, o, map[*Skill]bool{})); n > 0 {
				all = append(all, cand{o, n})
			}
		}
		sort.Slice(all, func(i, j int) bool {
			if all[i].n != all[j].n {
				return all[i].n > all[j].n
			}
			return all[i].o.rank < all[j].o.rank
		})
		var want, got []string
		for i := 0; i < len(all) && i < MaxRelated; i++ {
			want = append(want, all[i].o.Slug)
		}
		for _, r := range c.Related {
			got = append(got, r.Slug)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("%s: related %v, want %v", c.Slug, got, want)
		}
	}
}
