package build_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/gen"
)

// TestNewCareerRendersItsPages: a career added to a guide of 1,000
// careers, 200 to a list page, renders again the list pages it is on and
// each list's first page, which counts the careers, not every page after
// its place; and removing it, the same. The output equals a clean
// build's (the randomized rebuild test checks that for every kind of
// edit).
func TestNewCareerRendersItsPages(t *testing.T) {
	if !*long {
		t.Skip("builds 1,000 careers three times: run with -long, as .ci/run does")
	}
	src := t.TempDir()
	if err := gen.Write(src, 1000, 7); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(src, "site.yaml"), []byte("title: Guide\npaginate: 200\n"), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	s := build.NewSession(build.Options{Source: src, Out: out, Theme: careerguide.Theme, Again: true})
	if res, err := s.Build(context.Background(), nil); err != nil {
		t.Fatalf("%v\n%s", err, res.Diags)
	}
	files, _ := filepath.Glob(filepath.Join(src, "content", "careers", "*.md"))
	data, err := os.ReadFile(files[len(files)/3])
	if err != nil {
		t.Fatal(err)
	}
	title := regexp.MustCompile(`(?m)^title: .*$`)
	added := filepath.Join("content", "careers", "added-career.md")
	listPage := regexp.MustCompile(`^(careers|salaries|categories/[^/]+)/(page/\d+/)?index\.html$`)
	for _, step := range []struct {
		name string
		do   func() error
	}{
		{"added", func() error {
			return os.WriteFile(filepath.Join(src, added), title.ReplaceAll(data, []byte("title: Midway Added Career")), 0o644)
		}},
		{"removed", func() error { return os.Remove(filepath.Join(src, added)) }},
	} {
		if err := step.do(); err != nil {
			t.Fatal(err)
		}
		res, err := s.Build(context.Background(), []string{filepath.ToSlash(added)})
		if err != nil {
			t.Fatalf("%s: %v\n%s", step.name, err, res.Diags)
		}
		lists := map[string][]string{}
		for _, p := range res.RenderedPaths {
			if m := listPage.FindStringSubmatch(p); m != nil {
				lists[m[1]] = append(lists[m[1]], p)
			}
		}
		for _, list := range []string{"careers", "salaries"} {
			// The first page, the page the career is on, and now and
			// then the next, when its cut moved.
			if n := len(lists[list]); n < 2 || n > 3 {
				t.Errorf("%s: %d pages of %s rendered, want 2 or 3: %s", step.name, n, list, strings.Join(lists[list], " "))
			}
		}
		if step.name == "added" {
			sameAsClean(t, src, out, step.name)
		}
	}
}

// sameAsClean checks that out holds what a clean build of src writes.
func sameAsClean(t *testing.T, src, out, step string) {
	t.Helper()
	clean := filepath.Join(t.TempDir(), "clean")
	if res, err := build.Run(context.Background(), build.Options{Source: src, Out: clean, Theme: careerguide.Theme}); err != nil {
		t.Fatalf("%v\n%s", err, res.Diags)
	}
	want, got := files(t, clean), files(t, out)
	if len(want) != len(got) {
		t.Fatalf("%s: %d files, a clean build writes %d", step, len(got), len(want))
	}
	for p, w := range want {
		if !bytes.Equal(got[p], w) {
			t.Fatalf("%s: %s differs from a clean build", step, p)
		}
	}
}
