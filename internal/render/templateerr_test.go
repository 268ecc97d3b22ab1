package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/load"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// siteTheme is the embedded theme with the site's own template files
// over it.
func siteTheme(t *testing.T, minify bool, files map[string]string) (*Theme, error) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, "templates", name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, _, err := load.ReadTheme(dir, careerguide.Theme)
	if err != nil {
		t.Fatal(err)
	}
	return NewTheme(src.Templates, src.Static, minify)
}

// TestTemplateErrors checks that mistakes in templates are reported in
// the site's words, at their place in the file as written, whether the
// templates are minified or not.
func TestTemplateErrors(t *testing.T) {
	page := func(main string) map[string]string {
		return map[string]string{"career.html": "{{template \"base\" .}}\n{{define \"main\"}}\n<h1>Title</h1>\n" + main + "\n{{end}}\n"}
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"misspelt field", page("<p>{{.Career.Titel}}</p>"),
			"templates/career.html:4:13: .Career.Titel: a career has no field Titel; did you mean Title?"},
		{"misspelt field of the page", page("  <p>{{.Carer}}</p>"),
			"templates/career.html:4:8: .Carer: the page has no field Carer; did you mean Career?"},
		{"misspelt field after with", page("{{with .Career}}{{.Salary.Rnge}}{{end}}"),
			"templates/career.html:4:26: .Salary.Rnge: a salary has no field Rnge; did you mean Range?"},
		{"field of nothing like it", page("{{.Site.Config.Xyzzyq}}"),
			"templates/career.html:4:8: .Site.Config.Xyzzyq: the site's settings has no field Xyzzyq; docs/templates.md lists what the site's settings has"},
		{"field of text", page("{{.Title.Foo}}"),
			"templates/career.html:4:9: .Title.Foo: a value of type string has no field Foo; .Title is already a single value"},
		{"missing asset", page(`<link href="{{asset "assets/styel.css"}}">`),
			`templates/career.html:4:15: asset "assets/styel.css": static/assets/styel.css is in neither the site nor the theme; did you mean assets/style.css?`},
		{"missing asset, far from any", page(`{{asset "img/logo.png"}}`),
			`templates/career.html:4:3: asset "img/logo.png": static/img/logo.png is in neither the site nor the theme; add the file, or use hasAsset to link it only when it is there`},
		{"wrong arguments", page(`{{.Career.Title "x"}}`),
			`templates/career.html:4:10: .Career.Title: Title takes 0 arguments, not 1`},
		{"in a partial", map[string]string{"career.html": page(`{{partial "mini" .Career}}`)["career.html"], "mini.html": "{{define \"mini\"}}\n <b>{{.Oops}}</b>{{end}}"},
			"templates/mini.html:2:7: .Oops: a career has no field Oops; docs/templates.md lists what a career has"},
		{"unknown function", page("{{.Career.Title | lowr}}"),
			"templates/career.html:4: there is no function lowr; did you mean lower?"},
		{"unknown template", page(`{{template "cars" .}}`),
			`templates/career.html:4:12: no template is named "cars"; did you mean "card"?`},
	}
	for _, minify := range []bool{false, true} {
		for _, tt := range tests {
			theme, err := siteTheme(t, minify, tt.files)
			if err == nil {
				err = renderCareer(t, theme)
			}
			if err == nil || err.Error() != tt.want {
				t.Errorf("%s (minify %v):\n got: %v\nwant: %s", tt.name, minify, err, tt.want)
			}
			if _, ok := AsTemplateError(err); err != nil && !ok {
				t.Errorf("%s: %T is not a TemplateError", tt.name, err)
			}
		}
	}
}

// TestPlacedBarHint: a chart whose bars place themselves in percent but
// that draws the plain bars is told where Left and Width are.
func TestPlacedBarHint(t *testing.T) {
	theme, err := siteTheme(t, false, map[string]string{"skill.html": "{{template \"base\" .}}\n{{define \"main\"}}\n{{range .Chart.Bars}}{{.Left}}{{end}}\n{{end}}\n"})
	if err != nil {
		t.Fatal(err)
	}
	site, _ := index.Build(model.Config{Title: "T", Currency: "USD"}, testCareers(), nil, theme.StaticPaths())
	w, err := New(site, theme, trace.NewCache(), Options{}, nil).NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	_, err = w.Render(Job{Path: "skills/go/index.html", Kind: KindSkill, Key: "go"})
	want := "templates/skill.html:3:24: .Left: a chart's bar has no field Left; it is a placed bar's: draw the chart's .Placed, not its .Bars"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// renderCareer renders the first career's page with theme.
func renderCareer(t *testing.T, theme *Theme) error {
	site, _ := index.Build(model.Config{Title: "T", Currency: "USD", Paginate: 10}, testCareers(), nil, theme.StaticPaths())
	r := New(site, theme, trace.NewCache(), Options{Minify: theme.minify}, nil)
	w, err := r.NewWorker()
	if err != nil {
		return err
	}
	defer w.Close()
	_, err = w.Render(Job{Path: "careers/a/index.html", Kind: KindCareer, Key: "a"})
	return err
}

// TestUnusedTemplateFiles checks that a template file of the site's that
// defines nothing the theme uses is a warning naming it.
func TestUnusedTemplateFiles(t *testing.T) {
	theme, err := siteTheme(t, true, map[string]string{
		"logo.html":  `{{define "logo"}}<b>L</b>{{end}}`, // replaces the theme's logo
		"lgo.html":   "\n{{define \"lgo\"}}<b>L</b>{{end}}",
		"head.html":  `<meta name="x" content="y">`, // included by base.html
		"heads.html": `<meta name="x" content="y">`,
		"empty.html": "{{/* nothing */}}\n",
		"two.html":   `{{define "a"}}{{end}}{{define "b"}}{{end}}`,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `templates/empty.html: warning: defines no template, so it changes nothing
templates/heads.html:1: warning: defines "heads.html", which no template uses, so it changes nothing; did you mean "head.html"?
templates/lgo.html:2: warning: defines "lgo", which no template uses, so it changes nothing; did you mean "logo"?
templates/two.html:1: warning: defines "a" and "b", which no template uses, so it changes nothing
`
	ws := theme.Warnings()
	ws.Sort()
	if ws.String() != want {
		t.Errorf("got:\n%swant:\n%s", ws, want)
	}
	// The site's logo replaces the theme's, though partials.html, which
	// defines it too, comes later by name.
	if err := renderCareer(t, theme); err != nil {
		t.Fatal(err)
	}
}
