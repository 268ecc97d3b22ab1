package render

import (
	"cmp"
	"math"
	"slices"

	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// Chart is a salary range chart: one bar per career from the bottom to
// the top of its yearly range, drawn by the theme as HTML whose bars are
// placed in percent of the axis, so that it fits any width. Every chart
// of a site uses the same axis for a currency, up to the highest yearly
// pay in it, so that charts compare at a glance and a career's bar is the
// same on every page.
type Chart struct {
	Title, Desc string // the chart's title and a sentence describing it
	Currency    string // the currency of every bar, the one most careers are paid in
	Bars        []Bar  // one per career, in the list's order
	Ticks       []Tick // the axis's labelled marks
	Omitted     int    // careers paid in another currency, left out
}

// Bar is one career's bar. It holds no position on the page, so the same
// career's bar is the same Bar wherever it is drawn.
type Bar struct {
	Slug, URL, Label string  // the career's slug, path below the base and title
	Text             string  // the range as text, "$95K – $220K+"
	Left, Width      float64 // where the bar starts and how long it is, in percent of the axis
	OpenEnded        bool    // the range has no set top
}

// sum sums everything a bar shows.
func (b Bar) sum() uint64 {
	var h trace.Hash
	return h.Str(b.Slug).Str(b.URL).Str(b.Label).Str(b.Text).Float(b.Left).Float(b.Width).Bool(b.OpenEnded).Sum()
}

// Tick is a labelled mark on the axis, at X percent.
type Tick struct {
	X     float64 // where it is, in percent of the axis
	Label string  // the amount, "$100K"
}

// chart lays out careers (already in display order) on the site's axis
// for the currency most of them are paid in. The bars are laid out in
// runs of careers (inRuns), each a fragment: a list shifted by a career
// (a page of the pay list after an insertion) lays out again only the
// runs at its ends.
func (w *worker) chart(careers []*Career, title, desc string) *Chart {
	sums := make([]uint64, len(careers))
	for i, c := range careers {
		sums[i] = careerSum(c)
	}
	long := len(careers) >= longList
	placed := make([]placedBar, 0, len(careers))
	count := map[string]int{}
	inRuns(sums, runLength, func(lo, hi int, id run) error {
		v, _ := w.fragment(fragment{"", barRun(id)}, long, func() (any, error) { return w.place(careers[lo:hi]), nil })
		for _, p := range v.([]placedBar) {
			placed = append(placed, p)
			count[p.cur]++
		}
		return nil
	})
	cur := (&Site{w}).Config().Currency
	for c, n := range count { // model.MainCurrency's choice
		if n > count[cur] || n == count[cur] && cur != (&Site{w}).Config().Currency && c < cur {
			cur = c
		}
	}
	w.read(kSiteAxis, cur)
	step, axisMax := w.r.values.axis(cur)
	ch := &Chart{Title: title, Desc: desc, Currency: cur}
	for _, p := range placed {
		if p.cur != cur {
			ch.Omitted++
			continue
		}
		ch.Bars = append(ch.Bars, p.bar)
	}
	for v := 0.0; v <= axisMax+step/2; v += step {
		ch.Ticks = append(ch.Ticks, Tick{X: math.Round(v/axisMax*1000) / 10, Label: model.Money(v, cur)})
	}
	return ch
}

// barRun names a run of a chart's careers laid out (place), as a fragment.
type barRun uint64

// placedBar is a career's bar on the axis of the currency it is paid in.
type placedBar struct {
	cur string
	bar Bar
}

// place lays out each career's bar on the site's axis for the currency
// it is paid in.
func (w *worker) place(careers []*Career) []placedBar {
	out := make([]placedBar, len(careers))
	for i, c := range careers {
		s := c.Salary()
		w.read(kSiteAxis, s.Currency)
		_, axisMax := w.r.values.axis(s.Currency)
		pct := func(v float64) float64 { return math.Round(v/axisMax*1000) / 10 }
		annual := model.Salary{Min: s.Annual(s.Min), Max: s.Annual(s.Max), Currency: s.Currency, Period: "year", OpenEnded: s.OpenEnded}
		// A bar is at least half a percent wide, and ends on the axis: a
		// pay floor at the top of it is drawn just below.
		left := pct(annual.Min)
		width := math.Max(pct(annual.Top())-left, 0.5)
		left = math.Min(left, 100-width)
		out[i] = placedBar{s.Currency, Bar{Slug: c.Slug(), URL: c.URL(), Label: c.Title(), Text: annual.Range(),
			Left: left, Width: width, OpenEnded: s.OpenEnded}}
	}
	return out
}

// byPay puts careers given A–Z in the order of the site's pay lists:
// highest yearly midpoint first, then A–Z.
func byPay(careers []*Career) []*Career {
	mids := make(map[*Career]float64, len(careers))
	for _, c := range careers {
		s := c.Salary()
		mids[c] = s.Annual(s.Mid())
	}
	out := slices.Clone(careers)
	slices.SortStableFunc(out, func(a, b *Career) int { return cmp.Compare(mids[b], mids[a]) })
	return out
}

// axis returns the step between ticks and the top of every chart's axis
// in currency cur: the highest yearly pay of the careers paid in it,
// rounded up to a step. It is the value of kSiteAxis.
func (v *values) axis(cur string) (step, top float64) {
	v.axisMu.Lock()
	defer v.axisMu.Unlock()
	if a, ok := v.axes[cur]; ok {
		return a[0], a[1]
	}
	for _, c := range v.r.site.Careers {
		if s := c.Salary; s.Currency == cur {
			top = math.Max(top, s.Annual(s.Top()))
		}
	}
	step = niceStep(top)
	if top = math.Ceil(top/step) * step; top <= 0 {
		top = 1
	}
	if v.axes == nil {
		v.axes = map[string][2]float64{}
	}
	v.axes[cur] = [2]float64{step, top}
	return step, top
}

func hashAxis(h *trace.Hash, v *values, cur string) {
	step, top := v.axis(cur)
	h.Float(step).Float(top)
}

// niceStep picks an axis step of 1, 2, 2.5 or 5 times a power of ten that
// gives four to eight ticks up to top.
func niceStep(top float64) float64 {
	if top <= 0 || math.IsInf(top, 0) || math.IsNaN(top) {
		return 1
	}
	raw := top / 6
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}
