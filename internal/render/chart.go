package render

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// Chart is a salary range chart: one bar per career from the bottom to
// the top of its yearly range, drawn by the theme as HTML whose bars are
// placed as a share of the axis, so that it fits any width. A chart's
// axis spans the list it charts, on all of the list's pages: up to the
// highest yearly pay, in the chart's currency, of the careers the list
// holds. The salaries list holds every career, so its axis is the
// site's, which the compare page also uses; a category's list and a
// skill's have their own, which their charts' descriptions name.
type Chart struct {
	Title    string  // the chart's title, "SQL salary ranges"
	Desc     string  // a sentence describing it, naming its axis
	Currency string  // the currency of every bar, the one most careers are paid in
	Top      float64 // the top of the axis, a yearly amount in the currency
	Bars     []Bar   // one per career, in the list's order
	Ticks    []Tick  // the axis's labelled marks
	Omitted  int     // careers paid in another currency, left out

	axis   string   // the axis's name (axisID)
	w      *worker  // where placed bars note their reads
	placed []Placed // Placed's answer, made on its first call
}

// Placed lists the chart's bars placed on its axis, in its order: for a
// theme whose bar places itself in percent rather than with the
// stylesheet (From and To against Top).
func (ch *Chart) Placed() []Placed {
	if ch.placed == nil && len(ch.Bars) > 0 {
		onAxis := trace.SumString(ch.axis)
		ch.placed = make([]Placed, len(ch.Bars))
		for i, b := range ch.Bars {
			var h trace.Hash
			ch.placed[i] = Placed{Bar: b, axis: ch.axis, key: h.Int(int64(b.key)).Int(int64(onAxis)).Sum(), w: ch.w}
		}
	}
	return ch.placed
}

// Bar is one career's bar. It holds no position on the page, so the same
// career's bar is the same Bar wherever it is drawn, in any list. Its
// fields do not depend on the axis: a theme places the bar with From and
// To against the chart's Top (the default theme does so in CSS), and then
// a new top of the axis leaves every bar as it was. A theme that places
// bars in percent draws the chart's Placed instead.
type Bar struct {
	Slug      string  // the career's slug
	URL       string  // the career's path below the base
	Label     string  // the career's title
	Text      string  // the range as text, "$95K – $220K+"
	From      float64 // the yearly range's bottom, in the chart's currency
	To        float64 // the yearly range's top
	OpenEnded bool    // the range has no set top

	cur string // the chart's currency
	key uint64 // the sum of all the above, made once (seal)
}

// Placed is a bar placed on its chart's axis: its fields are the Bar's,
// and Left and Width say where it stands in percent of the axis. A page
// or fragment that calls them reads the axis, and is drawn again when it
// changes; the same career's placed bar in another list, whose axis is
// another, is another Placed.
type Placed struct {
	Bar // the bar; its fields are the Placed's

	axis string  // the axis's name (axisID)
	key  uint64  // the sum of the bar and of the axis's name
	w    *worker // where Left and Width note the read; not part of its identity
}

// Left is where the bar starts, in percent of the axis to a tenth, at
// most 100 less its Width: a pay floor at the top of the axis is drawn
// just below it.
func (p Placed) Left() float64 {
	left, width := p.place()
	return math.Min(left, tenth(100-width))
}

// Width is how long the bar is, in percent of the axis to a tenth, at
// least half a percent.
func (p Placed) Width() float64 {
	_, width := p.place()
	return width
}

// place reads the axis and returns where the bar starts and how wide it
// is, in percent of it.
func (p Placed) place() (left, width float64) {
	p.w.read(kListAxis, p.axis)
	_, top := p.w.r.values.axis(p.axis)
	left = percent(p.From, top)
	return left, math.Max(tenth(percent(p.To, top)-left), 0.5)
}

// id is the placed bar as a fragment's identity: without its worker.
func (p Placed) id() Placed {
	p.w = nil
	return p
}

// sum sums everything a placed bar shows.
func (p Placed) sum() uint64 { return p.key }

// percent is v in percent of an axis up to top, rounded to a tenth: where
// a tick or a bar's end stands.
func percent(v, top float64) float64 { return tenth(v / top * 100) }

// tenth rounds x to a tenth, so that a difference of two places prints
// as one decimal, not as 36.599999999999994.
func tenth(x float64) float64 { return math.Round(x*10) / 10 }

// sum sums everything a bar shows.
func (b Bar) sum() uint64 { return b.key }

// seal sets the bar's currency and sums what it shows into its key: a
// bar is summed once, when found, and then at every use of its run.
func (b *Bar) seal(cur string) {
	var h trace.Hash
	b.cur = cur
	b.key = h.Str(b.Slug).Str(b.URL).Str(b.Label).Str(b.Text).Float(b.From).Float(b.To).Bool(b.OpenEnded).Str(b.cur).Sum()
}

// Tick is a labelled mark on the axis, at X percent.
type Tick struct {
	X     float64 // where it is, in percent of the axis
	Label string  // the amount, "$100K"
}

// chart lays out careers (already in display order) on the axis of the
// list they are from (named as listJobs names lists, or "skill <slug>"),
// in the currency most of them are paid in. What each career's bar shows
// is found in runs of careers (inRuns), each a fragment that does not
// depend on the axis: a list shifted by a career (a page of the pay list
// after an insertion) finds again only the runs at its ends, and a new
// top of the axis finds none again.
func (w *worker) chart(careers []*Career, list, title, desc string) (*Chart, error) {
	sums := careerSums(careers)
	long := len(careers) >= longList
	bars := make([]Bar, 0, len(careers))
	count := map[string]int{} // careers by currency
	err := inRuns(sums, runLength, func(lo, hi int, id run) error {
		v, err := w.fragment(fragment{"", barRun(id)}, long, func() (any, error) { return w.payBars(careers[lo:hi]), nil })
		if err != nil {
			return err
		}
		for _, b := range v.([]Bar) {
			bars = append(bars, b)
			count[b.cur]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	cur := model.MainOf(count, (&Site{w}).Config().Currency)
	axis := axisID(cur, list)
	w.read(kListAxis, axis)
	step, axisMax := w.r.values.axis(axis)
	ch := &Chart{Title: title, Desc: desc, Currency: cur, Top: axisMax, axis: axis, w: w}
	ch.Bars = bars[:0] // the bars in another currency are left out in place
	for _, b := range bars {
		if b.cur != cur {
			ch.Omitted++
			continue
		}
		ch.Bars = append(ch.Bars, b)
	}
	for v := 0.0; v <= axisMax+step/2; v += step {
		ch.Ticks = append(ch.Ticks, Tick{X: percent(v, axisMax), Label: model.Money(v, cur)})
	}
	return ch, nil
}

// barRun names a run of a chart's careers (payBars), as a fragment.
type barRun uint64

// payBars finds what each career's bar shows, in the currency it is paid
// in, before the bar is placed in a chart. It reads each career's pay
// and title, even of a career the chart then leaves out for its currency.
func (w *worker) payBars(careers []*Career) []Bar {
	out := make([]Bar, len(careers))
	for i, c := range careers {
		s := c.Salary()
		annual := model.Salary{Min: s.Annual(s.Min), Max: s.Annual(s.Max), Currency: s.Currency, Period: "year", OpenEnded: s.OpenEnded}
		out[i] = Bar{Slug: c.Slug(), URL: c.URL(), Label: c.Title(), Text: annual.Range(),
			From: annual.Min, To: annual.Top(), OpenEnded: s.OpenEnded}
		out[i].seal(s.Currency)
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

// axisID names the axis of a list's charts in a currency, "USD salaries":
// the ID of its kListAxis key.
func axisID(cur, list string) string { return cur + " " + list }

// siteAxis is the axis of the salaries list, which holds every career:
// the compare page's and the search data's.
func siteAxis(cur string) string { return axisID(cur, "salaries") }

// axis returns the step between ticks and the top of the axis named id
// (axisID): the highest yearly pay of the list's careers paid in the
// currency, rounded up to a step. It is the value of kListAxis.
func (v *values) axis(id string) (step, top float64) {
	v.axisMu.Lock()
	defer v.axisMu.Unlock()
	if a, ok := v.axes[id]; ok {
		return a[0], a[1]
	}
	cur, list, _ := strings.Cut(id, " ")
	for _, c := range v.r.axisCareers(list) {
		if in, hi := c.YearTop(); in == cur {
			top = math.Max(top, hi)
		}
	}
	step = niceStep(top)
	if top = math.Ceil(top/step) * step; top <= 0 {
		top = 1
	}
	if v.axes == nil {
		v.axes = map[string][2]float64{}
	}
	v.axes[id] = [2]float64{step, top}
	return step, top
}

// axisCareers returns the careers of the list whose charts share an
// axis: a list of pages (listJobs) or a skill's, "skill <slug>".
func (r *Renderer) axisCareers(list string) []*index.Career {
	if slug, ok := strings.CutPrefix(list, "skill "); ok {
		if sk := r.site.SkillBySlug(slug); sk != nil {
			return sk.Careers
		}
		return nil
	}
	return r.list(list)
}

// hashAxis is the value of an axis, or false when its list is gone.
func hashAxis(h *trace.Hash, v *values, id string) bool {
	_, list, _ := strings.Cut(id, " ")
	if list != "salaries" && v.r.axisCareers(list) == nil {
		return false
	}
	step, top := v.axis(id)
	h.Float(step).Float(top)
	return true
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
