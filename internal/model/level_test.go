package model

import "testing"

func TestParseLevel(t *testing.T) {
	tests := []struct {
		in   string
		want Level
	}{
		{"Low", Low}, {"low", Low}, {"LO", Low},
		{"Moderate", Moderate}, {"medium", Moderate}, {"Medium", Moderate}, {"med", Moderate}, {"Med.", Moderate}, {"mid", Moderate}, {"mod", Moderate},
		{"High", High}, {"hi", High},
		{"Very High", VeryHigh}, {"very_high", VeryHigh}, {"Very  high", VeryHigh}, {"very-high", VeryHigh},
		{"V. High", VeryHigh}, {"v high", VeryHigh}, {"V.High", VeryHigh}, {"veryhigh", VeryHigh},
		{"Very Hgh", 0}, {"v", 0}, {"very", 0}, {"very low", 0}, {"", 0}, {"medium high", 0},
	}
	for _, tt := range tests {
		got, ok := ParseLevel(tt.in)
		if got != tt.want || ok != (tt.want != 0) {
			t.Errorf("ParseLevel(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

func TestPayFloor(t *testing.T) {
	s := Salary{Min: 150000, Currency: "USD", Period: "year", OpenEnded: true}
	if !s.Floor() || s.Range() != "$150K+" || s.String() != "$150K+ per year" || s.Top() != 150000 || s.Mid() != 150000 || s.Typical() != 150000 {
		t.Errorf("floor: %v %q %q %v %v", s.Floor(), s.Range(), s.String(), s.Top(), s.Mid())
	}
	r := Salary{Min: 95000, Max: 220000, Currency: "USD", Period: "year", OpenEnded: true}
	if r.Floor() || r.Range() != "$95K – $220K+" || r.Top() != 220000 {
		t.Errorf("range: %v %q %v", r.Floor(), r.Range(), r.Top())
	}
}
