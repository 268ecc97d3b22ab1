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
// for the currency most of them are paid in. What each career's bar shows
// is found in runs of careers (inRuns), each a fragment that does not
// depend on the axis: a list shifted by a career (a page of the pay list
// after an insertion) finds again only the runs at its ends, and a new
// top of the axis finds none again.
func (w *worker) chart(careers []*Career, title, desc string) (*Chart, error) {
	sums := careerSums(careers)
	long := len(careers) >= longList
	bars := make([]payBar, 0, len(careers))
	count := map[string]int{}
	err := inRuns(sums, runLength, func(lo, hi int, id run) error {
		v, err := w.fragment(fragment{"", barRun(id)}, long, func() (any, error) { return w.payBars(careers[lo:hi]), nil })
		if err != nil {
			return err
		}
		for _, b := range v.([]payBar) {
			bars = append(bars, b)
			count[b.cur]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	cur := model.MainOf(count, (&Site{w}).Config().Currency)
	w.read(kSiteAxis, cur)
	step, axisMax := w.r.values.axis(cur)
	pct := func(v float64) float64 { return math.Round(v/axisMax*1000) / 10 }
	ch := &Chart{Title: title, Desc: desc, Currency: cur}
	for _, b := range bars {
		if b.cur != cur {
			ch.Omitted++
			continue
		}
		// A bar is at least half a percent wide, and ends on the axis: a
		// pay floor at the top of it is drawn just below.
		bar := b.bar
		bar.Left = pct(b.min)
		bar.Width = math.Max(pct(b.top)-bar.Left, 0.5)
		bar.Left = math.Min(bar.Left, 100-bar.Width)
		ch.Bars = append(ch.Bars, bar)
	}
	for v := 0.0; v <= axisMax+step/2; v += step {
		ch.Ticks = append(ch.Ticks, Tick{X: pct(v), Label: model.Money(v, cur)})
	}
	return ch, nil
}

// barRun names a run of a chart's careers (payBars), as a fragment.
type barRun uint64

// payBar is what a career's bar shows, in the currency it is paid in,
// before the bar is placed on an axis.
type payBar struct {
	cur      string
	min, top float64 // the yearly range
	bar      Bar     // all but Left and Width
}

// payBars finds what each career's bar shows. It reads each career's pay
// and title, even of a career the chart then leaves out for its currency.
func (w *worker) payBars(careers []*Career) []payBar {
	out := make([]payBar, len(careers))
	for i, c := range careers {
		s := c.Salary()
		annual := model.Salary{Min: s.Annual(s.Min), Max: s.Annual(s.Max), Currency: s.Currency, Period: "year", OpenEnded: s.OpenEnded}
		out[i] = payBar{cur: s.Currency, min: annual.Min, top: annual.Top(),
			bar: Bar{Slug: c.Slug(), URL: c.URL(), Label: c.Title(), Text: annual.Range(), OpenEnded: s.OpenEnded}}
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
