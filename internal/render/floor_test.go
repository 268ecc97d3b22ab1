package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// TestPayFloor checks that a pay floor with no top is shown as "$150K+"
// wherever pay is shown: the career page, the salaries table and chart,
// a skill page and the API, whose max is null.
func TestPayFloor(t *testing.T) {
	careers := testCareers()
	careers[0].Salary = model.Salary{Min: 150000, Currency: "USD", Period: "year", OpenEnded: true}
	careers[1].Salary = model.Salary{Min: 90000, Max: 120000, Currency: "USD", Period: "year"}
	theme := testTheme(t)
	site, _ := index.Build(model.Config{Title: "T", Currency: "USD", Paginate: 10}, careers, nil, theme.StaticPaths())
	r := New(site, theme, trace.NewCache(), Options{}, nil)
	w, err := r.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	render := func(path string) string {
		t.Helper()
		for _, j := range r.Jobs() {
			if j.Path == path {
				out, err := w.Render(j)
				if err != nil {
					t.Fatal(err)
				}
				return string(out.Data)
			}
		}
		t.Fatalf("no job %s", path)
		return ""
	}
	for _, tt := range []struct{ path, want string }{
		{"careers/a/index.html", "<strong>$150K&#43;</strong>"},
		{"salaries/index.html", `<td data-value="150000">$150K+</td>`},
		{"salaries/index.html", `<figure class="chart" data-currency="USD" style="--top:150000">`},
		{"salaries/index.html", `<span class="range open" style="--from:150000;--to:150000"></span></span><span class="value">$150K&#43;</span>`},
		{"skills/go/index.html", "$150K&#43;"},
		{"api/careers.json", `"max": null`},
		{"api/careers.json", `"text": "$150K+ per year"`},
	} {
		if got := render(tt.path); !strings.Contains(got, tt.want) {
			t.Errorf("%s lacks %s\n%s", tt.path, tt.want, got)
		}
	}
	if got := render("salaries/index.html"); strings.Contains(got, ">$0&#43;<") {
		t.Error("the salaries page shows a top of $0 for the pay floor")
	}
	// A theme that places bars in percent draws the floor, at the top of
	// the axis, just below it.
	w.w.rec, w.w.diags = &trace.Recorder{}, &diag.List{}
	ch, err := w.w.chart((&Site{w.w}).BySalary(), "salaries", "t", "d")
	if err != nil {
		t.Fatal(err)
	}
	if b := ch.Placed()[0]; b.Slug != careers[0].Slug || b.Left() != 99.5 || b.Width() != 0.5 {
		t.Errorf("the floor's bar, %s, is at %v%%, %v%% wide; want %s at 99.5%%, 0.5%% wide", b.Slug, b.Left(), b.Width(), careers[0].Slug)
	}
	// Placing a bar in percent reads the axis, where it is placed: a page
	// or fragment that does is drawn again when the axis changes.
	for name, place := range map[string]func(Placed) float64{"Left": Placed.Left, "Width": Placed.Width} {
		rec := &trace.Recorder{}
		w.w.rec = rec
		place(ch.Placed()[1])
		if !slices.Contains(rec.Reads(), key(kListAxis, "USD salaries")) {
			t.Errorf("Placed.%s read %v, not the axis", name, rec.Reads())
		}
	}
}
