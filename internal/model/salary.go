package model

import (
	"math"
	"strconv"
	"strings"
)

// Salary is a pay range in one currency over one period, with the
// figures a source gives for it. Every amount is in the salary's period
// and currency; zero means "not given".
type Salary struct {
	Min, Max  float64 // the range; Max is 0 for a pay floor with no top, "$150K+"
	Currency  string  // ISO 4217 code
	Period    string  // "year", "month" or "hour"
	OpenEnded bool    // the top is "and up"

	Median             float64 // the median a source gives, or 0
	P10, P25, P75, P90 float64 // percentiles, or 0
	// Source and AsOf say where the figures come from and the date they
	// describe. Estimate says that Min and Max are the site's own
	// estimate: with a Source, only the median and percentiles are the
	// source's; without one, every figure is the site's.
	Source   Source // where the figures come from; zero when not named
	AsOf     Month  // the date the figures describe
	Estimate bool   // Min and Max are the site's own estimate
	Note     string // how the source's occupation relates to the career
}

// Periods lists the accepted pay periods.
var Periods = []string{"year", "month", "hour"}

// perYear converts one period's pay to a year's, for comparing careers
// paid by different periods (40 hours a week, 52 weeks).
var perYear = map[string]float64{"year": 1, "month": 12, "hour": 2080}

// Floor reports whether the salary is a pay floor with no top, "$150K+":
// Max is 0 and the range open-ended.
func (s Salary) Floor() bool { return s.Max == 0 && s.OpenEnded }

// Top is the highest figure of the range: Max, or Min for a pay floor.
func (s Salary) Top() float64 {
	if s.Floor() {
		return s.Min
	}
	return s.Max
}

// Mid is the midpoint of the range; a pay floor's is its floor.
func (s Salary) Mid() float64 { return (s.Min + s.Top()) / 2 }

// Annual returns v, a figure in the salary's period, as a yearly figure.
func (s Salary) Annual(v float64) float64 {
	if f, ok := perYear[s.Period]; ok {
		return v * f
	}
	return v
}

// symbols are the currency signs shown in place of codes.
var symbols = map[string]string{
	"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹",
	"CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "CNY": "CN¥", "KRW": "₩",
	"BRL": "R$", "MXN": "MX$", "ILS": "₪", "NGN": "₦", "PHP": "₱",
	"VND": "₫", "UAH": "₴", "TRY": "₺",
}

// Symbol returns the sign for a currency code, or the code and a space.
func Symbol(code string) string {
	if s, ok := symbols[code]; ok {
		return s
	}
	return code + "\u00a0"
}

// Money formats v compactly: 95000 → "$95K", 1250000 → "$1.25M", 25 → "$25".
func Money(v float64, currency string) string {
	return Symbol(currency) + Compact(v)
}

// Compact formats v with a K or M suffix above a thousand.
func Compact(v float64) string {
	switch {
	case v >= 1e6:
		return trim(v/1e6, 2) + "M"
	case v >= 1e3:
		return trim(v/1e3, 1) + "K"
	default:
		return trim(v, 2)
	}
}

func trim(v float64, prec int) string {
	p := math.Pow(10, float64(prec))
	v = math.Round(v*p) / p
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Range formats the range as authors write it: "$95K – $220K+", or
// "$150K+" for a pay floor.
func (s Salary) Range() string {
	if s.Floor() {
		return Money(s.Min, s.Currency) + "+"
	}
	r := Money(s.Min, s.Currency) + " – " + Money(s.Max, s.Currency)
	if s.OpenEnded {
		r += "+"
	}
	return r
}

// PeriodText is "per year", "per month" or "per hour".
func (s Salary) PeriodText() string { return "per " + s.Period }

// String is the range with its period: "$95K – $220K+ per year".
func (s Salary) String() string { return s.Range() + " " + s.PeriodText() }

// MainCurrency returns the currency most of the salaries are paid in: the
// site's currency when it is among the most common, else the first of
// them in alphabetical order. Spans and charts compare pay in it alone.
func MainCurrency(salaries []Salary, site string) string {
	count := map[string]int{}
	for _, s := range salaries {
		count[s.Currency]++
	}
	best := site
	for cur, n := range count {
		if n > count[best] || n == count[best] && best != site && cur < best {
			best = cur
		}
	}
	return best
}
