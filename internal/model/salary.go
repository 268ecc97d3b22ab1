package model

import (
	"bytes"
	"math"
	"strconv"
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
	Source             Source  // where the figures come from; zero when not named
	AsOf               Month   // the date the figures describe
	// Estimate says that Min and Max are the site's own estimate: with a
	// Source, only the median and percentiles are the source's; without
	// one, every figure is the site's.
	Estimate bool
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
	var buf [32]byte
	return string(appendMoney(buf[:0], v, currency))
}

// appendMoney appends Money(v, currency) to b.
func appendMoney(b []byte, v float64, currency string) []byte {
	if s, ok := symbols[currency]; ok {
		b = append(b, s...)
	} else {
		b = append(append(b, currency...), "\u00a0"...)
	}
	return appendCompact(b, v)
}

// Compact formats v with a K or M suffix above a thousand.
func Compact(v float64) string {
	var buf [32]byte
	return string(appendCompact(buf[:0], v))
}

// appendCompact appends Compact(v) to b.
func appendCompact(b []byte, v float64) []byte {
	switch {
	case v >= 1e6:
		return append(appendTrim(b, v/1e6, 2), 'M')
	case v >= 1e3:
		return append(appendTrim(b, v/1e3, 1), 'K')
	default:
		return appendTrim(b, v, 2)
	}
}

// pow10 are the powers of ten appendTrim rounds to: math.Pow(10, prec).
var pow10 = [...]float64{1, 10, 100}

// appendTrim appends v rounded to prec decimals, without the zeros that
// end its fraction nor a point left alone.
func appendTrim(b []byte, v float64, prec int) []byte {
	p := pow10[prec]
	v = math.Round(v*p) / p
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', prec, 64)
	if bytes.IndexByte(b[start:], '.') >= 0 {
		for len(b) > start && b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		for len(b) > start && b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	return b
}

// Range formats the range as authors write it: "$95K – $220K+", or
// "$150K+" for a pay floor.
func (s Salary) Range() string {
	var buf [64]byte
	b := appendMoney(buf[:0], s.Min, s.Currency)
	if !s.Floor() {
		b = appendMoney(append(b, " – "...), s.Max, s.Currency)
	}
	if s.OpenEnded {
		b = append(b, '+')
	}
	return string(b)
}

// PeriodText is "per year", "per month" or "per hour".
func (s Salary) PeriodText() string {
	switch s.Period {
	case "year":
		return "per year"
	case "month":
		return "per month"
	case "hour":
		return "per hour"
	}
	return "per " + s.Period
}

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
	return MainOf(count, site)
}

// MainOf is MainCurrency of salaries counted by currency.
func MainOf(count map[string]int, site string) string {
	best := site
	for cur, n := range count {
		if n > count[best] || n == count[best] && best != site && cur < best {
			best = cur
		}
	}
	return best
}
