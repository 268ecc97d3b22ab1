package parse

import (
	"errors"
	"testing"

	"github.com/careerguide/careerguide/internal/model"
)

func TestParseSalary(t *testing.T) {
	tests := []struct {
		in, dflt string
		want     model.Salary
	}{
		{"$95K – $220K+", "USD", model.Salary{Min: 95000, Max: 220000, Currency: "USD", Period: "year", OpenEnded: true}},
		{"$95,000-$220,000", "USD", model.Salary{Min: 95000, Max: 220000, Currency: "USD", Period: "year"}},
		{"€40K–€60K", "USD", model.Salary{Min: 40000, Max: 60000, Currency: "EUR", Period: "year"}},
		{"$25–$45/hour", "USD", model.Salary{Min: 25, Max: 45, Currency: "USD", Period: "hour"}},
		{"£3,000 - £4,500 per month", "USD", model.Salary{Min: 3000, Max: 4500, Currency: "GBP", Period: "month"}},
		{"95K-120K", "EUR", model.Salary{Min: 95000, Max: 120000, Currency: "EUR", Period: "year"}},
		{"$95-220K", "USD", model.Salary{Min: 95000, Max: 220000, Currency: "USD", Period: "year"}},
		{"CHF 100K to CHF 150K", "USD", model.Salary{Min: 100000, Max: 150000, Currency: "CHF", Period: "year"}},
		{"$1.2M—$2M+ annually", "USD", model.Salary{Min: 1.2e6, Max: 2e6, Currency: "USD", Period: "year", OpenEnded: true}},
		{"$80K-$100K", "CAD", model.Salary{Min: 80000, Max: 100000, Currency: "CAD", Period: "year"}},
		// Thousands separators as authors write them in every common locale.
		{"€45.000 – €60.000", "USD", model.Salary{Min: 45000, Max: 60000, Currency: "EUR", Period: "year"}},
		{"45.000 € - 60.000 €", "USD", model.Salary{Min: 45000, Max: 60000, Currency: "EUR", Period: "year"}},
		{"45 000 € – 60 000 €", "USD", model.Salary{Min: 45000, Max: 60000, Currency: "EUR", Period: "year"}},
		{"45\u00a0000 € – 60\u00a0000 €", "USD", model.Salary{Min: 45000, Max: 60000, Currency: "EUR", Period: "year"}},
		{"45\u202f000 € – 60\u202f000 €", "USD", model.Salary{Min: 45000, Max: 60000, Currency: "EUR", Period: "year"}},
		{"45\u2009000 € – 60\u2009000 €", "USD", model.Salary{Min: 45000, Max: 60000, Currency: "EUR", Period: "year"}},
		{"CHF 95'000 – CHF 120'000", "USD", model.Salary{Min: 95000, Max: 120000, Currency: "CHF", Period: "year"}},
		{"CHF 95’000 – 120’000", "USD", model.Salary{Min: 95000, Max: 120000, Currency: "CHF", Period: "year"}},
		{"$45,000 - $60,000", "USD", model.Salary{Min: 45000, Max: 60000, Currency: "USD", Period: "year"}},
		{"€1.250.000 – €2.000.000", "USD", model.Salary{Min: 1.25e6, Max: 2e6, Currency: "EUR", Period: "year"}},
		{"₹12,50,000 – ₹18,00,000", "USD", model.Salary{Min: 1.25e6, Max: 1.8e6, Currency: "INR", Period: "year"}},
		{"€3.500,50 – €4.200,00 per month", "USD", model.Salary{Min: 3500.5, Max: 4200, Currency: "EUR", Period: "month"}},
		{"$3,500.50 – $4,200.00 per month", "USD", model.Salary{Min: 3500.5, Max: 4200, Currency: "USD", Period: "month"}},
		{"1 234,50 € – 2 000,00 € per month", "USD", model.Salary{Min: 1234.5, Max: 2000, Currency: "EUR", Period: "month"}},
		// A lone separator before one or two digits is the decimal point.
		{"€3,5K – €4,5K per month", "USD", model.Salary{Min: 3500, Max: 4500, Currency: "EUR", Period: "month"}},
		{"$25.50–$45.75/hour", "USD", model.Salary{Min: 25.5, Max: 45.75, Currency: "USD", Period: "hour"}},
		{"45000 MXN - 60000 MXN", "USD", model.Salary{Min: 45000, Max: 60000, Currency: "MXN", Period: "year"}},
		// A pay floor.
		{"$150K+", "USD", model.Salary{Min: 150000, Currency: "USD", Period: "year", OpenEnded: true}},
		{"$120,000+", "USD", model.Salary{Min: 120000, Currency: "USD", Period: "year", OpenEnded: true}},
		{"€60.000+ per year", "USD", model.Salary{Min: 60000, Currency: "EUR", Period: "year", OpenEnded: true}},
		{"₹8L", "INR", model.Salary{}},
		{"$150K", "USD", model.Salary{}},
		{"45.000.00 €", "USD", model.Salary{}},
		{"45,00,00 – 50,000", "USD", model.Salary{}},
		{"45.000,000.5", "USD", model.Salary{}},
		{"$95K", "USD", model.Salary{}},
		{"about 100", "USD", model.Salary{}},
		{"$95K – €120K", "USD", model.Salary{}},
		{"$95K – $120K and change", "USD", model.Salary{}},
	}
	for _, tt := range tests {
		got, err := ParseSalary(tt.in, tt.dflt)
		if tt.want == (model.Salary{}) {
			if err == nil {
				t.Errorf("ParseSalary(%q) = %+v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseSalary(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

// TestAmbiguousSalary checks that a lone separator before three digits
// that may as well be a decimal point is an error giving both readings.
func TestAmbiguousSalary(t *testing.T) {
	tests := []struct{ in, want string }{
		{"KWD 45.500 – KWD 60.000", "45.500 could be 45,500 or 45.5, as KWD has three decimal places; write 45500 or 45.5"},
		{"$1.500K – $2K", "1.500 could be 1,500,000 or 1500, as a K or M follows it; write 1500000 or 1500"},
		{"$45.500–$60/hour", "45.500 could be 45,500 or 45.5, as the pay is per hour; write 45500 or 45.5"},
		{"BHD 1,250 - 2,000 per month", "1,250 could be 1,250 or 1.25, as BHD has three decimal places; write 1250 or 1.25"},
	}
	for _, tt := range tests {
		_, err := ParseSalary(tt.in, "USD")
		var amb *AmbiguousError
		if !errors.As(err, &amb) || err.Error() != tt.want {
			t.Errorf("ParseSalary(%q): %v; want %q", tt.in, err, tt.want)
		}
	}
}

func TestSalaryFormat(t *testing.T) {
	tests := []struct {
		s    model.Salary
		want string
	}{
		{model.Salary{Min: 95000, Max: 220000, Currency: "USD", Period: "year", OpenEnded: true}, "$95K – $220K+ per year"},
		{model.Salary{Min: 25, Max: 45.5, Currency: "USD", Period: "hour"}, "$25 – $45.5 per hour"},
		{model.Salary{Min: 40000, Max: 62500, Currency: "EUR", Period: "year"}, "€40K – €62.5K per year"},
		{model.Salary{Min: 1.25e6, Max: 2e6, Currency: "CHF", Period: "year"}, "CHF\u00a01.25M – CHF\u00a02M per year"},
		{model.Salary{Min: 150000, Currency: "USD", Period: "year", OpenEnded: true}, "$150K+ per year"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%+v = %q, want %q", tt.s, got, tt.want)
		}
	}
}
