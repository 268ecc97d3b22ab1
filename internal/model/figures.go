package model

import (
	"strconv"
	"strings"
	"time"
)

// Source names where a figure comes from: a page a reader can open.
type Source struct {
	Name string // the page's name, such as "BLS Occupational Outlook Handbook"
	URL  string // its https address
}

// IsZero reports whether no source is named.
func (s Source) IsZero() bool { return s.Name == "" && s.URL == "" }

// Month is the date a figure describes, as precise as its source: a year
// and a month, or a year alone (Month 0). The zero Month is "not given".
type Month struct {
	Year  int // 2023; 0 when no date is given
	Month int // 1 to 12, or 0 for a whole year
}

// IsZero reports whether no date is given.
func (m Month) IsZero() bool { return m.Year == 0 }

// String is the date as authors write it: "2023-05", or "2023".
func (m Month) String() string {
	switch {
	case m.Year == 0:
		return ""
	case m.Month == 0:
		return strconv.Itoa(m.Year)
	}
	return strconv.Itoa(m.Year) + "-" + pad2(m.Month)
}

// Text is the date for readers: "May 2023", or "2023".
func (m Month) Text() string {
	switch {
	case m.Year == 0:
		return ""
	case m.Month == 0:
		return strconv.Itoa(m.Year)
	}
	return time.Month(m.Month).String() + " " + strconv.Itoa(m.Year)
}

// After reports whether m is later than the month of t.
func (m Month) After(t time.Time) bool {
	if m.Year != t.Year() {
		return m.Year > t.Year()
	}
	return m.Month > int(t.Month())
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Outlook is an occupation's projected employment: growth in percent over
// a period of years and openings a year, from a source.
type Outlook struct {
	Growth          float64 // percent over the period; may be negative
	HasGrowth       bool    // Growth was given (0% is a figure)
	From, To        int     // the period's first and last years, 2023 and 2033
	OpeningsPerYear int     // 0 when not given
	Source          Source  // where the projection comes from
	AsOf            Month   // the date it was published, when given
	Note            string  // how the source's occupation relates to the career
}

// Period is the projection's period, "2023–2033".
func (o Outlook) Period() string {
	if o.From == 0 {
		return ""
	}
	return strconv.Itoa(o.From) + "–" + strconv.Itoa(o.To)
}

// Educations lists the typical entry-level education a career may name:
// the categories of the U.S. Bureau of Labor Statistics, highest first.
var Educations = []string{
	"Doctoral or professional degree",
	"Master's degree",
	"Bachelor's degree",
	"Associate's degree",
	"Postsecondary nondegree award",
	"Some college, no degree",
	"High school diploma or equivalent",
	"No formal educational credential",
}

// ParseEducation matches s to one of Educations case-insensitively, with
// a straight or curly apostrophe.
func ParseEducation(s string) (string, bool) {
	key := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "’", "'")), " "))
	for _, e := range Educations {
		if strings.ToLower(e) == key {
			return e, true
		}
	}
	return "", false
}

// Typical is the pay a career's salary is known by: its median when one
// is given, else the middle of its range. Lists order careers by it.
func (s Salary) Typical() float64 {
	if s.Median > 0 {
		return s.Median
	}
	return s.Mid()
}

// Percentile is one of a salary's percentiles, for listing them.
type Percentile struct {
	Name  string  // "p10"
	Label string  // "10th percentile"
	Value float64 // in the salary's period
}

// Percentiles lists the percentiles given, lowest first, with the median
// in its place among them.
func (s Salary) Percentiles() []Percentile {
	all := []Percentile{{"p10", "10th percentile", s.P10}, {"p25", "25th percentile", s.P25}, {"median", "Median", s.Median},
		{"p75", "75th percentile", s.P75}, {"p90", "90th percentile", s.P90}}
	var out []Percentile
	for _, p := range all {
		if p.Value > 0 {
			out = append(out, p)
		}
	}
	return out
}

// HasPercentiles reports whether any of p10, p25, p75 and p90 is given.
func (s Salary) HasPercentiles() bool { return s.P10 > 0 || s.P25 > 0 || s.P75 > 0 || s.P90 > 0 }

// Exact formats v in full with thousands separators: 132270 → "$132,270",
// 45.5 → "$45.50".
func Exact(v float64, currency string) string {
	whole := int64(v)
	s := thousands(whole)
	if cents := int64((v-float64(whole))*100 + 0.5); cents > 0 {
		s += "." + pad2(int(cents))
	}
	return Symbol(currency) + s
}

// Exact formats v, a figure of the salary, in full in its currency:
// "$132,270".
func (s Salary) Exact(v float64) string { return Exact(v, s.Currency) }

// GrowthText is the growth with its sign: "+17%", "-3%" or "0%".
func (o Outlook) GrowthText() string {
	t := strconv.FormatFloat(o.Growth, 'f', -1, 64) + "%"
	if o.Growth > 0 {
		t = "+" + t
	}
	return t
}

// OpeningsText is the openings a year with thousands separators: "140,100".
func (o Outlook) OpeningsText() string { return thousands(int64(o.OpeningsPerYear)) }

// thousands writes n with thousands separators: 140100 → "140,100".
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
