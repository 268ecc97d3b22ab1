package parse

import (
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
		{"₹8L", "INR", model.Salary{}},
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

func TestSalaryFormat(t *testing.T) {
	tests := []struct {
		s    model.Salary
		want string
	}{
		{model.Salary{Min: 95000, Max: 220000, Currency: "USD", Period: "year", OpenEnded: true}, "$95K – $220K+ per year"},
		{model.Salary{Min: 25, Max: 45.5, Currency: "USD", Period: "hour"}, "$25 – $45.5 per hour"},
		{model.Salary{Min: 40000, Max: 62500, Currency: "EUR", Period: "year"}, "€40K – €62.5K per year"},
		{model.Salary{Min: 1.25e6, Max: 2e6, Currency: "CHF", Period: "year"}, "CHF\u00a01.25M – CHF\u00a02M per year"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%+v = %q, want %q", tt.s, got, tt.want)
		}
	}
}
