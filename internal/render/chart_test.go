package render

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/careerguide/careerguide/internal/model"
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
		got, err := w.chart(tc.list, "t", "d")
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
		_, top := r.values.axis(cur)
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
			width := math.Max(pct(s.Top())-left, 0.5)
			left = math.Min(left, 100-width)
			places = append(places, [2]float64{left, width})
			annual := model.Salary{Min: s.Min, Max: s.Max, Currency: s.Currency, Period: "year", OpenEnded: s.OpenEnded}
			b := Bar{Slug: c.c.Slug, URL: c.c.URL, Label: c.c.Title, Text: annual.Range(), From: s.Min, To: s.Top(), OpenEnded: s.OpenEnded}
			b.seal(cur)
			bars = append(bars, b)
		}
		ids := make([]Bar, len(got.Bars))
		for i, b := range got.Bars {
			ids[i] = b.id()
		}
		if got.Currency != cur || got.Top != top || got.Omitted != omitted || !slices.Equal(ids, bars) {
			t.Errorf("%s: chart in %s up to %v with %d bars, %d left out; want %s, %v, %d, %d, or the bars differ",
				tc.name, got.Currency, got.Top, len(got.Bars), got.Omitted, cur, top, len(bars), omitted)
			continue
		}
		for i, b := range got.Bars {
			if p := [2]float64{b.Left(), b.Width()}; p != places[i] {
				t.Errorf("%s: bar %s at %v, want %v", tc.name, b.Slug, p, places[i])
			}
		}
	}
}
