package parse

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/currency"
)

// Figures are read as authors write them in any common locale. The rule:
//
//   - A space (also a no-break, narrow no-break or thin space) or an
//     apostrophe between digits groups thousands: 45 000, 45'000.
//   - A figure with two kinds of separator uses the last for decimals and
//     the others for thousands: 45.000,50 and 45,000.50.
//   - A separator that appears more than once groups thousands:
//     1.250.000, 1,250,000 (and India's 12,50,000).
//   - A lone . or , followed by one, two or four or more digits is the
//     decimal point: 45.5K, 3,5K, 25.50/hour.
//   - A lone . or , followed by exactly three digits groups thousands
//     (45.000 and 45,000 are both 45000), unless the figure could as well
//     be a decimal: when a K or M follows it (1.500K), when the pay is per
//     hour, or when the currency has three decimal places (such as KWD).
//     Such a figure is an error that gives both readings.
//
// Thousands groups have three digits, save the first, which has one to
// three; groups of two before the last (12,50,000) are India's.

// numeral is a figure's digits as written and what they read as.
type numeral struct {
	text  string  // as written
	value float64 // the reading
	// decimal is the other reading of a lone . or , before three digits,
	// which value reads as thousands; 0 when there is no other.
	decimal float64
}

// separators are the characters that may stand between digits.
func separator(r rune) bool {
	switch r {
	case '.', ',', ' ', '\'', '’', '\u00a0', '\u202f', '\u2009':
		return true
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanNumeral reads the figure at the start of s: digits, and separators
// each followed by a digit. It returns the figure and its length in
// bytes; a length of 0 means s starts with no digit.
func scanNumeral(s string) (numeral, int, error) {
	i := 0
	var groups []string // the runs of digits
	var seps []rune     // the separators between them
	for {
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == start {
			if len(groups) == 0 {
				return numeral{}, 0, nil
			}
			break
		}
		groups = append(groups, s[start:i])
		r, n := utf8.DecodeRuneInString(s[i:])
		if !separator(r) || i+n >= len(s) || !isDigit(s[i+n]) {
			break
		}
		seps = append(seps, r)
		i += n
	}
	text := s[:i]
	v, err := readNumeral(groups, seps)
	if err != nil {
		return numeral{}, i, fmt.Errorf("%q %v", text, err)
	}
	v.text = text
	return v, i, nil
}

// readNumeral applies the rule above to the digit groups and separators.
func readNumeral(groups []string, seps []rune) (numeral, error) {
	if len(seps) == 0 {
		return digits(groups[0], "")
	}
	kind := func(r rune) rune { // spaces are one kind
		if r != '.' && r != ',' && r != '\'' && r != '’' {
			return ' '
		}
		if r == '’' {
			return '\''
		}
		return r
	}
	last := kind(seps[len(seps)-1])
	whole, frac := groups, ""
	if (last == '.' || last == ',') && len(seps) > 1 && kind(seps[0]) != last {
		// 45.000,50: the last separator is the decimal point.
		whole, frac = groups[:len(groups)-1], groups[len(groups)-1]
		seps = seps[:len(seps)-1]
	} else if (last == '.' || last == ',') && len(seps) == 1 && len(groups[1]) != 3 {
		return digits(groups[0], groups[1]) // 45.5, 3,5
	}
	for _, r := range seps {
		if kind(r) != kind(seps[0]) {
			return numeral{}, errors.New("mixes separators; write it as 45000 or 45,000")
		}
	}
	if err := grouped(whole); err != nil {
		return numeral{}, err
	}
	n, err := digits(strings.Join(whole, ""), frac)
	if err == nil && len(seps) == 1 && frac == "" && (last == '.' || last == ',') {
		alt, _ := digits(groups[0], groups[1])
		n.decimal = alt.value
	}
	return n, err
}

// grouped checks that digit groups are thousands: the last of three
// digits, the first of one to three, and those between of three (or of
// two, India's way).
func grouped(gs []string) error {
	bad := len(gs[0]) > 3 || len(gs[len(gs)-1]) != 3
	for _, g := range gs[1 : len(gs)-1] {
		bad = bad || len(g) != 3 && len(g) != 2
	}
	if bad {
		return errors.New("groups its digits oddly; thousands come in groups of three, such as 45,000 or 45 000")
	}
	return nil
}

func digits(whole, frac string) (numeral, error) {
	s := whole
	if frac != "" {
		s += "." + frac
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return numeral{}, errors.New("is not a number")
	}
	return numeral{value: v}, nil
}

// AmbiguousError is a figure that reads as thousands or as a decimal.
type AmbiguousError struct {
	Text               string // the figure as written
	Thousands, Decimal float64
	Why                string // what makes the decimal reading possible
}

func (e *AmbiguousError) Error() string {
	t, d := payFigure(e.Thousands), strconv.FormatFloat(e.Decimal, 'f', -1, 64)
	return fmt.Sprintf("%s could be %s or %s, as %s; write %s or %s", e.Text, t, d, e.Why, strings.ReplaceAll(t, ",", ""), d)
}

// ambiguity returns why a figure with a lone separator before three
// digits could be a decimal, or "": currency is the pay's, period its
// period, mult the K or M after the figure.
func ambiguity(cur, period string, mult float64) string {
	switch {
	case mult > 1:
		return "a K or M follows it"
	case period == "hour":
		return "the pay is per hour"
	case threeDecimals(cur):
		return cur + " has three decimal places"
	}
	return ""
}

// threeDecimals reports whether a currency's amounts have three decimal
// places, such as the Kuwaiti dinar's.
func threeDecimals(code string) bool {
	u, err := currency.ParseISO(code)
	if err != nil {
		return false
	}
	scale, _ := currency.Standard.Rounding(u)
	return scale == 3
}
