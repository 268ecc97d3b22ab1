package render

import (
	"sort"
	"strings"

	"github.com/careerguide/careerguide/internal/model"
)

// Cited is a source and the careers that cite it, for the sources page.
type Cited struct {
	Name string // the source's name
	URL  string // the https address of its page
	Uses []Use  // by career A–Z, then figure
}

// Use is one figure of a career that a source gives.
type Use struct {
	Career *Career // the career citing it
	Figure string  // "Pay", "Outlook", "Demand" or "AI impact"
	Date   string  // the date the figures describe, "May 2023" or "2023–2033"; "" when not given
	Note   string  // how the source's occupation relates to the career
}

// Sources lists every source the careers cite, by name, each with the
// careers that cite it. It reads which careers cite a source or estimate
// their pay, and who their figures come from, not the figures: a career
// that does neither, added or edited, leaves the page as it is.
func (v *View) Sources() []*Cited {
	byKey := map[model.Source]*Cited{}
	var out []*Cited
	add := func(s model.Source, u Use) {
		if s.IsZero() {
			return
		}
		c := byKey[s]
		if c == nil {
			c = &Cited{Name: s.Name, URL: s.URL}
			byKey[s] = c
			out = append(out, c)
		}
		c.Uses = append(c.Uses, u)
	}
	for _, c := range v.citing() {
		ic := c.cited()
		if sal := ic.Salary; !sal.Source.IsZero() { // the figures are written only for a source
			add(sal.Source, Use{Career: c, Figure: payFigures(sal), Date: sal.AsOf.Text(), Note: sal.Note})
		}
		if o := ic.Outlook; o != nil {
			add(o.Source, Use{Career: c, Figure: "Outlook", Date: o.Period(), Note: o.Note})
		}
		add(ic.DemandSource, Use{Career: c, Figure: "Demand"})
		add(ic.AIImpactSource, Use{Career: c, Figure: "AI impact"})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].Name), strings.ToLower(out[j].Name)
		if a != b {
			return a < b
		}
		return out[i].URL < out[j].URL
	})
	return out
}

// Estimates lists the careers whose pay range is the site's own estimate,
// A–Z.
func (v *View) Estimates() []*Career {
	var out []*Career
	for _, c := range v.citing() {
		if c.cited().Salary.Estimate {
			out = append(out, c)
		}
	}
	return out
}

// payFigures names what a salary's source gives: the whole pay, or, when
// the range is the site's estimate, the median and percentiles.
func payFigures(s model.Salary) string {
	switch {
	case !s.Estimate:
		return "Pay"
	case s.Median > 0 && s.HasPercentiles():
		return "Median pay and percentiles"
	case s.HasPercentiles():
		return "Pay percentiles"
	}
	return "Median pay"
}

// citing returns the careers that cite a source or whose pay range is
// the guide's estimate, A–Z (kSiteCiting).
func (v *View) citing() []*Career {
	v.w.read(kSiteCiting, "")
	return v.w.careers(v.w.r.values.citing())
}
