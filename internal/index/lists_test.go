package index

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/model"
)

func TestCategoriesByTheirSlug(t *testing.T) {
	a, b, c := career("a", "A", "Go"), career("b", "B", "Go"), career("c", "C", "Go")
	a.Category, b.Category, c.Category = "Data", "data", "Data"
	b.Pos.Category = model.Pos{Line: 4, Col: 11}
	s, ds := build(t, []*model.Career{a, b, c})
	if len(s.Categories) != 1 || s.Categories[0].Name != "Data" || len(s.Categories[0].Careers) != 3 {
		t.Fatalf("categories %+v", s.Categories)
	}
	want := `content/careers/b.md:4:11: warning: category: "data" is written in 2 ways; it is shown as "Data", so write it that way everywhere`
	if strings.TrimSpace(ds) != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", ds, want)
	}
	if s.CategoryOf(s.CareerBySlug("b")) != s.Categories[0] || !s.Exists("categories/data/") {
		t.Error("the category's page is not known")
	}
}

func TestListPages(t *testing.T) {
	var cs []*model.Career
	for _, slug := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		cs = append(cs, career(slug, strings.ToUpper(slug), "Go"))
	}
	s, _ := Build(model.Config{Currency: "USD", Paginate: 3}, cs, nil, nil)
	if n := s.ListPages("careers/"); n != 3 {
		t.Fatalf("%d pages, want 3", n)
	}
	for _, p := range []string{"careers/", "careers/page/2/", "careers/page/3/", "salaries/page/3/", "categories/eng/page/3/"} {
		if !s.Exists(p) {
			t.Errorf("%s is not published", p)
		}
	}
	if s.Exists("careers/page/4/") || s.Exists("careers/page/1/") {
		t.Error("a page past the end, or a second first page, is published")
	}
	if PageURL("careers/", 1) != "careers/" || PageURL("careers/", 2) != "careers/page/2/" {
		t.Error("PageURL")
	}
}

func TestPageIsNotACareerSlug(t *testing.T) {
	p := career("page", "Page", "Go")
	p.Pos.Slug = model.Pos{Line: 9, Col: 7}
	_, ds := build(t, []*model.Career{p})
	if !strings.Contains(ds, `content/careers/page.md:9:7: slug: "page" is where the careers list keeps its later pages (/careers/page/2/); give the career another slug`) {
		t.Errorf("diagnostics: %s", ds)
	}
}

// TestRebuildMatchesBuild: an index rebuilt from the last one reports
// what a fresh one does, positions included, and relates the same.
func TestRebuildMatchesBuild(t *testing.T) {
	mk := func(line int) []*model.Career {
		a := career("a", "Alpha", "Go", "SQL")
		a.Related = []string{"nobody"}
		a.Pos.Related = []model.Pos{{Line: line, Col: 11}}
		return []*model.Career{a, career("b", "Bravo", "Go"), career("c", "Charlie", "SQL", "Go")}
	}
	cfg := model.Config{Currency: "USD", Paginate: 2}
	prev, _, _ := Rebuild(context.Background(), nil, cfg, mk(9), nil, nil, nil)
	for _, line := range []int{9, 9, 10} { // reused, reused from a reused index, found again
		got, gotDs, _ := Rebuild(context.Background(), prev, cfg, mk(line), nil, nil, nil)
		want, wantDs, _ := Rebuild(context.Background(), nil, cfg, mk(line), nil, nil, nil)
		if gotDs.String() != wantDs.String() {
			t.Errorf("line %d: rebuilt index reports\n%s\nwant\n%s", line, gotDs, wantDs)
		}
		for i, c := range want.Careers {
			g := got.Careers[i]
			if len(g.Related) != len(c.Related) {
				t.Fatalf("%s: %d related, want %d", c.Slug, len(g.Related), len(c.Related))
			}
			for j, r := range c.Related {
				gr := g.Related[j]
				if gr.Slug != r.Slug || gr.Career != got.CareerBySlug(r.Slug) || len(gr.Shared) != len(r.Shared) {
					t.Errorf("%s: related %d is %s, want %s", c.Slug, j, gr.Slug, r.Slug)
				}
				for k, sk := range gr.Shared {
					if sk != got.SkillBySlug(r.Shared[k].Slug) {
						t.Errorf("%s: shared skill %d is not the new index's", c.Slug, k)
					}
				}
			}
		}
		prev = got
	}
}

func TestCategorySkills(t *testing.T) {
	a, b, c := career("a", "A", "Go", "SQL", "go"), career("b", "B", "SQL", "Rust"), career("c", "C", "Python")
	c.Category = "Other"
	s, _ := build(t, []*model.Career{a, b, c})
	cat := s.CategoryOf(s.CareerBySlug("a"))
	var got []string
	for _, sc := range cat.Skills {
		got = append(got, sc.Name+":"+itoa(sc.Careers))
	}
	if strings.Join(got, " ") != "SQL:2 Go:1 Rust:1" {
		t.Errorf("the category's skills are %v, want SQL:2 Go:1 Rust:1 (a skill written twice by a career counts once)", got)
	}
}

func TestSkillPages(t *testing.T) {
	doc := &model.Page{Source: "content/skills/go.md", Path: "skills/go/", Description: "A language."}
	twice := &model.Page{Source: "content/skills/Go.md", Path: "skills/go/"}
	none := &model.Page{Source: "content/skills/cobol.md", Path: "skills/cobol/"}
	s, ds := build(t, []*model.Career{career("a", "A", "Go")}, doc, twice, none)
	if sk := s.SkillBySlug("go"); sk.Doc == nil || sk.Doc.Source != "content/skills/Go.md" {
		t.Fatalf("the skill's page is %+v", sk.Doc)
	}
	if len(s.Pages) != 0 || s.Exists("skills/cobol/") {
		t.Error("a page about a skill is published on its own")
	}
	if u, ok := s.Content("content/skills/Go.md"); !ok || u != "skills/go/" {
		t.Errorf("links to the skill's page lead to %q", u)
	}
	for _, want := range []string{
		`content/skills/cobol.md: warning: no career lists the skill "cobol" (/skills/cobol/), so this page is not published`,
		`content/skills/go.md: content/skills/Go.md is already the page of the skill Go`,
	} {
		if !strings.Contains(ds, want) {
			t.Errorf("diagnostics:\n%s\nwant %s", ds, want)
		}
	}
}

// TestByLevel checks the counting sort of the top lists against a stable
// sort by comparison, levels out of range included.
func TestByLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 60 {
		cs := make([]*Career, n)
		for i := range cs {
			l := model.Level(rng.IntN(5))
			if n%7 == 3 && i == n/2 {
				l = 9 // out of range: sorted by comparison
			}
			cs[i] = &Career{Career: &model.Career{Slug: strconv.Itoa(i), Demand: l}}
		}
		level := func(c *Career) model.Level { return model.VeryHigh - c.Demand }
		want := slices.Clone(cs)
		slices.SortStableFunc(want, func(a, b *Career) int { return cmp.Compare(level(a), level(b)) })
		if got := byLevel(cs, level); !slices.Equal(got, want) {
			t.Fatalf("n=%d: order differs from a stable sort", n)
		}
	}
}

// TestRebuildSkillsMatchBuild: an index rebuilt from the last one, whose
// careers list the same skills (indexSkills takes them from it), names
// and orders the skills as a fresh one does and warns alike, whether or
// not the edit kept the skills, the A–Z order or the files.
func TestRebuildSkillsMatchBuild(t *testing.T) {
	mk := func(edit int) []*model.Career {
		a := career("a", "Alpha", "Go", "SQL", "Rust")
		b := career("b", "Bravo", "go", "Rust")
		c := career("c", "Charlie", "SQL", "GO", "Go")
		d := career("d", "Delta", "Rust", "sql")
		switch edit {
		case 1: // pay: the same skills
			b.Salary.Max = 9000
		case 2: // a title that keeps the A–Z order
			c.Title = "Charlie II"
		case 3: // a title that moves: "go" is then seen first
			b.Title = "Aardvark"
		case 4: // a spelling changes: "SQL" and "sql" tie
			c.Skills = []string{"sql", "GO", "Go"}
		case 5: // another file, the same slug
			d.Source = "content/careers/delta.md"
		case 6, 7, 8, 9, 10, 11, 12, 13: // every skill written one way
			a.Skills, b.Skills, c.Skills, d.Skills = []string{"Go", "SQL", "Rust"}, []string{"Go", "Rust"}, []string{"SQL", "Go"}, []string{"Rust", "SQL"}
			switch edit {
			case 7: // a title that moves
				d.Title = "Aardvark"
			case 8: // a new career listing skills there are
				return []*model.Career{a, b, c, d, career("e", "Echo", "Rust", "Go")}
			case 13: // a new career spelling a skill another way
				return []*model.Career{a, b, c, d, career("e", "Echo", "rust")}
			case 9: // a new career listing a new skill
				return []*model.Career{a, b, c, d, career("e", "Echo", "Rust", "Zig")}
			case 10: // a career removed
				return []*model.Career{a, c, d}
			case 12: // the last career listing a skill removed
				return []*model.Career{a, c, d}
			case 11: // b, the only career listing Zig
				b.Skills = []string{"Go", "Zig"}
			}
		}
		return []*model.Career{a, b, c, d}
	}
	cfg := model.Config{Currency: "USD", Paginate: 2}
	for _, edits := range [][]int{{0, 1, 2, 0}, {0, 3, 0}, {0, 4, 0}, {0, 5, 0}, {1, 1, 1}, {6, 7, 6, 7}, {6, 8, 6, 9, 6, 10, 8, 10, 7}, {11, 12, 11}, {6, 13, 6}} {
		prev, _, _ := Rebuild(context.Background(), nil, cfg, mk(edits[0]), nil, nil, nil)
		for _, e := range edits {
			got, gotDs, _ := Rebuild(context.Background(), prev, cfg, mk(e), nil, nil, nil)
			want, wantDs, _ := Rebuild(context.Background(), nil, cfg, mk(e), nil, nil, nil)
			if gotDs.String() != wantDs.String() {
				t.Errorf("edit %d: rebuilt index reports\n%s\nwant\n%s", e, gotDs, wantDs)
			}
			if len(got.Skills) != len(want.Skills) {
				t.Fatalf("edit %d: %d skills, want %d", e, len(got.Skills), len(want.Skills))
			}
			for i, sk := range want.Skills {
				g := got.Skills[i]
				if g.Name != sk.Name || g.Slug != sk.Slug || g.Max != sk.Max || got.SkillBySlug(sk.Slug) != g {
					t.Errorf("edit %d: skill %d is %q (%s, max %v), want %q (%s, max %v)", e, i, g.Name, g.Slug, g.Max, sk.Name, sk.Slug, sk.Max)
				}
				var gs, ws []string
				for _, c := range g.Careers {
					if got.CareerBySlug(c.Slug) != c {
						t.Errorf("edit %d: skill %s lists a career of another index", e, sk.Slug)
					}
					gs = append(gs, c.Slug)
				}
				for _, c := range sk.Careers {
					ws = append(ws, c.Slug)
				}
				if !slices.Equal(gs, ws) {
					t.Errorf("edit %d: skill %s lists %v, want %v", e, sk.Slug, gs, ws)
				}
			}
			for i, c := range want.Careers {
				g := got.Careers[i]
				for j, sk := range c.Skills {
					if g.Skills[j] != got.SkillBySlug(sk.Slug) || g.slugs[j] != c.slugs[j] {
						t.Errorf("edit %d: %s's skill %d is not %s", e, c.Slug, j, sk.Slug)
					}
				}
			}
			prev = got
		}
	}
}
