package model

import (
	"math"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// The formatting as it was written first, plainly, to check the faster
// one against.

func plainTrim(v float64, prec int) string {
	p := math.Pow(10, float64(prec))
	v = math.Round(v*p) / p
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func plainCompact(v float64) string {
	switch {
	case v >= 1e6:
		return plainTrim(v/1e6, 2) + "M"
	case v >= 1e3:
		return plainTrim(v/1e3, 1) + "K"
	default:
		return plainTrim(v, 2)
	}
}

func plainMoney(v float64, currency string) string { return Symbol(currency) + plainCompact(v) }

func plainRange(s Salary) string {
	if s.Floor() {
		return plainMoney(s.Min, s.Currency) + "+"
	}
	r := plainMoney(s.Min, s.Currency) + " – " + plainMoney(s.Max, s.Currency)
	if s.OpenEnded {
		r += "+"
	}
	return r
}

func TestMoneyFormats(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 0.004, 0.005, 0.995, 1, 9.999, 25, 45.5, 999, 999.94, 999.95, 999.99, 1000, 1049, 1050, 1099.99,
		95000, 99950, 99999, 999949, 999950, 999999, 1e6, 1234567, 1250000, 1999999, 1e9, 1e21, 1e300, -1, -1500, -2e6,
		math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		switch i % 4 {
		case 0:
			values = append(values, float64(r.Intn(3000000)))
		case 1:
			values = append(values, r.Float64()*1e4)
		case 2:
			values = append(values, math.Round(r.Float64()*1e7)/100)
		default:
			values = append(values, math.Ldexp(r.Float64(), r.Intn(80)-10))
		}
	}
	currencies := []string{"USD", "EUR", "CHF", "", "XYZ"}
	for i, v := range values {
		cur := currencies[i%len(currencies)]
		if got, want := Money(v, cur), plainMoney(v, cur); got != want {
			t.Fatalf("Money(%v, %q) = %q, want %q", v, cur, got, want)
		}
		if got, want := Compact(v), plainCompact(v); got != want {
			t.Fatalf("Compact(%v) = %q, want %q", v, got, want)
		}
		for _, open := range []bool{false, true} {
			for _, max := range []float64{0, values[(i+1)%len(values)]} {
				s := Salary{Min: v, Max: max, Currency: cur, OpenEnded: open, Period: []string{"year", "month", "hour", "week", ""}[i%5]}
				if got, want := s.Range(), plainRange(s); got != want {
					t.Fatalf("%+v.Range() = %q, want %q", s, got, want)
				}
				if got, want := s.PeriodText(), "per "+s.Period; got != want {
					t.Fatalf("%+v.PeriodText() = %q, want %q", s, got, want)
				}
			}
		}
	}
}

func BenchmarkRange(b *testing.B) {
	s := Salary{Min: 95000, Max: 1250000, Currency: "USD", Period: "year", OpenEnded: true}
	for i := 0; i < b.N; i++ {
		_ = s.Range()
	}
}

func BenchmarkPlainRange(b *testing.B) {
	s := Salary{Min: 95000, Max: 1250000, Currency: "USD", Period: "year", OpenEnded: true}
	for i := 0; i < b.N; i++ {
		_ = plainRange(s)
	}
}
