package index

import (
	"context"
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
	if n := s.ListPages(len(s.Careers)); n != 3 {
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
