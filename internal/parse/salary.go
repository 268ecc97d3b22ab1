package parse

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/currency"

	"github.com/careerguide/careerguide/internal/model"
)

// SalaryForms is shown whenever a salary cannot be read.
const SalaryForms = `write it as "$95K – $220K+", "$95,000-$220,000", "€40K–€60K" or "$25–$45/hour", or as the fields min, max, currency, period and open_ended`

// signs maps currency signs to codes. "$" is resolved separately.
var signs = map[string]string{"€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₪": "ILS", "₦": "NGN", "₱": "PHP", "₺": "TRY", "₴": "UAH", "₫": "VND"}

// periodWords maps the period spellings authors use to a period.
var periodWords = []struct{ word, period string }{
	{"/hour", "hour"}, {"/hr", "hour"}, {"/h", "hour"}, {"per hour", "hour"}, {"an hour", "hour"}, {"hourly", "hour"},
	{"/month", "month"}, {"/mo", "month"}, {"per month", "month"}, {"a month", "month"}, {"monthly", "month"},
	{"/year", "year"}, {"/yr", "year"}, {"/y", "year"}, {"per year", "year"}, {"a year", "year"}, {"yearly", "year"}, {"annually", "year"}, {"per annum", "year"},
}

// ParseSalary reads the shorthand forms authors write, such as
// "$95K – $220K+", "$95,000-$220,000", "€40K–€60K" and "$25–$45/hour".
// dflt is the currency used when the text names none.
func ParseSalary(s, dflt string) (model.Salary, error) {
	out := model.Salary{Period: "year"}
	t := strings.TrimSpace(s)
	lower := strings.ToLower(t)
	for _, p := range periodWords {
		if strings.HasSuffix(lower, p.word) {
			out.Period = p.period
			t = strings.TrimSpace(t[:len(t)-len(p.word)])
			break
		}
	}
	if strings.HasSuffix(t, "+") {
		out.OpenEnded = true
		t = strings.TrimSpace(strings.TrimSuffix(t, "+"))
	}
	sc := &scanner{s: t}
	lo, err := sc.amount()
	if err != nil {
		return out, err
	}
	hi := figure{mult: 1}
	if !sc.separator() {
		if rest := strings.TrimSpace(sc.s[sc.i:]); rest != "" {
			return out, fmt.Errorf("unexpected %q after the figure", rest)
		}
		if !out.OpenEnded {
			return out, errors.New("a range needs two figures, and a pay floor a + after its figure (\"$150K+\")")
		}
		// A pay floor: "$150K+".
	} else if hi, err = sc.amount(); err != nil {
		return out, err
	}
	if rest := strings.TrimSpace(sc.s[sc.i:]); rest != "" {
		return out, fmt.Errorf("unexpected %q after the range", rest)
	}
	if lo.mult == 1 && hi.mult > 1 && lo.value < 1000 {
		lo.mult = hi.mult // "$95-220K" means $95K-$220K
	}
	out.Min, out.Max = lo.value*lo.mult, hi.value*hi.mult
	cur := lo.currency
	if cur == "" {
		cur = hi.currency
	} else if hi.currency != "" && hi.currency != cur {
		return out, fmt.Errorf("the two figures are in different currencies (%s and %s)", lo.currency, hi.currency)
	}
	switch cur {
	case "":
		cur = dflt
	case "$":
		cur = "USD"
		if strings.HasSuffix(model.Symbol(dflt), "$") {
			cur = dflt
		}
	}
	out.Currency = cur
	for _, f := range []figure{lo, hi} {
		if f.decimal == 0 {
			continue
		}
		if why := ambiguity(cur, out.Period, f.mult); why != "" {
			return out, &AmbiguousError{Text: f.text, Thousands: f.value * f.mult, Decimal: f.decimal * f.mult, Why: why}
		}
	}
	return out, nil
}

type figure struct {
	numeral
	mult     float64
	currency string // a code, "$", or "" when not written
}

type scanner struct {
	s string
	i int
}

func (sc *scanner) space() {
	for sc.i < len(sc.s) {
		r, n := utf8.DecodeRuneInString(sc.s[sc.i:])
		if !unicode.IsSpace(r) {
			return
		}
		sc.i += n
	}
}

// cur reads a currency sign or a three-letter code, if one is there.
func (sc *scanner) cur() string {
	sc.space()
	rest := sc.s[sc.i:]
	if strings.HasPrefix(rest, "$") {
		sc.i++
		return "$"
	}
	for sign, code := range signs {
		if strings.HasPrefix(rest, sign) {
			sc.i += len(sign)
			return code
		}
	}
	if len(rest) >= 3 && isUpper(rest[:3]) && (len(rest) == 3 || !unicode.IsLetter(rune(rest[3]))) {
		sc.i += 3
		return rest[:3]
	}
	return ""
}

func isUpper(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func (sc *scanner) amount() (figure, error) {
	f := figure{mult: 1}
	f.currency = sc.cur()
	sc.space()
	num, n, err := scanNumeral(sc.s[sc.i:])
	if err != nil {
		return f, err
	}
	if n == 0 {
		if sc.i < len(sc.s) {
			r, _ := utf8.DecodeRuneInString(sc.s[sc.i:])
			return f, fmt.Errorf("expected a figure, found %q", r)
		}
		return f, errors.New("expected a figure")
	}
	sc.i += n
	f.numeral = num
	if next, _ := utf8.DecodeRuneInString(sc.s[min(sc.i+1, len(sc.s)):]); sc.i < len(sc.s) && !unicode.IsLetter(next) {
		switch sc.s[sc.i] { // K or M, not the start of a code such as MXN
		case 'k', 'K':
			f.mult = 1e3
			sc.i++
		case 'm', 'M':
			f.mult = 1e6
			sc.i++
		}
	}
	if f.currency == "" {
		f.currency = sc.cur()
	}
	return f, nil
}

func (sc *scanner) separator() bool {
	sc.space()
	rest := sc.s[sc.i:]
	for _, sep := range []string{"-", "–", "—", "to ", "~"} {
		if strings.HasPrefix(rest, sep) {
			sc.i += len(sep)
			return true
		}
	}
	return false
}

// knownCurrency reports whether code is an ISO 4217 currency code.
func knownCurrency(code string) bool {
	if len(code) != 3 || !isUpper(code) {
		return false
	}
	_, err := currency.ParseISO(code)
	return err == nil
}
