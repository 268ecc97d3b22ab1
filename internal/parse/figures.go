package parse

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
)

// Now is the current time, against which as_of dates are checked; tests
// replace it.
var Now = time.Now

var (
	sourceFields      = []string{"name", "url"}
	percentileFields  = []string{"p10", "p25", "p75", "p90"}
	outlookFields     = []string{"growth_percent", "period", "openings_per_year", "source", "as_of", "note"}
	socCode           = regexp.MustCompile(`^\d{2}-\d{4}(\.\d{2})?$`)
	monthDate         = regexp.MustCompile(`^(\d{4})(?:-(\d{1,2}))?$`)
	fullDate          = regexp.MustCompile(`^(\d{4})-(\d{2})-\d{2}`)
	periodYears       = regexp.MustCompile(`^(\d{4})\s*(?:-|–|—|to)\s*(\d{2}|\d{4})$`)
	percentileOrder   = []string{"p10", "p25", "median", "p75", "p90"}
	sourceExample     = "{name: U.S. Bureau of Labor Statistics, url: https://www.bls.gov/ooh/}"
	errSourceRequired = "a source needs both name and url, such as " + sourceExample
)

// source reads a source: the fields name and url, an https address.
func (f *fields) source(n *yaml.Node, field string) (model.Source, bool) {
	if n.Kind != yaml.MappingNode {
		f.errorf(n, field, "must be the fields name and url, such as %s, not %s", sourceExample, show(n))
		return model.Source{}, false
	}
	var s model.Source
	ok := true
	f.mapping(n, field+".", sourceFields, func(key string, v *yaml.Node) {
		var good bool
		switch key {
		case "name":
			s.Name, good = f.text(v, field+".name", true)
		case "url":
			var u string
			if u, good = f.text(v, field+".url", true); good {
				if why := httpsProblem(u); why != "" {
					f.errorf(v, field+".url", "%q %s", clip(u), why)
					good = false
				}
				s.URL = u
			}
		}
		ok = ok && good
	})
	for _, k := range sourceFields {
		if _, seen := f.seen[field+"."+k]; !seen {
			f.errorf(n, field+"."+k, "required field is missing; %s", errSourceRequired)
			ok = false
		}
	}
	return s, ok
}

// httpsProblem says why u is not the https address of a page, or "".
func httpsProblem(u string) string {
	p, err := url.Parse(u)
	switch {
	case err != nil || strings.ContainsAny(u, " \t\n"):
		return "is not an address; write the page's full https address"
	case p.Scheme != "https":
		return "is not an https address; link the page as https://…"
	case p.Host == "":
		return "has no host; write the page's full address, such as https://www.bls.gov/ooh/"
	}
	return ""
}

// asOf reads the date figures describe: YYYY or YYYY-MM, not in the future.
func (f *fields) asOf(n *yaml.Node, field string) (model.Month, bool) {
	v, ok := f.text(n, field, true)
	if !ok {
		return model.Month{}, false
	}
	m := monthDate.FindStringSubmatch(v)
	if m == nil {
		hint := ""
		if d := fullDate.FindStringSubmatch(v); d != nil {
			hint = "; for a day, give its month: " + d[1] + "-" + d[2]
		}
		f.errorf(n, field, "%q is not a year or a month; write it as YYYY or YYYY-MM, such as 2024-05%s", clip(v), hint)
		return model.Month{}, false
	}
	var out model.Month
	out.Year, _ = strconv.Atoi(m[1])
	if m[2] != "" {
		out.Month, _ = strconv.Atoi(m[2])
	}
	now := Now()
	switch {
	case out.Year < 1900 || out.Month > 12 || m[2] != "" && out.Month < 1:
		f.errorf(n, field, "%q is not a real month; write it as YYYY or YYYY-MM, such as 2024-05", v)
		return model.Month{}, false
	case out.After(now):
		f.errorf(n, field, "%s is in the future (today is %s); give the date the figures describe", out, now.Format("2006-01-02"))
		return model.Month{}, false
	}
	return out, true
}

// percentiles reads salary.percentiles into s.
func (f *fields) percentiles(n *yaml.Node, s *model.Salary, nodes map[string]*yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		f.errorf(n, "salary.percentiles", "must be the fields p10, p25, p75 and p90 (any of them), not %s", show(n))
		return false
	}
	ok := true
	f.mapping(n, "salary.percentiles.", percentileFields, func(key string, v *yaml.Node) {
		x, good := f.number(v, "salary.percentiles."+key)
		nodes[key] = v
		switch key {
		case "p10":
			s.P10 = x
		case "p25":
			s.P25 = x
		case "p75":
			s.P75 = x
		case "p90":
			s.P90 = x
		}
		ok = ok && good
	})
	return ok
}

// checkFigures applies the rules of the median and percentiles: under the
// pay limit, rising from p10 to p90, and a median inside the range unless
// the range is the site's estimate for a role and a note says how the
// source's figures relate to it.
// The median is compared with the range only when the range is good.
func (f *fields) checkFigures(s model.Salary, nodes map[string]*yaml.Node, rangeOK bool) bool {
	ok := true
	value := map[string]float64{"p10": s.P10, "p25": s.P25, "median": s.Median, "p75": s.P75, "p90": s.P90}
	field := func(k string) string {
		if k == "median" {
			return "salary.median"
		}
		return "salary.percentiles." + k
	}
	prev := ""
	for _, k := range percentileOrder {
		v := value[k]
		if v <= 0 || nodes[k] == nil {
			continue
		}
		if !(s.Annual(v) <= MaxAnnualPay) {
			f.errorf(nodes[k], field(k), "%s is above the limit of %s a year; check the figure and its period", strings.TrimSpace(nodes[k].Value), payFigure(MaxAnnualPay))
			ok = false
			if k == "median" {
				rangeOK = false // no use comparing it with the range
			}
			continue
		}
		if prev != "" && v < value[prev] {
			f.errorf(nodes[k], field(k), "%s is below %s (%s); the figures must rise: p10 ≤ p25 ≤ median ≤ p75 ≤ p90", payFigure(v), prev, payFigure(value[prev]))
			ok = false
		}
		prev = k
	}
	if m := nodes["median"]; rangeOK && m != nil && s.Median > 0 && (s.Median < s.Min || s.Max > 0 && s.Median > s.Max) {
		explained := s.Estimate && !s.Source.IsZero() && s.Note != ""
		if !explained {
			span := payFigure(s.Min) + "–" + payFigure(s.Max)
			if s.Floor() {
				span = payFigure(s.Min) + " and up"
			}
			msg := "%s is outside the range %s; check both figures"
			if s.Estimate && !s.Source.IsZero() {
				msg += ", or say in salary.note how the source's occupation relates to this career"
			}
			f.warnf(m, "salary.median", msg, payFigure(s.Median), span)
		}
	}
	return ok
}

// outlook reads a career's projected outlook.
func (f *fields) outlook(n *yaml.Node) (*model.Outlook, bool) {
	if n.Kind != yaml.MappingNode {
		f.errorf(n, "outlook", "must be the fields growth_percent, period, openings_per_year, source and as_of, not %s", show(n))
		return nil, false
	}
	o := &model.Outlook{}
	ok := true
	f.mapping(n, "outlook.", outlookFields, func(key string, v *yaml.Node) {
		good := true
		switch key {
		case "growth_percent":
			o.Growth, good = f.percent(v, "outlook.growth_percent")
			o.HasGrowth = good
		case "period":
			o.From, o.To, good = f.period(v, "outlook.period")
		case "openings_per_year":
			var x float64
			if x, good = f.number(v, "outlook.openings_per_year"); good {
				if x != float64(int(x)) || x > 1e9 {
					f.errorf(v, "outlook.openings_per_year", "must be a whole number of openings a year, not %s", show(v))
					good = false
				}
				o.OpeningsPerYear = int(x)
			}
		case "source":
			o.Source, good = f.source(v, "outlook.source")
		case "as_of":
			o.AsOf, good = f.asOf(v, "outlook.as_of")
		case "note":
			o.Note, good = f.text(v, "outlook.note", false)
		}
		ok = ok && good
	})
	for _, k := range []string{"period", "source"} {
		if _, seen := f.seen["outlook."+k]; !seen {
			f.errorf(n, "outlook."+k, "required field is missing")
			ok = false
		}
	}
	_, growth := f.seen["outlook.growth_percent"]
	_, openings := f.seen["outlook.openings_per_year"]
	if !growth && !openings {
		f.errorf(n, "outlook", "gives no figure; add growth_percent, openings_per_year or both")
		ok = false
	}
	return o, ok
}

// percent reads a growth in percent: "17", "-3" or "17%".
func (f *fields) percent(n *yaml.Node, field string) (float64, bool) {
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		v := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(n.Value), "%"))
		if x, err := strconv.ParseFloat(v, 64); err == nil && x >= -100 && x <= 1000 {
			return x, true
		}
	}
	f.errorf(n, field, "%s is not a growth in percent from -100 to 1000, such as 17 or -3", show(n))
	return 0, false
}

// period reads a projection's years: "2023–2033", "2023-2033" or "2023–33".
func (f *fields) period(n *yaml.Node, field string) (int, int, bool) {
	if n.Kind == yaml.ScalarNode {
		if m := periodYears.FindStringSubmatch(strings.TrimSpace(n.Value)); m != nil {
			from, _ := strconv.Atoi(m[1])
			to, _ := strconv.Atoi(m[2])
			if len(m[2]) == 2 {
				to += from / 100 * 100
				if to < from {
					to += 100
				}
			}
			if from >= 1900 && to > from && to-from <= 50 {
				return from, to, true
			}
		}
	}
	f.errorf(n, field, "%s is not a period of years; write it as 2023–2033", show(n))
	return 0, 0, false
}

// soc reads an O*NET-SOC code.
func (f *fields) soc(n *yaml.Node) string {
	s, ok := f.text(n, "soc", true)
	if !ok {
		return ""
	}
	if !socCode.MatchString(s) {
		f.errorf(n, "soc", "%q is not an O*NET-SOC code; write it as NN-NNNN or NN-NNNN.NN, such as 15-1252 or 15-1252.00", clip(s))
		return ""
	}
	return s
}

// education reads a typical entry-level education.
func (f *fields) education(n *yaml.Node) string {
	s, ok := f.text(n, "education", true)
	if !ok {
		return ""
	}
	e, ok := model.ParseEducation(s)
	if !ok {
		msg := fmt.Sprintf("%q is not one of %s", clip(s), strings.Join(model.Educations, "; "))
		if near, close := diag.Nearest(s, model.Educations); close {
			msg += "; did you mean " + near + "?"
		}
		f.errorf(n, "education", "%s", msg)
	}
	return e
}

// Unsourced warns, for `careerguide check`, about a career whose pay
// names no source or no date. Drafts are left out: they are not done.
func Unsourced(c *model.Career, ds *diag.List) {
	if c.Draft {
		return
	}
	at := c.At("salary")
	s := c.Salary
	if s.Source.IsZero() && !s.Estimate {
		ds.Warnf(c.Source, at.Line, at.Col, "salary", "names no source; add salary.source, the name and https url of the page the figures come from, or estimate: true if they are the site's own estimate")
	}
	if s.AsOf.IsZero() {
		ds.Warnf(c.Source, at.Line, at.Col, "salary", "has no date; add salary.as_of, the year or month the figures describe, such as 2024-05")
	}
}
