package browsertest

import (
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// TestNuHTMLChecker runs the Nu HTML Checker over the whole output.
func TestNuHTMLChecker(t *testing.T) {
	vnu := env(t, "CAREERGUIDE_VNU")
	dir := env(t, "CAREERGUIDE_SITE_DIR")
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatalf("java is not installed: %v", err)
	}
	out, err := exec.Command(java, "-jar", vnu, "--errors-only", "--skip-non-html", dir).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("the Nu HTML Checker reports (%v):\n%s", err, out)
	}
}

var hrefRE = regexp.MustCompile(`(?:href|src)="([^"#]*)`)

// TestCrawl follows every link from the home page over nginx: it reaches
// every page in sitemap.xml and no link leads to an error.
func TestCrawl(t *testing.T) {
	base := env(t, "CAREERGUIDE_SITE_URL")
	bu, _ := url.Parse(base)
	seen := map[string]bool{base: true}
	queue := []string{base}
	pages := 0
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: HTTP %d", u, resp.StatusCode)
			continue
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		pages++
		for _, m := range hrefRE.FindAllStringSubmatch(string(body), -1) {
			ref, err := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
			if err != nil || m[1] == "" {
				continue
			}
			next := resp.Request.URL.ResolveReference(ref)
			next.Fragment, next.RawQuery = "", ""
			if next.Host != bu.Host || seen[next.String()] {
				continue
			}
			if !strings.HasPrefix(next.Path, bu.Path) {
				t.Errorf("%s links outside the base path: %s", u, next)
				continue
			}
			seen[next.String()] = true
			queue = append(queue, next.String())
		}
	}
	resp, err := http.Get(base + "sitemap.xml")
	if err != nil {
		t.Fatal(err)
	}
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.NewDecoder(resp.Body).Decode(&sm); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, u := range sm.URLs {
		if !seen[u.Loc] {
			t.Errorf("%s is in the sitemap but no link leads to it", u.Loc)
		}
	}
	t.Logf("crawled %d pages and %d links; the sitemap lists %d pages", pages, len(seen), len(sm.URLs))
	if len(sm.URLs) < 40 {
		t.Errorf("the sitemap lists only %d pages", len(sm.URLs))
	}
}
