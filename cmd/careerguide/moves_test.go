package main

import (
	"context"
	"maps"
	"testing"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/model"
)

// TestMoves: serve tells a browser where a page went when its file was
// renamed (a new slug) or replaced by a file of the same title, and
// nothing moved after an edit that keeps every URL.
func TestMoves(t *testing.T) {
	site := func(cs ...[3]string) *index.Site { // source, slug, title
		var careers []*model.Career
		for _, c := range cs {
			careers = append(careers, &model.Career{Source: c[0], Slug: c[1], Title: c[2], Category: "Data",
				Salary: model.Salary{Min: 1, Max: 2, Currency: "USD", Period: "year"}})
		}
		s, _, err := index.Rebuild(context.Background(), nil, model.Config{Currency: "USD", Paginate: 100}, careers, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	a, b := [3]string{"content/careers/a.md", "a", "Alpha"}, [3]string{"content/careers/b.md", "b", "Beta"}
	before := site(a, b)
	for _, tc := range []struct {
		name  string
		after *index.Site
		want  map[string]string
	}{
		{"retitled", site([3]string{a[0], a[1], "Alpha 2"}, b), nil},
		{"new slug", site([3]string{a[0], "alpha", a[2]}, b), map[string]string{"careers/a/": "careers/alpha/"}},
		{"file renamed", site([3]string{"content/careers/alpha.md", "alpha", a[2]}, b), map[string]string{"careers/a/": "careers/alpha/"}},
		{"removed", site(b), map[string]string{}},
	} {
		if got := moves(before, tc.after); !maps.Equal(got, tc.want) {
			t.Errorf("%s: moves %v, want %v", tc.name, got, tc.want)
		}
	}
	// Two careers of one title (a warning, not an error), both replaced
	// by one in a new file: each old URL goes to it.
	twins := site([3]string{"content/careers/x.md", "x", "Same"}, [3]string{"content/careers/y.md", "y", "Same"})
	want := map[string]string{"careers/x/": "careers/c/", "careers/y/": "careers/c/"}
	if got := moves(twins, site([3]string{"content/careers/c.md", "c", "Same"})); !maps.Equal(got, want) {
		t.Errorf("two of one title replaced: moves %v, want %v", got, want)
	}
}
