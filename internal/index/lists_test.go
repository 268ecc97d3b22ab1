package index

import (
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
