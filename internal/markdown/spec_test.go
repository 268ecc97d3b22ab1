package markdown

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/diag"
)

// testdata/commonmark-spec.json holds the examples of the CommonMark spec
// version goldmark v1.8.7 implements, copied from goldmark's _test folder
// (the spec is CC-BY-SA 4.0, https://spec.commonmark.org).

// specDifferences are the examples whose output differs from the spec's
// by design, with the reason; every other example must render as the
// spec says, once the differences every page has are set aside (see
// normalize): the page-level # heading is an h2, headings carry ids, and
// void elements are written HTML-style (<br>, not <br />).
var specDifferences = map[int]string{
	484: "a link to a .md file leads to the page published from that file",
	608: "GFM autolinks: a URL in text is a link, here between < and a space",
	611: "GFM autolinks: a URL in text is a link",
	612: "GFM autolinks: an email address in text is a mailto: link",
}

type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

var (
	headingID = regexp.MustCompile(`<h([1-6]) id="[^"]*">`)
	voidXHTML = regexp.MustCompile(`<((?:br|hr|img|input)\b[^>]*?) ?/>`)
	h1        = regexp.MustCompile(`<(/?)h1>`)
)

// normalize sets aside what differs on every page by design.
func normalize(html string, spec bool) string {
	html = voidXHTML.ReplaceAllString(html, "<$1>")
	if spec {
		html = h1.ReplaceAllString(html, "<${1}h2>") // the page title is the only h1
	} else {
		html = headingID.ReplaceAllString(html, "<h$1>")
	}
	return strings.TrimSpace(html)
}

// TestCommonMarkSpec runs the spec's examples through the site's Markdown
// settings, with unsafe_html on, as a site that allows raw HTML renders
// them.
func TestCommonMarkSpec(t *testing.T) {
	data, err := os.ReadFile("testdata/commonmark-spec.json")
	if err != nil {
		t.Fatal(err)
	}
	var examples []specExample
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	c := New(Options{UnsafeHTML: true})
	pass := 0
	for _, ex := range examples {
		var ds diag.List
		res := c.Convert("content/x.md", "x/", []byte(ex.Markdown), 1, site{}, &ds)
		got, want := normalize(res.HTML, false), normalize(ex.HTML, true)
		why, listed := specDifferences[ex.Example]
		switch {
		case got == want && listed:
			t.Errorf("example %d (%s) renders as the spec says now; take it off specDifferences (%s)", ex.Example, ex.Section, why)
		case got != want && !listed:
			t.Errorf("example %d (%s):\n%s\ngot:  %q\nwant: %q", ex.Example, ex.Section, ex.Markdown, got, want)
		case got == want:
			pass++
		}
	}
	t.Logf("%d of %d examples render as the spec says; %d differ by design", pass, len(examples), len(specDifferences))
}

// TestDestinationsAsParsed checks that links start from the destination
// as CommonMark reads it, under a base path too, and that a hard line
// break drops the spaces before it.
func TestDestinationsAsParsed(t *testing.T) {
	tests := []struct{ base, src, want string }{
		{"/", "[foo](/bar\\* \"t\")\n", `<p><a href="/bar*" title="t">foo</a></p>`},
		{"/guide/", "[foo](/bar\\* \"t\")\n", `<p><a href="/guide/bar*" title="t">foo</a></p>`},
		{"/guide/", "[foo]\n\n[foo]: /url\\bar\\*baz \"foo\\\"bar\\baz\"\n", `<p><a href="/guide/url%5Cbar*baz" title="foo&quot;bar\baz">foo</a></p>`},
		{"/guide/", "[a](/f&ouml;&ouml; \"f&ouml;&ouml;\")\n", `<p><a href="/guide/f%C3%B6%C3%B6" title="föö">a</a></p>`},
		{"/guide/", "[a](</my page/?q=1#top>)\n", `<p><a href="/guide/my%20page/?q=1#top">a</a></p>`},
		{"/guide/", "[a](/a%20b/)\n", `<p><a href="/guide/a%20b/">a</a></p>`},
		{"/", "aaa     \nbbb\n", "<p>aaa<br>\nbbb</p>"},
		{"/", "see https://example.org     \nbbb\n", "<p>see <a href=\"https://example.org\">https://example.org</a><br>\nbbb</p>"},
		{"/", "*aaa*     \nbbb\n", "<p><em>aaa</em><br>\nbbb</p>"},
	}
	for _, tt := range tests {
		c := New(Options{BasePath: tt.base})
		var ds diag.List
		res := c.Convert("content/x.md", "x/", []byte(tt.src), 1, site{}, &ds)
		if got := strings.TrimSpace(res.HTML); got != tt.want {
			t.Errorf("%q under %s:\n got: %s\nwant: %s", tt.src, tt.base, got, tt.want)
		}
	}
}

// TestResources checks that images the site knows get their size, and
// that Refs finds the files a body links to by a relative path.
func TestResources(t *testing.T) {
	c := New(Options{})
	var ds diag.List
	res := c.Convert("content/careers/x.md", "x/", []byte("![Team](team.png) ![Logo](/x/team.png \"t\") ![Far](other.png) ![Set](team.png){width=3}\n"), 1, site{}, &ds)
	want := `<p><img src="team.png" alt="Team" width="640" height="480"> <img src="/x/team.png" alt="Logo" title="t" width="640" height="480"> <img src="other.png" alt="Far"> <img src="team.png" alt="Set" width="640" height="480">{width=3}</p>`
	if got := strings.TrimSpace(res.HTML); got != want {
		t.Errorf("got:  %s\nwant: %s", got, want)
	}
	refs := Refs([]byte("![a](team.png) [b](docs/guide.pdf#p2) [c](other.md) [d](/x/y.png) [e](https://example.org/z.png) [f](../up.png) ![g](./team.png)\n\n[h]: img/h.svg\n[h]\n"))
	if got := strings.Join(refs, " "); got != "docs/guide.pdf img/h.svg team.png" {
		t.Errorf("refs: %s", got)
	}
}

// TestMayRefer checks the quick look that spares most bodies a second
// parse: it must not miss a body that links to a file.
func TestMayRefer(t *testing.T) {
	for _, tt := range []struct {
		body string
		want bool
	}{
		{"[a](other.md) [b](/skills/go/) [c](https://example.org/x.png) [d](#top) [e](../x.md#s)", false},
		{"no links at all", false},
		{"![a](team.png)", true},
		{"![a]( <my team.png> )", true},
		{"[a](docs/guide.pdf#page=2)", true},
		{"[a]\n\n[a]: img/a.svg \"t\"", true},
		{"[a](x.md) then ![b](b.gif)", true},
	} {
		if got := mayRefer([]byte(tt.body)); got != tt.want {
			t.Errorf("%q: %v", tt.body, got)
		}
		if refs := Refs([]byte(tt.body)); (len(refs) > 0) != tt.want {
			t.Errorf("%q: refs %q", tt.body, refs)
		}
	}
}
