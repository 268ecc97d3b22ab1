package build_test

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/gen"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// run builds source into a new folder and returns the folder.
func run(t *testing.T, o build.Options) string {
	t.Helper()
	if o.Out == "" {
		o.Out = t.TempDir()
	}
	if o.State == "" {
		o.State = stateDir(t) // never in a source folder of the repository
	}
	o.Theme = careerguide.Theme
	res, err := build.Run(context.Background(), o)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags)
	}
	return o.Out
}

var stateDirs sync.Map // *testing.T → its state folder

// stateDir is the test's build state folder, one for all its builds, so
// that two builds into one folder in a test see each other's record.
func stateDir(t *testing.T) string {
	if d, ok := stateDirs.Load(t); ok {
		return d.(string)
	}
	d := t.TempDir()
	stateDirs.Store(t, d)
	t.Cleanup(func() { stateDirs.Delete(t) })
	return d
}

// files reads every file below dir except careerguide's own.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".careerguide") {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGolden compares the unminified output of the fixture site with
// testdata/golden. Run `go test ./internal/build -update` after an
// intended change to the theme or the renderer, and review the diff.
func TestGolden(t *testing.T) {
	out := run(t, build.Options{Source: "testdata/site", NoMinify: true})
	got := files(t, out)
	golden := "testdata/golden"
	if *update {
		os.RemoveAll(golden)
		for p, data := range got {
			if strings.HasPrefix(p, "assets/") || p == "favicon.svg" {
				continue // the theme's own files, checked by their hashed names
			}
			f := filepath.Join(golden, filepath.FromSlash(p))
			os.MkdirAll(filepath.Dir(f), 0o755)
			if err := os.WriteFile(f, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := files(t, golden)
	for p, data := range want {
		if !bytes.Equal(got[p], data) {
			t.Errorf("%s differs from the golden file; run go test ./internal/build -update and review the diff\n%s", p, firstDiff(got[p], data))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok && !strings.HasPrefix(p, "assets/") && p != "favicon.svg" {
			t.Errorf("%s is new: run go test ./internal/build -update", p)
		}
	}
}

func firstDiff(got, want []byte) string {
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + g + "\nwant: " + w
		}
	}
	return ""
}

var linkRE = regexp.MustCompile(`(?:href|src|action)="([^"]*)"|url=([^"]*)"`)

// checkLinks asserts that every internal link of every HTML file below
// out starts with base (a URL path such as /guide/, or an absolute URL)
// and leads to a file that exists. It returns how many links it checked.
func checkLinks(t *testing.T, out, base string) int {
	t.Helper()
	bu, _ := url.Parse(base)
	n := 0
	for p, data := range files(t, out) {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range linkRE.FindAllStringSubmatch(string(data), -1) {
			link := m[1] + m[2]
			link = strings.ReplaceAll(link, "&amp;", "&")
			u, err := url.Parse(link)
			if err != nil {
				t.Errorf("%s: bad link %q", p, link)
				continue
			}
			if u.Scheme == "" && u.Path == "" {
				continue // "#id" or "?q"
			}
			if u.Scheme == "" && u.Host == "" && !strings.HasPrefix(u.Path, "/") {
				// A relative link, such as an image beside a career's
				// Markdown: from the page's own URL.
				page := &url.URL{Scheme: bu.Scheme, Host: bu.Host, Path: bu.Path + p}
				u = page.ResolveReference(u)
			}
			if u.Host != "" && u.Host != bu.Host {
				continue // another site
			}
			if !strings.HasPrefix(u.Path, bu.Path) {
				t.Errorf("%s: link %q is outside the base path %s", p, link, bu.Path)
				continue
			}
			rel := strings.TrimPrefix(u.Path, bu.Path)
			if rel == "" || strings.HasSuffix(rel, "/") {
				rel += "index.html"
			}
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(path.Clean(rel)))); err != nil {
				t.Errorf("%s: link %q leads to nothing", p, link)
			}
			n++
		}
	}
	return n
}

func TestBaseURLSubpath(t *testing.T) {
	for _, base := range []string{"https://example.org/guide/", "/sub/path/"} {
		out := run(t, build.Options{Source: "testdata/site", BaseURL: base})
		if n := checkLinks(t, out, base); n < 100 {
			t.Errorf("only %d links checked", n)
		}
		all := files(t, out)
		// every page type carries the base path
		for _, p := range []string{"index.html", "careers/index.html", "careers/backend-engineering/index.html", "skills/index.html",
			"skills/sql/index.html", "salaries/index.html", "about/index.html", "404.html", "backend/index.html"} {
			u, _ := url.Parse(base)
			if !bytes.Contains(all[p], []byte(`href="`+u.Path)) && !bytes.Contains(all[p], []byte(`href="`+base)) {
				t.Errorf("%s has no link under %s", p, base)
			}
		}
		if strings.HasPrefix(base, "https") {
			for _, p := range []string{"sitemap.xml", "feed.xml", "robots.txt"} {
				if !bytes.Contains(all[p], []byte("https://example.org/guide/")) {
					t.Errorf("%s lacks absolute URLs", p)
				}
			}
			if !bytes.Contains(all["careers/backend-engineering/index.html"], []byte(`<link rel="canonical" href="https://example.org/guide/careers/backend-engineering/">`)) {
				t.Error("canonical URL missing")
			}
		}
	}
}

// TestSyntheticLinks builds a few hundred generated careers and checks
// that every internal link in the output resolves.
func TestSyntheticLinks(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 60
	}
	src := t.TempDir()
	if err := gen.Write(src, n, 7); err != nil {
		t.Fatal(err)
	}
	out := run(t, build.Options{Source: src, Out: filepath.Join(src, "public"), Strict: true})
	links := checkLinks(t, out, "/")
	if links < n*20 {
		t.Errorf("only %d links checked", links)
	}
	t.Logf("%d careers: %d internal links checked, every one resolves", n, links)
}

func TestDraftsAndRawHTML(t *testing.T) {
	out := run(t, build.Options{Source: "testdata/site"})
	all := files(t, out)
	if _, ok := all["careers/draft-role/index.html"]; ok {
		t.Error("draft published without --drafts")
	}
	if bytes.Contains(all["careers/backend-engineering/index.html"], []byte("alert(1)")) {
		t.Error("raw HTML rendered although unsafe_html is off")
	}
	out = run(t, build.Options{Source: "testdata/site", Drafts: true})
	if _, err := os.Stat(filepath.Join(out, "careers/draft-role/index.html")); err != nil {
		t.Error("draft missing with --drafts")
	}
}
