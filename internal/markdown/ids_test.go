package markdown

import (
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/slug"
)

// TestHeadingIDs: a heading's id is made as a slug is, so a heading and a
// file of one name agree, and ids are unique on a page.
func TestHeadingIDs(t *testing.T) {
	tests := []struct{ src, want string }{
		{"## Über die Rolle", `<h2 id="uber-die-rolle">`},
		{"## Ça marche", `<h2 id="ca-marche">`},
		{"## Straße & Größe", `<h2 id="strasse-and-grosse">`},
		{"## C++ and C#", `<h2 id="c-plus-plus-and-c-sharp">`},
		{"## AI's Impact", `<h2 id="ais-impact">`},
		{"## Pay\n\n## Pay\n\n## Pay", `<h2 id="pay">Pay</h2>` + "\n" + `<h2 id="pay-1">Pay</h2>` + "\n" + `<h2 id="pay-2">Pay</h2>`},
		{"## ***", `<h2 id="heading">`},
		{"## " + strings.Repeat("Größe ", 30), `<h2 id="grosse-grosse-grosse-grosse-grosse-grosse-grosse-grosse-grosse-grosse-grosse-gro">`},
		{"## " + strings.Repeat("数据", 30), `<h2 id="` + strings.Repeat("数据", 13) + `">`},
	}
	c := New(Options{})
	for _, tt := range tests {
		var ds diag.List
		res := c.Convert("f.md", "x/", []byte(tt.src), 1, site{}, &ds)
		if html := res.HTML; !strings.Contains(html, tt.want) {
			t.Errorf("%q: got %s, want it to hold %s", tt.src, html, tt.want)
		}
	}
	for _, name := range []string{"Über die Rolle", "Größe", "Data & AI", ".NET"} {
		var ds diag.List
		res := c.Convert("f.md", "x/", []byte("## "+name), 1, site{}, &ds)
		if len(res.TOC) != 1 || res.TOC[0].ID != slug.Make(name) {
			t.Errorf("%q: heading id %v, slug %q", name, res.TOC, slug.Make(name))
		}
	}
}
