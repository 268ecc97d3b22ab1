package markdown

import (
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/diag"
)

// site resolves every link.
type site struct{}

func (site) Content(string) (string, bool) { return "x/", true }
func (site) Exists(string) bool            { return true }

// Image knows one image, x/team.png.
func (site) Image(p string) (int, int, bool) {
	if p == "x/team.png" {
		return 640, 480, true
	}
	return 0, 0, false
}

func nestedList(depth int) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

func TestLimits(t *testing.T) {
	table := func(cols, rows int) string {
		return "|" + strings.Repeat(" h |", cols) + "\n|" + strings.Repeat("---|", cols) + "\n" + strings.Repeat("x\n", rows)
	}
	tests := []struct {
		name, src string
		warning   string // the one warning, or ""
		has, not  string // text the HTML must and must not hold
	}{
		{"lists at the limit", nestedList(MaxNesting), "", "item</li>\n</ul>", "- item"},
		{"lists past it", nestedList(MaxNesting + 3), "f.md:33: warning: markdown: lists and quotes nest more than 32 deep here; the deeper levels are shown as text", "item\n- item\n- item", ""},
		{"quotes at the limit", strings.Repeat(">", MaxNesting) + " deep", "", "<p>deep</p>", "&gt;"},
		{"quotes past it", "text\n\n" + strings.Repeat(">", 2000) + " deep", "f.md:3: warning: markdown: lists and quotes nest more than 32 deep here; the deeper levels are shown as text", "<p>&gt;&gt;&gt;", ""},
		{"lists and quotes on one line", strings.Repeat("> - ", 20), "f.md:1: warning: markdown: lists and quotes nest more than 32 deep here; the deeper levels are shown as text", "", ""},
		{"headings at the limit", strings.Repeat("## h\n", MaxHeadings), "", `<h2 id="h-999">h</h2>`, "## h"},
		{"headings past it", strings.Repeat("## h\n", MaxHeadings+1), "f.md:1001: warning: markdown: the page holds more than 1,000 headings; from here on they are shown as text", "<p>## h</p>", ""},
		{"inline markup at the limit", strings.Repeat("`a` ", MaxInline), "", "<code>a</code></p>", "`"},
		{"inline markup past it", strings.Repeat("`a` ", MaxInline) + "\n`b` and `c`", "f.md:2: warning: markdown: a paragraph holds more than 250 pieces of inline markup (emphasis, links, code, HTML) here; the rest of it is shown as plain text", "`b` and `c`", "<code>b"},
		{"each paragraph has its own", strings.Repeat("`a` ", MaxInline) + "\n\n`b`", "", "<code>b</code>", ""},
		{"reference definitions at the limit", strings.Repeat("[a]: /x\n", MaxRefDefs) + "[a]", "", `<a href="/x">a</a>`, ""},
		{"reference definitions past it", "[a]\n\n" + strings.Repeat("[a]: /x\n", MaxRefDefs+2), "f.md:503: warning: markdown: the page holds more than 500 link reference definitions; the 2 after them, from this line on, are left out", `<a href="/x">a</a>`, ""},
		{"a full table", "|" + strings.Repeat(" h |", 10) + "\n|" + strings.Repeat("---|", 10) + "\n" + strings.Repeat("|"+strings.Repeat("x|", 10)+"\n", 2000), "", "<table>", ""},
		{"a small ragged table", table(10, 150), "", "<table>", ""},
		{"table past it", table(400, 400), "f.md:2: warning: markdown: a table of 400 columns and 401 rows would have 160,400 cells, more than two for each of its 4,004 bytes and 1,000 more; it is shown as text", "| h |", "<table>"},
		{"escaped pipes at the limit", "|a|\n|-|\n" + strings.Repeat("|`\\|`|\n", MaxEscapedPipes), "", "<table>", ""},
		{"escaped pipes past it", "|a|\n|-|\n" + strings.Repeat("|`\\|`|\n", MaxEscapedPipes+1), "f.md:2: warning: markdown: the page's tables hold more than 500 escaped pipes (\\|); from this one on they are shown as text\n" +
			"f.md:253: warning: markdown: a paragraph holds more than 250 pieces of inline markup (emphasis, links, code, HTML) here; the rest of it is shown as plain text", "", "<table>"},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ds diag.List
			html := c.Convert("f.md", "x/", []byte(tt.src), 1, site{}, &ds).HTML
			if got := strings.TrimSuffix(ds.String(), "\n"); got != tt.warning {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, tt.warning)
			}
			if !strings.Contains(html, tt.has) || tt.not != "" && strings.Contains(html, tt.not) {
				t.Errorf("HTML %.300q… should hold %q and not %q", html, tt.has, tt.not)
			}
		})
	}
}
