package render

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/careerguide/careerguide/internal/model"
)

// APIVersion is the version of the JSON API's shape, in both files'
// "version". It changes when a field is removed or changes meaning, not
// when one is added.
const APIVersion = 1

// APISource is where a figure comes from.
type APISource struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// APISalary is a salary in the JSON API.
type APISalary struct {
	Min         float64            `json:"min"`
	Max         *float64           `json:"max"` // null for a pay floor, "$150K+"
	Currency    string             `json:"currency"`
	Period      string             `json:"period"`
	OpenEnded   bool               `json:"open_ended"`
	Text        string             `json:"text"`
	Median      *float64           `json:"median"`
	Percentiles map[string]float64 `json:"percentiles"` // only the percentiles given; null when none is
	Source      *APISource         `json:"source"`
	AsOf        *string            `json:"as_of"`
	Estimate    bool               `json:"estimate"`
	Note        *string            `json:"note"`
}

// APIOutlook is a career's projected outlook.
type APIOutlook struct {
	GrowthPercent   *float64   `json:"growth_percent"`
	Period          string     `json:"period"`
	OpeningsPerYear *int       `json:"openings_per_year"`
	Source          *APISource `json:"source"`
	AsOf            *string    `json:"as_of"`
	Note            *string    `json:"note"`
}

// APICareer is a career in api/careers.json.
type APICareer struct {
	Slug           string      `json:"slug"`
	Title          string      `json:"title"`
	Summary        string      `json:"summary"`
	Category       string      `json:"category"`
	URL            string      `json:"url"`
	Salary         APISalary   `json:"salary"`
	Demand         string      `json:"demand"`
	DemandSource   *APISource  `json:"demand_source"`
	AIImpact       string      `json:"ai_impact"`
	AIImpactSource *APISource  `json:"ai_impact_source"`
	Outlook        *APIOutlook `json:"outlook"`
	SOC            *string     `json:"soc"`
	Education      *string     `json:"education"`
	Skills         []string    `json:"skills"`
	Updated        string      `json:"updated,omitempty"`
}

// APISkill is a skill in api/skills.json.
type APISkill struct {
	Name    string   `json:"name"`
	Slug    string   `json:"slug"`
	URL     string   `json:"url"`
	Careers []string `json:"careers"`
	Salary  struct {
		Min       float64 `json:"min"`
		Median    float64 `json:"median"`
		Max       float64 `json:"max"`
		Currency  string  `json:"currency"`
		Period    string  `json:"period"`
		OpenEnded bool    `json:"open_ended"`
	} `json:"salary"`
}

// apiRun is how many careers a run of api/careers.json holds on average.
const apiRun = 64

// api writes api/careers.json or api/skills.json. Each career's object
// is a fragment, so a change to one career writes the list again without
// encoding the others. Both files begin with the API's version and the
// date the data was generated: the latest `updated` among the careers,
// so that two builds of the same files are the same.
func (w *worker) api(which string) ([]byte, error) {
	site := &Site{w}
	indent := "  "
	if w.r.opts.Minify {
		indent = ""
	}
	careers := site.Careers()
	generated := "null"
	w.read(kSiteGenerated, "")
	if g := w.r.values.generated(); g != "" {
		generated = strconv.Quote(g)
	}
	// The worker's buffer: the file is megabytes on a large site, and is
	// written out before the worker renders its next job (Output).
	b := &w.buf
	b.Reset()
	field := func(name, value string) {
		if indent == "" {
			b.WriteString(`"` + name + `":` + value + `,`)
		} else {
			b.WriteString("\n  \"" + name + "\": " + value + ",")
		}
	}
	b.WriteString("{")
	field("version", strconv.Itoa(APIVersion))
	field("generated", generated)
	// The list is written element by element, each encoded already at
	// the depth of the list's items.
	open := func(name string) {
		if indent == "" {
			b.WriteString(`"` + name + `":[`)
		} else {
			b.WriteString("\n  \"" + name + "\": [")
		}
	}
	item := func(b *bytes.Buffer, i int, data []byte) {
		if i > 0 {
			b.WriteByte(',')
		}
		if indent != "" {
			b.WriteString("\n    ")
		}
		b.Write(data)
	}
	closeList := func(n int) {
		if indent != "" && n > 0 {
			b.WriteString("\n  ")
		}
		b.WriteString("]")
	}
	if which == "careers" {
		open("careers")
		// In runs of careers (inRuns), each a fragment of its careers'
		// own: an edit of one career makes one run again, and a new, gone
		// or moved career the runs it leaves or joins, not every piece
		// after its place.
		sums := careerSums(careers)
		var pieces [][]byte
		long := len(careers) >= longList
		err := inRuns(sums, apiRun, func(lo, hi int, id run) error {
			v, err := w.fragment(fragment{"api", id}, long, func() (any, error) {
				var p bytes.Buffer
				for i, c := range careers[lo:hi] {
					v, err := w.fragment(fragment{"api", "career " + c.Slug()}, false, func() (any, error) {
						return marshal(w.apiCareer(c), strings.Repeat(indent, 2), indent)
					})
					if err != nil {
						return nil, err
					}
					item(&p, i, v.([]byte))
				}
				return p.Bytes(), nil
			})
			if err == nil {
				pieces = append(pieces, v.([]byte))
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		grow(b, pieces)
		for i, p := range pieces {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(p)
		}
		closeList(len(careers))
	} else {
		open("skills")
		// Each skill's object is a fragment: an edit of one career makes
		// its skills' objects again, not every skill's.
		skills := site.Skills()
		pieces := make([][]byte, len(skills))
		long := len(skills) >= longList
		for i, sk := range skills {
			v, err := w.fragment(fragment{"api", "skill " + sk.Slug()}, long, func() (any, error) {
				return marshal(w.apiSkill(sk), strings.Repeat(indent, 2), indent)
			})
			if err != nil {
				return nil, err
			}
			pieces[i] = v.([]byte)
		}
		grow(b, pieces)
		for i, p := range pieces {
			item(b, i, p)
		}
		closeList(len(skills))
	}
	if indent != "" {
		b.WriteString("\n")
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// grow makes room in b for pieces, and the few bytes written between
// them: the API's lists are megabytes on a large site, written into a
// buffer of their size rather than one that copies what it holds each
// time it grows.
func grow(b *bytes.Buffer, pieces [][]byte) {
	n := 64
	for _, p := range pieces {
		n += len(p) + 8
	}
	b.Grow(n)
}

// generated is the latest date a career was reviewed (its updated), or
// "": the value of kSiteGenerated, worked out once per site.
func (v *values) generated() string {
	v.generatedOnce.Do(func() {
		for _, c := range v.r.site.Careers {
			if !c.Updated.IsZero() {
				if d := c.Updated.Format("2006-01-02"); d > v.generatedDate {
					v.generatedDate = d
				}
			}
		}
	})
	return v.generatedDate
}

// apiSkill is a skill as the JSON API shows it.
func (w *worker) apiSkill(sk *Skill) APISkill {
	a := APISkill{Name: sk.Name(), Slug: sk.Slug(), URL: w.abs(sk.URL()), Careers: []string{}}
	for _, c := range sk.Careers() {
		a.Careers = append(a.Careers, c.Slug())
	}
	a.Salary.Min, a.Salary.Median, a.Salary.Max = sk.Min(), sk.Median(), sk.Max()
	a.Salary.Currency, a.Salary.Period, a.Salary.OpenEnded = sk.Currency(), "year", sk.OpenEnded()
	return a
}

// marshal encodes v as JSON, indented unless indent is empty.
func marshal(v any, prefix, indent string) ([]byte, error) {
	if indent == "" {
		return json.Marshal(v)
	}
	return json.MarshalIndent(v, prefix, indent)
}

// apiCareer is a career as the JSON API shows it.
func (w *worker) apiCareer(c *Career) APICareer {
	sal := c.Salary()
	a := APICareer{Slug: c.Slug(), Title: c.Title(), Summary: c.Summary(), Category: c.Category(), URL: w.abs(c.URL()),
		Salary: APISalary{Min: sal.Min, Max: optional(sal.Max), Currency: sal.Currency, Period: sal.Period, OpenEnded: sal.OpenEnded, Text: sal.String(),
			Median: optional(sal.Median), Source: apiSource(sal.Source), AsOf: optionalText(sal.AsOf.String()), Estimate: sal.Estimate, Note: optionalText(sal.Note)},
		Demand: c.Demand().String(), DemandSource: apiSource(c.DemandSource()), AIImpact: c.AIImpact().String(), AIImpactSource: apiSource(c.AIImpactSource()),
		SOC: optionalText(c.SOC()), Education: optionalText(c.Education()), Skills: []string{}}
	for _, p := range sal.Percentiles() {
		if p.Name != "median" {
			if a.Salary.Percentiles == nil {
				a.Salary.Percentiles = map[string]float64{}
			}
			a.Salary.Percentiles[p.Name] = p.Value
		}
	}
	if o := c.Outlook(); o != nil {
		a.Outlook = &APIOutlook{Period: o.Period(), Source: apiSource(o.Source), AsOf: optionalText(o.AsOf.String()), Note: optionalText(o.Note)}
		if o.HasGrowth {
			a.Outlook.GrowthPercent = &o.Growth
		}
		if o.OpeningsPerYear > 0 {
			a.Outlook.OpeningsPerYear = &o.OpeningsPerYear
		}
	}
	for _, sk := range c.Skills() {
		a.Skills = append(a.Skills, sk.Name())
	}
	if u := c.Updated(); !u.IsZero() {
		a.Updated = u.Format("2006-01-02")
	}
	return a
}

func apiSource(s model.Source) *APISource {
	if s.IsZero() {
		return nil
	}
	return &APISource{Name: s.Name, URL: s.URL}
}

// optional is v, or nil (null) when it is zero: not given.
func optional(v float64) *float64 {
	if v == 0 {
		return nil
	}
	return &v
}

func optionalText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
