package render

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// TestChartInRuns: a chart whose bars are found in runs of careers is the
// chart of the whole list laid out at once: the currency most careers are
// paid in (the site's on a tie, else the first A–Z), the others left out,
// every bar on that currency's axis.
func TestChartInRuns(t *testing.T) {
	var cs []*model.Career
	for i := range 240 {
		cur := "USD"
		switch {
		case i < 100:
			cur = []string{"EUR", "USD", "EUR", "GBP"}[i%4]
		case i < 160:
			cur = []string{"EUR", "GBP"}[i%2]
		}
		cs = append(cs, &model.Career{Source: fmt.Sprintf("content/careers/c%03d.md", i), Slug: fmt.Sprintf("c%03d", i),
			Title: fmt.Sprintf("Career %03d", i), Category: "Data", Demand: model.High, AIImpact: model.Low,
			Salary: model.Salary{Min: float64(1000 * (40 + i)), Max: float64(1000 * (90 + 2*i)), Currency: cur, Period: "year", OpenEnded: i%7 == 0}})
	}
	r, w := testRenderer(t, cs)
	all := (&Site{w}).Careers() // A–Z: c000 … c239
	var tie []*Career           // 40 paid in USD and 40 in EUR, one of each in turn
	var usd, eur []*Career
	for _, c := range all {
		switch c.c.Salary.Currency {
		case "USD":
			usd = append(usd, c)
		case "EUR":
			eur = append(eur, c)
		}
	}
	for i := range 40 {
		tie = append(tie, usd[i], eur[i])
	}
	for _, tc := range []struct {
		name string
		list []*Career
		cur  string
	}{
		{"EUR the most, in every run", all[:100], "EUR"},
		{"EUR and GBP tie, USD absent", all[100:160], "EUR"},
		{"USD, the site's, ties EUR", tie, "USD"},
		{"USD alone", all[160:], "USD"},
		{"empty", nil, "USD"},
	} {
		got, err := w.chart(tc.list, "salaries", "t", "d")
		if err != nil {
			t.Fatal(err)
		}
		// The chart of the whole list, laid out at once.
		sal := make([]model.Salary, len(tc.list))
		for i, c := range tc.list {
			sal[i] = c.c.Salary
		}
		cur := model.MainCurrency(sal, "USD")
		if tc.cur != "" && cur != tc.cur {
			t.Fatalf("%s: the case is wrong: its main currency is %s", tc.name, cur)
		}
		_, top := r.values.axis(siteAxis(cur))
		pct := func(v float64) float64 { return math.Round(v/top*1000) / 10 }
		var bars []Bar
		var places [][2]float64
		omitted := 0
		for _, c := range tc.list {
			s := c.c.Salary
			if s.Currency != cur {
				omitted++
				continue
			}
			left := pct(s.Min)
			width := math.Max(math.Round((pct(s.Top())-left)*10)/10, 0.5)
			left = math.Min(left, math.Round((100-width)*10)/10)
			places = append(places, [2]float64{left, width})
			annual := model.Salary{Min: s.Min, Max: s.Max, Currency: s.Currency, Period: "year", OpenEnded: s.OpenEnded}
			b := Bar{Slug: c.c.Slug, URL: c.c.URL, Label: c.c.Title, Text: annual.Range(), From: s.Min, To: s.Top(), OpenEnded: s.OpenEnded}
			b.seal(cur)
			bars = append(bars, b)
		}
		if got.Currency != cur || got.Top != top || got.Omitted != omitted || !slices.Equal(got.Bars, bars) {
			t.Errorf("%s: chart in %s up to %v with %d bars, %d left out; want %s, %v, %d, %d, or the bars differ",
				tc.name, got.Currency, got.Top, len(got.Bars), got.Omitted, cur, top, len(bars), omitted)
			continue
		}
		for i, b := range got.Placed() {
			if b.Bar != got.Bars[i] {
				t.Errorf("%s: placed bar %d is %s, want %s", tc.name, i, b.Slug, got.Bars[i].Slug)
			}
			if p := [2]float64{b.Left(), b.Width()}; p != places[i] {
				t.Errorf("%s: bar %s at %v, want %v", tc.name, b.Slug, p, places[i])
			}
		}
	}
}

// TestChartAxisSpansItsList: a chart's axis reaches the highest pay of
// the list it charts, on every page of it: the salaries list's, every
// career's; a skill's and a category's, their careers' alone. A new top
// of pay moves only the axes of the lists that hold the career. The same
// career's bar is one bar in every list, and two placed bars on two axes.
func TestChartAxisSpansItsList(t *testing.T) {
	careers := func(top float64) []*model.Career {
		var cs []*model.Career
		for i := range 8 {
			cat, skills := "Data", []string{"Go"}
			if i >= 4 {
				cat, skills = "Security", []string{"Rust"}
			}
			cs = append(cs, &model.Career{Source: fmt.Sprintf("content/careers/c%d.md", i), Slug: fmt.Sprintf("c%d", i),
				Title: fmt.Sprintf("Career %d", i), Category: cat, Demand: model.High, AIImpact: model.Low, Skills: skills,
				Salary: model.Salary{Min: 50000, Max: float64(100000 + 10000*i), Currency: "USD", Period: "year"}})
		}
		cs[7].Salary.Max = top // a Security career with Rust
		return cs
	}
	r, w := testRenderer(t, careers(170000))
	site := &Site{w}
	goes := site.SkillBySlug("go").Careers()
	for _, tc := range []struct {
		list    string
		careers []*Career
		top     float64
	}{
		{"salaries", site.BySalary(), 200000},
		{"skill go", goes, 150000},
		{"skill rust", site.SkillBySlug("rust").Careers(), 200000},
		{"category data", byPay(goes), 150000},
	} {
		w.rec = &trace.Recorder{}
		ch, err := w.chart(tc.careers, tc.list, "t", "d")
		if err != nil {
			t.Fatal(err)
		}
		if ch.Top != tc.top || len(ch.Bars) != len(tc.careers) {
			t.Errorf("%s: chart of %d bars up to %v; want %d up to %v", tc.list, len(ch.Bars), ch.Top, len(tc.careers), tc.top)
		}
		if k := key(kListAxis, "USD "+tc.list); !slices.Contains(w.rec.Reads(), k) {
			t.Errorf("%s: the chart read %v, not %v", tc.list, w.rec.Reads(), k)
		}
	}
	// c0's bar in the pay list and in Go's: the same career and range, so
	// the same bar, drawn once for both; placed, it is on two axes, and a
	// theme's bar that places itself in percent is not taken from one
	// list for the other.
	pay, err := w.chart(site.BySalary(), "salaries", "t", "d")
	if err != nil {
		t.Fatal(err)
	}
	skill, err := w.chart(goes, "skill go", "t", "d")
	if err != nil {
		t.Fatal(err)
	}
	at := func(bars []Placed) Placed {
		return bars[slices.IndexFunc(bars, func(b Placed) bool { return b.Slug == "c0" })]
	}
	if a, b := at(pay.Placed()), at(skill.Placed()); a.Bar != b.Bar || a.Bar.sum() != b.Bar.sum() {
		t.Errorf("c0's bar differs between the pay list and Go's: %+v, %+v", a.Bar, b.Bar)
	}
	if a, b := at(pay.Placed()), at(skill.Placed()); a.sum() == b.sum() || a.Left() == b.Left() {
		t.Errorf("c0's placed bar is the same in the pay list (at %v%%) and Go's (at %v%%)", a.Left(), b.Left())
	}
	// Placed in percent, it reads the axis of the list it is in.
	for list, bars := range map[string][]Placed{"salaries": pay.Placed(), "skill go": skill.Placed()} {
		w.rec = &trace.Recorder{}
		at(bars).Left()
		if k := key(kListAxis, "USD "+list); !slices.Equal(w.rec.Reads(), []trace.Key{k}) {
			t.Errorf("c0's bar in %s, placed, read %v; want %v", list, w.rec.Reads(), k)
		}
	}
	// A new top of pay in Security, with Rust: the site's axis moves, and
	// the axes of Security and Rust, not those of Data and Go.
	moved, _ := testRenderer(t, careers(400000))
	for _, tc := range []struct {
		id   string
		same bool
	}{{"USD salaries", false}, {"USD skill rust", false}, {"USD category security", false}, {"USD skill go", true}, {"USD category data", true}} {
		if same := r.values.Sum(key(kListAxis, tc.id)) == moved.values.Sum(key(kListAxis, tc.id)); same != tc.same {
			t.Errorf("after a new top in Security, %s has the same value: %v, want %v", tc.id, same, tc.same)
		}
	}
	if got := r.values.Sum(key(kListAxis, "USD skill gone")); got != trace.Absent {
		t.Errorf("the axis of a skill that is not has the sum %x, want trace.Absent", got)
	}
}
