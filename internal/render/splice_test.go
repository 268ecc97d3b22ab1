package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/load"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// TestListsSplicedAsPrinted: a list that a page's template prints as it
// is is put into the page by its mark (splice), and the page is the one
// its template gives with the list printed in full, however the template
// uses it: printed as it is, twice or in a loop; kept in a variable,
// measured, sliced; printed in an attribute, through printf, in a
// script; or not printed at all.
func TestListsSplicedAsPrinted(t *testing.T) {
	for _, tc := range []struct {
		name, main, has string
		spliced         bool // the page is put together, not executed again
	}{
		{"as is", `<ul>{{partials "az-item" .Items}}</ul>`, `>Alpha</a>`, true},
		{"twice", `<ul>{{partials "az-item" .Items}}</ul><ol>{{partials "az-item" .Items}}</ol>`, `</ul><ol><li>`, true},
		{"in a range", `{{range $i, $_ := .Items}}<ul>{{partials "az-item" $.Items}}</ul>{{end}}`, `</ul><ul><li>`, true},
		{"kept in a variable", `{{$x := partials "az-item" .Items}}<ul>{{$x}}</ul><ol>{{$x}}</ol>`, `</ul><ol><li>`, false},
		{"kept, printed and escaped", `{{$x := partials "az-item" .Items}}<ul>{{$x}}</ul><p title="{{$x}}">x</p>`, `<p title="`, false},
		{"its length", `{{$x := partials "az-item" .Items}}<ul>{{$x}}</ul><p>{{len $x}}</p>`, `</ul><p>`, false},
		{"sliced", `<ul>{{slice (partials "az-item" .Items) 0 4}}</ul>`, `<ul><li>`, false},
		{"in an attribute", `<p title="{{partials "az-item" .Items}}">x</p>`, `title="`, false},
		{"through printf", `<p>{{partials "az-item" .Items | printf "%s"}}</p>`, `&lt;li&gt;`, false},
		{"in a script", `<script>var x = {{partials "az-item" .Items}};</script>`, `var x = "\u003cli\u003e`, false},
		{"not printed", `{{if partials "az-item" .Items}}<p>some</p>{{end}}`, `<p>some</p>`, false},
		{"empty", `<ul>{{partials "az-item" (slice .Items 0 0)}}</ul>`, `<ul></ul>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, _, err := load.ReadTheme(t.TempDir(), careerguide.Theme)
			if err != nil {
				t.Fatal(err)
			}
			for i, f := range src.Templates {
				if f.Path == "careers.html" {
					src.Templates[i].Data = []byte(`{{template "base" .}}{{define "main"}}` + tc.main + `{{end}}`)
				}
			}
			theme, err := NewTheme(src.Templates, src.Static, false)
			if err != nil {
				t.Fatal(err)
			}
			cfg := model.Config{Title: "T", Currency: "USD"}
			cfg.Defaults()
			site, _ := index.Build(cfg, testCareers(), nil, theme.StaticPaths())
			r := New(site, theme, trace.NewCache(), Options{}, nil)
			wk, err := r.NewWorker()
			if err != nil {
				t.Fatal(err)
			}
			defer wk.Close()
			j := Job{"careers/index.html", KindCareers, "careers 1"}
			for range 2 { // the second time, the runs come from the cache
				out, err := wk.Render(j)
				if err != nil {
					t.Fatal(err)
				}
				got := string(out.Data)
				w := wk.w
				if spliced := w.out.Len() > 0 && &out.Data[0] == &w.out.Bytes()[0]; spliced != tc.spliced {
					t.Errorf("put together from marks: %v, want %v", spliced, tc.spliced)
				}
				w.rec, w.diags = &trace.Recorder{}, &diag.List{}
				v, name, err := w.view(j)
				if err != nil {
					t.Fatal(err)
				}
				var want bytes.Buffer // not at the page's level: lists in full
				if err := w.set.pages[name].ExecuteTemplate(&want, name, v); err != nil {
					t.Fatal(err)
				}
				w.rec, w.diags = nil, nil
				if got != want.String() {
					t.Errorf("the page differs from its template's with the list in full:\n got %q\nwant %q", excerpt(got, "<main"), excerpt(want.String(), "<main"))
				}
				if !strings.Contains(got, tc.has) || strings.Contains(got, markNonce[1:]) {
					t.Errorf("the page does not show %q, or shows a mark: %q", tc.has, excerpt(got, "<main"))
				}
			}
		})
	}
}

// excerpt is s from the first at on, 400 bytes at most.
func excerpt(s, at string) string {
	if i := strings.Index(s, at); i >= 0 {
		s = s[i:]
	}
	return s[:min(len(s), 400)]
}

// TestSplice: marks are replaced by their lists wherever they are; a mark
// missing, or a mark of no list, fails.
func TestSplice(t *testing.T) {
	m := func(n string) string { return markNonce + n + "\x00" }
	pieces := [][]string{{"a", "b"}, {"c"}}
	for _, tc := range []struct {
		src, want string
		ok        bool
	}{
		{"<" + m("0") + "|" + m("1") + ">", "<ab|c>", true},
		{m("1") + m("0") + m("1"), "cabc", true},
		{"<" + m("0") + ">", "", false},                // list 1 not printed
		{m("0") + m("1") + m("2"), "", false},          // no list 2
		{m("0") + m("1") + markNonce + "1", "", false}, // a mark cut short
		{m("0") + m("x") + m("1"), "", false},
		{m("0") + m("1") + "<p title=\"\uFFFD" + markNonce[1:] + "1\uFFFD\">", "", false}, // an escaped copy
	} {
		got, ok := splice(new(bytes.Buffer), []byte(tc.src), pieces)
		if ok != tc.ok || ok && string(got) != tc.want {
			t.Errorf("splice(%q) = %q, %v; want %q, %v", tc.src, got, ok, tc.want, tc.ok)
		}
	}
}

// TestSplicedPageKeepsItsProblems: a page made again because a list's
// mark was escaped reports what the first run found, a broken link in
// its body among them, which the view converts once.
func TestSplicedPageKeepsItsProblems(t *testing.T) {
	src, _, err := load.ReadTheme(t.TempDir(), careerguide.Theme)
	if err != nil {
		t.Fatal(err)
	}
	page := &model.Page{Source: "content/about.md", Path: "about/", Title: "About", Body: []byte("See [x](/nowhere/).\n"), BodyLine: 4}
	var diags []string
	for _, main := range []string{`{{.Body}}`, `{{.Body}}<p title="{{partials "az-item" .Site.Careers}}">x</p>`} {
		for i, f := range src.Templates {
			if f.Path == "page.html" {
				src.Templates[i].Data = []byte(`{{template "base" .}}{{define "main"}}` + main + `{{end}}`)
			}
		}
		theme, err := NewTheme(src.Templates, src.Static, false)
		if err != nil {
			t.Fatal(err)
		}
		cfg := model.Config{Title: "T", Currency: "USD"}
		cfg.Defaults()
		site, _ := index.Build(cfg, testCareers(), []*model.Page{page}, theme.StaticPaths())
		wk, err := New(site, theme, trace.NewCache(), Options{}, nil).NewWorker()
		if err != nil {
			t.Fatal(err)
		}
		out, err := wk.Render(Job{"about/index.html", KindPage, "about/"})
		wk.Close()
		if err != nil {
			t.Fatal(err)
		}
		diags = append(diags, out.Diags.String())
	}
	if !strings.Contains(diags[0], "/nowhere/") || diags[1] != diags[0] {
		t.Errorf("problems of the page made again:\n%s\nwant those of the page made once:\n%s", diags[1], diags[0])
	}
}
