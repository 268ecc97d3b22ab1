package index

import (
	"sort"
	"strconv"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/slug"
)

// PageDir is the folder below a list's URL that holds its later pages:
// careers/page/2/.
const PageDir = "page"

// PageURL returns the URL path of page i (from 1) of the list whose first
// page is at base: base itself, then base + "page/2/" and so on.
func PageURL(base string, i int) string {
	if i <= 1 {
		return base
	}
	return base + PageDir + "/" + strconv.Itoa(i) + "/"
}

// indexCategories groups the careers by category. Names that differ only
// in case, accents or punctuation are one category, shown with the
// spelling most careers use; the others are warned about, as skills are.
func (s *Site) indexCategories(ds *diag.List) {
	bySlug := map[string]*Category{}
	s.category = bySlug
	spellings := map[string]map[string]int{}
	slugOf := map[string]string{} // categories repeat across careers: slug each once
	for _, c := range s.Careers {
		k, ok := slugOf[c.Category]
		if !ok {
			k = slug.Make(c.Category)
			slugOf[c.Category] = k
		}
		if k == "" {
			at := c.At("category")
			ds.Errorf(c.Source, at.Line, at.Col, "category", "%q gives no usable URL; use letters or digits in the name", c.Category)
			continue
		}
		cat := bySlug[k]
		if cat == nil {
			cat = &Category{Slug: k, URL: "categories/" + k + "/"}
			bySlug[k] = cat
			spellings[k] = map[string]int{}
			s.Categories = append(s.Categories, cat)
		}
		cat.Careers = append(cat.Careers, c)
		c.cat = k
		spellings[k][c.Category]++
	}
	for _, cat := range s.Categories {
		sp := spellings[cat.Slug]
		for name, n := range sp {
			if cat.Name == "" || n > sp[cat.Name] || n == sp[cat.Name] && name < cat.Name {
				cat.Name = name
			}
		}
		if len(sp) > 1 {
			for _, c := range cat.Careers {
				if c.Category != cat.Name {
					at := c.At("category")
					ds.Warnf(c.Source, at.Line, at.Col, "category", "%q is written in %d ways; it is shown as %q, so write it that way everywhere", c.Category, len(sp), cat.Name)
				}
			}
		}
	}
	sort.Slice(s.Categories, func(i, j int) bool { return s.Categories[i].Name < s.Categories[j].Name })
	for _, cat := range s.Categories {
		cat.countSkills()
	}
}

// CategoryOf returns the category of a career.
func (s *Site) CategoryOf(c *Career) *Category { return s.category[c.cat] }

// CategoryBySlug returns the category with the slug.
func (s *Site) CategoryBySlug(k string) *Category { return s.category[k] }

// indexLists publishes the paths of the lists' later pages and of the
// category pages.
func (s *Site) indexLists() {
	add := func(base string) {
		s.paths[base] = true
		for i := 2; i <= s.ListPages(base); i++ {
			s.paths[PageURL(base, i)] = true
		}
	}
	add("careers/")
	add("salaries/")
	for _, p := range SearchPaths(len(s.Careers)) {
		s.paths[p] = true
	}
	for _, cat := range s.Categories {
		add(cat.URL)
	}
}
