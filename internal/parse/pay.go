package parse

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/careerguide/careerguide/internal/model"
)

// salary reads the salary field in either of its forms: a range written
// as text, or fields, where the range is min and max (or range, as text)
// and the figures a source gives may follow.
func (f *fields) salary(n *yaml.Node, dflt string) (model.Salary, bool) {
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		s, err := ParseSalary(n.Value, dflt)
		if err != nil {
			f.salaryError(n, "salary", n.Value, err)
			return s, false
		}
		return s, f.checkSalary(n, s, nil)
	}
	if n.Kind != yaml.MappingNode {
		f.errorf(n, "salary", "must be a range such as \"$95K – $220K+\" or the fields min and max, not %s", show(n))
		return model.Salary{}, false
	}
	s := model.Salary{Currency: dflt, Period: "year"}
	ok, rangeOK := true, true // every field read; the range's fields read
	nodes := map[string]*yaml.Node{}
	f.mapping(n, "salary.", SalaryFields, func(key string, v *yaml.Node) {
		nodes[key] = v
		var good bool
		switch key {
		case "min":
			s.Min, good = f.number(v, "salary.min")
		case "max":
			s.Max, good = f.number(v, "salary.max")
		case "currency":
			var c string
			if c, good = f.text(v, "salary.currency", true); good {
				s.Currency = strings.ToUpper(c)
			}
		case "period":
			var p string
			if p, good = f.text(v, "salary.period", true); good {
				s.Period = strings.ToLower(p)
				if !contains(model.Periods, s.Period) {
					f.errorf(v, "salary.period", "%q is not one of %s", p, strings.Join(model.Periods, ", "))
					good = false
				}
			}
		case "open_ended":
			s.OpenEnded, good = f.boolean(v, "salary.open_ended")
		default:
			good = f.salaryFigures(key, v, &s, nodes)
		}
		ok = ok && good
		if key == "range" || slices.Contains(rangeFields, key) {
			rangeOK = rangeOK && good
		}
	})
	if r := nodes["range"]; r != nil {
		for _, k := range rangeFields {
			if nodes[k] != nil {
				f.errorf(nodes[k], "salary."+k, "the range is already given as range on line %d; keep range or the fields min, max, currency, period and open_ended, not both", f.at(r).Line)
				rangeOK = false
			}
		}
	} else {
		if nodes["min"] == nil {
			f.errorf(n, "salary.min", "required field is missing")
			rangeOK = false
		}
		if nodes["max"] == nil && !s.OpenEnded {
			f.errorf(n, "salary.max", "required field is missing; for a pay floor with no top, such as $150K+, set open_ended: true")
			rangeOK = false
		}
	}
	rangeOK = rangeOK && f.checkLone(s)
	rangeOK = rangeOK && f.checkSalary(n, s, nodes)
	figures := f.checkFigures(s, nodes, rangeOK)
	return s, ok && rangeOK && figures
}

// rangeFields are the fields that give a salary's range one by one.
var rangeFields = []string{"min", "max", "currency", "period", "open_ended"}

// salaryFigures reads the salary's fields beyond its range: range as
// text, median, percentiles, source, as_of, estimate and note.
func (f *fields) salaryFigures(key string, v *yaml.Node, s *model.Salary, nodes map[string]*yaml.Node) bool {
	var good bool
	switch key {
	case "range":
		var text string
		if text, good = f.text(v, "salary.range", true); good {
			r, err := ParseSalary(text, s.Currency)
			if err != nil {
				f.salaryError(v, "salary.range", text, err)
				return false
			}
			s.Min, s.Max, s.Currency, s.Period, s.OpenEnded = r.Min, r.Max, r.Currency, r.Period, r.OpenEnded
		}
	case "median":
		s.Median, good = f.number(v, "salary.median")
	case "percentiles":
		good = f.percentiles(v, s, nodes)
	case "source":
		s.Source, good = f.source(v, "salary.source")
	case "as_of":
		s.AsOf, good = f.asOf(v, "salary.as_of")
	case "estimate":
		s.Estimate, good = f.boolean(v, "salary.estimate")
	case "note":
		s.Note, good = f.text(v, "salary.note", false)
	}
	return good
}

// checkSalary applies the rules both forms share.
func (f *fields) checkSalary(n *yaml.Node, s model.Salary, nodes map[string]*yaml.Node) bool {
	pick := func(k string) *yaml.Node {
		if nodes != nil && nodes[k] != nil {
			return nodes[k]
		}
		if nodes != nil && nodes["range"] != nil {
			return nodes["range"]
		}
		return n
	}
	ok := true
	if !knownCurrency(s.Currency) {
		f.errorf(pick("currency"), "salary.currency", "%q is not an ISO 4217 currency code such as USD, EUR or GBP", s.Currency)
		ok = false
	}
	if s.Min <= 0 || s.Max < 0 || s.Max == 0 && !s.OpenEnded {
		f.errorf(n, "salary", "amounts must be positive")
		return false
	}
	if s.Max > 0 && s.Min > s.Max {
		f.errorf(pick("min"), "salary", "min %s is greater than max %s; swap them", model.Compact(s.Min), model.Compact(s.Max))
		ok = false
	}
	for _, k := range []string{"min", "max"} {
		v := s.Min
		if k == "max" {
			v = s.Max
		}
		if v == 0 && k == "max" {
			continue // a pay floor
		}
		if !(s.Annual(v) <= MaxAnnualPay) {
			limit := payFigure(MaxAnnualPay) + " a year"
			if s.Period != "year" {
				limit = fmt.Sprintf("%s per %s (%s)", payFigure(math.Floor(MaxAnnualPay/s.Annual(1))), s.Period, limit)
			}
			figure := payFigure(v)
			if nodes != nil && nodes[k] != nil {
				figure = strings.TrimSpace(nodes[k].Value) // as written
			}
			f.errorf(pick(k), "salary."+k, "%s is above the limit of %s; check the figure and its period", figure, limit)
			return false
		}
	}
	if ok && s.Annual(s.Min) < MinAnnualPay {
		per := ""
		if s.Period != "year" {
			per = fmt.Sprintf(" (%s per %s is %s a year)", payFigure(s.Min), s.Period, payFigure(s.Annual(s.Min)))
		}
		f.warnf(pick("min"), "salary", "%s is below %s a year%s, too little for a salary; check the figure, its K (45K is 45,000) and its period", model.Money(s.Min, s.Currency), payFigure(MinAnnualPay), per)
	}
	return ok
}

// salaryError reports a salary written as text that cannot be read.
func (f *fields) salaryError(n *yaml.Node, field, text string, err error) {
	var amb *AmbiguousError
	if errors.As(err, &amb) {
		f.errorf(n, field, "%q is ambiguous: %v", text, err)
		return
	}
	f.errorf(n, field, "cannot read %q: %v; %s", text, err, SalaryForms)
}

// checkLone reports the salary's figures whose lone separator before
// three digits may be a decimal point as well as a thousands separator,
// now that the currency and period are known (see numeral.go).
func (f *fields) checkLone(s model.Salary) bool {
	ok := true
	for _, l := range f.lone {
		if !strings.HasPrefix(l.field, "salary.") {
			continue
		}
		if why := ambiguity(s.Currency, s.Period, l.mult); why != "" {
			err := &AmbiguousError{Text: l.text, Thousands: l.thousands, Decimal: l.decimal, Why: why}
			f.errorf(l.node, l.field, "%v", err)
			ok = false
		}
	}
	f.lone = nil
	return ok
}

// payFigure writes a salary figure for a message: 1.7e+308, 3e+08 or
// 250,000.
func payFigure(v float64) string {
	if math.IsInf(v, 0) || v >= 1e15 || v != math.Trunc(v) && v > 1e6 {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	return thousands(int(v))
}
