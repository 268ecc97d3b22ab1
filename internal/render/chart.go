package render

import (
	"math"
	"strings"

	"github.com/careerguide/careerguide/internal/model"
)

// Chart is the geometry of a salary range chart, drawn as inline SVG by
// the theme: one horizontal bar per career from the bottom to the top of
// its yearly range, on a currency axis.
type Chart struct {
	Title, Desc   string
	Width, Height int
	PlotX, PlotW  int // the bars' area
	AxisY         int // where the axis line is drawn
	LabelX        int // right edge of the career labels
	Currency      string
	Rows          []ChartRow
	Ticks         []Tick
	Omitted       int // careers paid in another currency, left out
}

// ChartRow is one career's bar, placed at Y.
type ChartRow struct {
	Slug             string
	Y                int // top of the bar
	Bar              Bar
	Category         string
	Demand, AIImpact string
}

// Bar is what a bar draws, relative to its row.
type Bar struct {
	Label, Short string // the career, and cut to fit the label column
	Text         string // the range as text, "$95K – $220K+"
	LabelX       int    // right edge of the label
	X1, X2, W    float64
	OpenEnded    bool
}

// Tick is a labelled mark on the axis.
type Tick struct {
	X     float64
	Label string
}

const (
	chartWidth = 720
	labelWidth = 210
	rowHeight  = 22
	barHeight  = 12
	arrow      = 18 // length of the "and up" extension past an open top
)

// chart lays out careers (already in display order), on a yearly scale in
// the currency most of them are paid in.
func (w *worker) chart(careers []*Career, title, desc string) *Chart {
	salaries := make([]model.Salary, len(careers))
	for i, c := range careers {
		salaries[i] = c.Salary()
	}
	cur := model.MainCurrency(salaries, (&Site{w}).Config().Currency)
	ch := &Chart{Title: title, Desc: desc, Width: chartWidth, PlotX: labelWidth, LabelX: labelWidth - 8, PlotW: chartWidth - labelWidth - arrow - 14, Currency: cur}
	top := 0.0
	for _, s := range salaries {
		if s.Currency == cur {
			top = math.Max(top, s.Annual(s.Max))
		}
	}
	step := niceStep(top)
	axisMax := math.Ceil(top/step) * step
	if axisMax == 0 {
		axisMax = 1
	}
	x := func(v float64) float64 {
		return math.Round((float64(ch.PlotX)+v/axisMax*float64(ch.PlotW))*10) / 10
	}
	y := 8
	for i, c := range careers {
		s := salaries[i]
		if s.Currency != cur {
			ch.Omitted++
			continue
		}
		annual := model.Salary{Min: s.Annual(s.Min), Max: s.Annual(s.Max), Currency: s.Currency, Period: "year", OpenEnded: s.OpenEnded}
		x1, x2 := x(annual.Min), x(annual.Max)
		ch.Rows = append(ch.Rows, ChartRow{Slug: c.Slug(), Y: y, Category: c.Category(), Demand: c.Demand().String(), AIImpact: c.AIImpact().String(),
			Bar: Bar{Label: c.Title(), Short: shorten(c.Title(), 30), Text: annual.Range(), LabelX: ch.LabelX,
				X1: x1, X2: x2, W: math.Max(x2-x1, 2), OpenEnded: s.OpenEnded}})
		y += rowHeight
	}
	ch.AxisY = y + 2
	ch.Height = y + 26
	for v := 0.0; v <= axisMax+step/2; v += step {
		ch.Ticks = append(ch.Ticks, Tick{X: x(v), Label: model.Money(v, cur)})
	}
	return ch
}

// niceStep picks an axis step of 1, 2, 2.5 or 5 times a power of ten that
// gives four to eight ticks up to top.
func niceStep(top float64) float64 {
	if top <= 0 {
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

// shorten cuts s to at most n characters, ending it with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
