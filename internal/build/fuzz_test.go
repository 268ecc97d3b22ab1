package build_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
)

// FuzzSinglePage runs the whole pipeline on a site of one arbitrary
// career file: the build either fails with content errors and writes
// nothing, or writes a site whose career page carries no script but the
// theme's own.
func FuzzSinglePage(f *testing.F) {
	for _, name := range []string{"backend-engineering.md", "data-engineering.md", "it-support.md"} {
		data, err := os.ReadFile(filepath.Join("testdata/site/content/careers", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("---\ntitle: <script>alert(1)</script>\nsummary: \"</script><script>alert(2)</script>\"\ncategory: x\nsalary: $1-$2\ndemand: low\nai_impact: low\nskills: [\"<img src=x onerror=alert(3)>\"]\n---\n[x](javascript:alert(4)) <script>alert(5)</script>\n"))
	f.Fuzz(func(t *testing.T, page []byte) {
		src := t.TempDir()
		dir := filepath.Join(src, "content", "careers")
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "x.md"), page, 0o644)
		out := filepath.Join(src, "public")
		res, err := build.Run(context.Background(), build.Options{Source: src, Out: out, Theme: careerguide.Theme, NoMinify: true})
		if err != nil {
			if _, serr := os.Stat(out); serr == nil {
				t.Fatalf("failed build wrote %s: %v", out, err)
			}
			return
		}
		for _, c := range res.Site.Careers {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(c.URL), "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			checkScripts(t, c.URL, string(data))
		}
	})
}

// checkScripts fails when an HTML page has script the theme did not put
// there: an on* attribute, a javascript: URL, or a script element other
// than the theme's.
func checkScripts(t *testing.T, name, html string) {
	t.Helper()
	for _, p := range scriptProblems(html) {
		t.Errorf("%s: %s", name, p)
	}
}

// scriptProblems parses an HTML page and lists every way script could
// run in it that the theme did not put there: script elements other than
// the theme's (its inline theme switch, its own files, JSON-LD data),
// on* attributes, and javascript:, vbscript: or data: URLs in links.
func scriptProblems(page string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		attrs := map[string]string{}
		for _, a := range tok.Attr {
			attrs[strings.ToLower(a.Key)] = a.Val
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				out = append(out, "event handler attribute "+a.Key+"="+a.Val)
			}
			switch strings.ToLower(a.Key) {
			case "href", "src", "action", "formaction", "xlink:href":
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:") {
					out = append(out, "script URL "+a.Key+"="+a.Val)
				}
			}
		}
		switch tok.Data {
		case "script":
			z.Next()
			text := string(z.Text())
			switch {
			case attrs["type"] == "application/ld+json":
				if strings.Contains(strings.ToLower(text), "</script") {
					out = append(out, "JSON-LD closes its script element")
				}
			case attrs["src"] != "":
				if !strings.Contains(attrs["src"], "/assets/app.") && !strings.Contains(attrs["src"], "/assets/lists.") &&
					!strings.Contains(attrs["src"], "/assets/compare.") && !strings.HasSuffix(attrs["src"], "/__livereload.js") {
					out = append(out, "foreign script file "+attrs["src"])
				}
			case !strings.HasPrefix(text, "try{var t=localStorage.getItem(\"cg-theme\")"):
				out = append(out, "foreign inline script "+text)
			}
		case "iframe", "object", "embed", "base", "form":
			if tok.Data != "form" || !slices.Contains([]string{"search", "filters", "compare-select", "compare-pick"}, attrs["class"]) {
				out = append(out, "foreign element <"+tok.Data+">")
			}
		case "meta":
			if strings.EqualFold(attrs["http-equiv"], "refresh") && strings.Contains(strings.ToLower(attrs["content"]), "javascript:") {
				out = append(out, "refresh to script")
			}
		}
	}
}
