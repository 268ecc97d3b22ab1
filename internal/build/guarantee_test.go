package build_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/index"
)

// TestTwoBuildsIntoOneFolder starts two builds of different sites into
// one output folder at the same time. They take turns: each build's
// output is whole, the folder ends up as exactly one of the two sites,
// and nothing of either build's staging is left.
func TestTwoBuildsIntoOneFolder(t *testing.T) {
	a, b := site(t, 12, false), site(t, 12, true)
	out := filepath.Join(t.TempDir(), "out")
	state := t.TempDir()
	for round := 0; round < 3; round++ {
		var wg sync.WaitGroup
		var waited sync.Map
		errs := make([]error, 2)
		for i, src := range []string{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = build.Run(context.Background(), build.Options{Source: src, Out: out, Theme: careerguide.Theme, Force: true, BaseURL: "http://127.0.0.1:9/",
					State: filepath.Join(state, string(rune('a'+i))), Waiting: func(pid int) { waited.Store(i, pid) }})
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		waited.Range(func(_, pid any) bool {
			if pid.(int) != os.Getpid() {
				t.Errorf("the waiting build was told of process %d, not %d", pid, os.Getpid())
			}
			return true
		})
		got := files(t, out)
		wantA, _ := clean(t, a, false)
		wantB, _ := clean(t, b, false)
		if !sameFiles(got, wantA) && !sameFiles(got, wantB) {
			t.Fatalf("round %d: the folder is neither site's clean build", round)
		}
		entries, _ := os.ReadDir(filepath.Dir(out))
		for _, e := range entries {
			if e.Name() != "out" {
				t.Errorf("left beside the output folder: %s", e.Name())
			}
		}
	}
}

// sameFiles reports whether a folder's files are want's, with links made
// from another base URL (clean uses http://127.0.0.1:9/) set aside.
func sameFiles(got, want map[string][]byte) bool {
	if len(got) != len(want) {
		return false
	}
	for p, w := range want {
		g, ok := got[p]
		if !ok {
			return false
		}
		if !bytes.Equal(g, w) && !bytes.Equal(g, bytes.ReplaceAll(w, []byte("http://127.0.0.1:9/"), []byte("/"))) {
			return false
		}
	}
	return true
}

// TestFileSavedDuringBuild saves a career, with a frontmatter 200 bytes
// longer and a new body, after the build parsed it and before it renders
// it. The build must not render a mix of the two versions: it reads the
// file again and builds the new one, and later builds agree.
func TestFileSavedDuringBuild(t *testing.T) {
	for _, kind := range []string{"oneoff", "serve"} {
		t.Run(kind, func(t *testing.T) {
			src := site(t, 10, false)
			file := filepath.Join(src, "content/careers", firstCareer(t, src)+".md")
			data, _ := os.ReadFile(file)
			edited := bytes.Replace(data, []byte("\nsummary: "), []byte("\nsummary: "+strings.Repeat("Longer. ", 25)), 1)
			edited = append(edited, "\nA paragraph saved during the build.\n"...)
			opts := build.Options{Source: src, Out: filepath.Join(t.TempDir(), "out"), Theme: careerguide.Theme, BaseURL: "http://127.0.0.1:9/", State: t.TempDir()}
			if kind == "serve" {
				os.MkdirAll(opts.Out, 0o755)
				opts.Private, opts.LiveReload = true, true
			}
			s := build.NewSession(opts)
			if _, err := s.Build(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(file, append(data, "\nFirst edit.\n"...), 0o644)
			saved := false
			s.AfterParse(func() {
				if !saved {
					saved = true
					os.WriteFile(file, edited, 0o644)
				}
			})
			rel := "content/careers/" + filepath.Base(file)
			res, err := s.Build(context.Background(), []string{rel})
			if err != nil {
				t.Fatalf("%v\n%s", err, res.Diags)
			}
			want, _ := clean(t, src, opts.LiveReload)
			if got := files(t, opts.Out); !sameFiles(got, want) {
				t.Fatal("the build that saw the file change mid-way differs from a clean build of the new file")
			}
			if _, err := s.Build(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			if got := files(t, opts.Out); !sameFiles(got, want) {
				t.Fatal("the next build differs from a clean build")
			}
		})
	}
}

// TestRenderCounts checks that each kind of edit renders again exactly
// the pages that show what it changed, as Hugo's rebuild tests count
// renders: rebuilds must be minimal as well as right.
func TestRenderCounts(t *testing.T) {
	src := site(t, 24, false)
	out := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(out, 0o755)
	s := build.NewSession(build.Options{Source: src, Out: out, Private: true, Theme: careerguide.Theme, BaseURL: "https://example.org/"})
	res, err := s.Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	slug := firstCareer(t, src)
	rel := "content/careers/" + slug + ".md"
	file := filepath.Join(src, rel)
	orig, _ := os.ReadFile(file)
	page := "careers/" + slug + "/index.html"
	// Careers whose related cards show the edited one.
	var relatedPages []string
	for _, c := range res.Site.Careers {
		for _, r := range c.Related {
			if r.Slug == slug {
				relatedPages = append(relatedPages, c.URL+"index.html")
			}
		}
	}
	var skillPages []string
	for _, sk := range res.Site.CareerBySlug(slug).Skills {
		skillPages = append(skillPages, sk.URL+"index.html")
	}
	// The page of a list (5 careers a page) that shows the career.
	pageOf := func(base string, list []*index.Career) string {
		for i, c := range list {
			if c.Slug == slug {
				return index.PageURL(base, i/5+1) + "index.html"
			}
		}
		t.Fatalf("%s is not in %s", slug, base)
		return ""
	}
	var edited *build.Result
	edit := func(from, to string) []string {
		t.Helper()
		data := bytes.Replace(orig, []byte(from), []byte(to), 1)
		if bytes.Equal(data, orig) && from != "" {
			t.Fatalf("%q is not in the file", from)
		}
		os.WriteFile(file, data, 0o644)
		res, err := s.Build(context.Background(), []string{rel})
		if err != nil {
			t.Fatal(err)
		}
		edited = res
		os.WriteFile(file, orig, 0o644)
		if _, err := s.Build(context.Background(), []string{rel}); err != nil {
			t.Fatal(err)
		}
		return res.RenderedPaths
	}
	category := pageOf(res.Site.CategoryOf(res.Site.CareerBySlug(slug)).URL, res.Site.CategoryOf(res.Site.CareerBySlug(slug)).Careers)
	az := pageOf("careers/", res.Site.Careers)
	// The career's own record, and the search record file that holds it
	// (by its search id).
	record := index.CareerAPI(slug)
	var slugs []string
	for _, c := range res.Site.Careers {
		slugs = append(slugs, c.Slug)
	}
	id := index.SearchIDs(slugs)[slices.Index(slugs, slug)]
	chunk := fmt.Sprintf("%sc%d.json", index.SearchDir, index.SearchFile(id, len(slugs)))
	sorted := func(lists ...[]string) []string {
		out := slices.Concat(lists...)
		slices.Sort(out)
		return slices.Compact(out)
	}
	body := strings.SplitN(string(orig), "\n## ", 2)[1][:20]
	summary := strings.SplitN(strings.SplitN(string(orig), "summary: ", 2)[1], "\n", 2)[0]
	for _, tc := range []struct {
		what     string
		from, to string
		want     []string
	}{
		{"nothing", "", "", nil},
		{"body", body, body + " and more", []string{page}},
		{"summary", "summary: " + summary, "summary: A new summary.", sorted([]string{page, "api/careers.json", record})},
		// The skills index shows each skill's number of careers, read as
		// that number (Skill.Count), not as the list, which is in pay
		// order: a salary edit leaves it. The home page shows the best
		// paid. The career's pay, before and after, sets the top of
		// neither the pay list's axis nor its category's, so no other
		// page of those lists is drawn again. The sources page reads who
		// each career's figures come from, not the figures: a range that
		// is not an estimate is not on it.
		{"salary", maxLine.FindString(string(orig)), fmt.Sprintf("  max: %d", atoi(minLine.FindStringSubmatch(string(orig))[1])+1000), sorted([]string{page, "careers/" + slug + "/card.png", "index.html", az, category, "api/careers.json", "api/skills.json", record, chunk}, skillPages, relatedPages)},
	} {
		got := edit(tc.from, tc.to)
		if tc.what == "summary" && slices.Contains(got, "feed.xml") {
			tc.want = sorted(tc.want, []string{"feed.xml"}) // the career is among the feed's latest
		}
		if tc.what == "salary" {
			// The salary pages from the career's old place to its new one.
			place := func(list []*index.Career) int {
				return slices.IndexFunc(list, func(c *index.Career) bool { return c.Slug == slug })/5 + 1
			}
			from, to := place(res.Site.BySalary), place(edited.Site.BySalary)
			for i := min(from, to); i <= max(from, to); i++ {
				tc.want = sorted(tc.want, []string{index.PageURL("salaries/", i) + "index.html"})
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s edit rendered %d files:\n  %v\nwant %d:\n  %v", tc.what, len(got), got, len(tc.want), tc.want)
		}
	}
	// A title that moves the career in the A–Z order changes where the
	// lists hold it, not which careers there are: the sitemap, sorted by
	// URL, is not made again, nor the skills index, which shows how many
	// careers each skill has.
	if got := edit("title: ", "title: Zzz "); !slices.Contains(got, az) || slices.Contains(got, "sitemap.xml") || slices.Contains(got, "skills/index.html") {
		t.Errorf("a title that moves rendered %v: want the A–Z list's page and neither the sitemap nor the skills index", got)
	}
	// A new top of pay moves the axis of each list that holds the career:
	// every page of the salaries and of its category, and its skills'
	// pages are drawn again; no other skill's or category's page is.
	got := edit(maxLine.FindString(string(orig)), "  max: 900000")
	cat := res.Site.CategoryOf(res.Site.CareerBySlug(slug)).URL
	for _, base := range []string{"salaries/", cat} {
		for i := 1; i <= res.Site.ListPages(base); i++ {
			if p := index.PageURL(base, i) + "index.html"; !slices.Contains(got, p) {
				t.Errorf("a new top of pay left %s, which charts the career on the moved axis", p)
			}
		}
	}
	for _, p := range skillPages {
		if !slices.Contains(got, p) {
			t.Errorf("a new top of pay left %s, which charts the career", p)
		}
	}
	for _, p := range got {
		other := strings.HasPrefix(p, "categories/") && p != "categories/index.html" && !strings.HasPrefix(p, cat) ||
			strings.HasPrefix(p, "skills/") && p != "skills/index.html" && !slices.Contains(skillPages, p)
		if other {
			t.Errorf("a new top of pay rendered %s, whose chart does not hold the career", p)
		}
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// TestEditDuringFailedBuild: one career is edited while another is
// broken, so the build fails; once the broken file is fixed, the next
// build shows both changes, as a clean build does.
func TestEditDuringFailedBuild(t *testing.T) {
	src := site(t, 10, false)
	out := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(out, 0o755)
	s := build.NewSession(build.Options{Source: src, Out: out, Private: true, LiveReload: true, Theme: careerguide.Theme, BaseURL: "http://127.0.0.1:9/"})
	if _, err := s.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	m, _ := filepath.Glob(filepath.Join(src, "content/careers/*.md"))
	slices.Sort(m)
	a, b := m[0], m[1]
	ra, rb := "content/careers/"+filepath.Base(a), "content/careers/"+filepath.Base(b)
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	os.WriteFile(a, maxLine.ReplaceAll(da, []byte("  max: 987000")), 0o644)
	os.WriteFile(b, bytes.Replace(db, []byte("\ndemand: "), []byte("\ndemand: Very Hgh\nx: "), 1), 0o644)
	if _, err := s.Build(context.Background(), []string{ra, rb}); err == nil {
		t.Fatal("a broken file built")
	}
	os.WriteFile(b, db, 0o644)
	if res, err := s.Build(context.Background(), []string{rb}); err != nil {
		t.Fatalf("%v\n%s", err, res.Diags)
	}
	want, _ := clean(t, src, true)
	if got := files(t, out); !sameFiles(got, want) {
		t.Fatal("after the fix, the output differs from a clean build")
	}
}

// TestStateThroughALinkedFolder: an output folder reached through a
// symbolic link, made by the first build, keeps that build's record for
// the next: a career deleted in between has its files removed, and no
// file is left for want of a record.
func TestStateThroughALinkedFolder(t *testing.T) {
	src := site(t, 12, false)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(t.TempDir(), link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	o := build.Options{Source: src, Out: filepath.Join(link, "public"), State: t.TempDir(), Theme: careerguide.Theme, BaseURL: "http://127.0.0.1:9/"}
	if _, err := build.Run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	careers, _ := filepath.Glob(filepath.Join(src, "content", "careers", "*.md"))
	slices.Sort(careers)
	if err := os.Remove(careers[len(careers)-1]); err != nil {
		t.Fatal(err)
	}
	res, err := build.Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diags {
		if strings.Contains(d.String(), "no record") {
			t.Errorf("second build: %s", d)
		}
	}
	if want, _ := clean(t, src, false); !sameFiles(files(t, o.Out), want) {
		t.Error("the folder is not the clean build of the site without the career")
	}
}
