package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"sort"
	"strings"
	"time"

	"github.com/careerguide/careerguide/internal/index"
)

// sitemap writes sitemap.xml: every page a reader can land on.
func (w *worker) sitemap() ([]byte, error) {
	site := &Site{w}
	type entry struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	var urls []entry
	add := func(p string, t time.Time) {
		e := entry{Loc: w.abs(p)}
		if !t.IsZero() {
			e.LastMod = t.Format("2006-01-02")
		}
		urls = append(urls, e)
	}
	fixed := []string{"", "careers/", "skills/", "salaries/", "categories/", "compare/"}
	for _, p := range fixed {
		add(p, time.Time{})
	}
	// The lists' later pages, and the categories' pages: their number
	// follows from the lists' lengths and site.yaml's paginate.
	careers := site.Careers()
	site.Config()
	pages := func(base string, n int) {
		for i := 2; i <= w.r.site.ListPages(n); i++ {
			add(index.PageURL(base, i), time.Time{})
		}
	}
	pages("careers/", len(careers))
	pages("salaries/", len(careers))
	for _, cat := range site.Categories() {
		add(cat.URL(), time.Time{})
		pages(cat.URL(), len(cat.Careers()))
	}
	for _, c := range careers {
		add(c.URL(), c.Updated())
	}
	for _, sk := range site.Skills() {
		add(sk.URL(), time.Time{})
	}
	for _, p := range site.Pages() {
		add(p.URL(), p.Updated())
	}
	n := len(fixed)
	sort.SliceStable(urls[n:], func(i, j int) bool { return urls[n+i].Loc < urls[n+j].Loc })
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	err := enc.Encode(struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []entry  `xml:"url"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", URLs: urls})
	b.WriteByte('\n')
	return b.Bytes(), err
}

// FeedEntries is how many careers the feed holds: the latest updated.
const FeedEntries = 50

// feed writes feed.xml, an Atom feed of the careers, latest update first.
// Careers without an `updated` date are left out: a feed entry needs one.
func (w *worker) feed() ([]byte, error) {
	site := &Site{w}
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
		Type string `xml:"type,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		Link    link   `xml:"link"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Cat     struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	}
	type datedCareer struct {
		c *Career
		t time.Time
	}
	var all []datedCareer
	for _, c := range site.Careers() {
		if t := c.Updated(); !t.IsZero() {
			all = append(all, datedCareer{c, t})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].t.After(all[j].t) })
	var dated []*Career
	for _, d := range all[:min(len(all), FeedEntries)] {
		dated = append(dated, d.c)
	}
	updated := time.Unix(0, 0).UTC()
	if len(all) > 0 {
		updated = all[0].t
	}
	cfg := site.Config()
	feed := struct {
		XMLName xml.Name `xml:"feed"`
		NS      string   `xml:"xmlns,attr"`
		Lang    string   `xml:"xml:lang,attr"`
		Title   string   `xml:"title"`
		Sub     string   `xml:"subtitle,omitempty"`
		Links   []link   `xml:"link"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Author  *struct {
			Name string `xml:"name"`
		} `xml:"author,omitempty"`
		Entries []entry `xml:"entry"`
	}{NS: "http://www.w3.org/2005/Atom", Lang: cfg.Language, Title: cfg.Title, Sub: cfg.Description,
		Links: []link{{Href: w.abs("feed.xml"), Rel: "self", Type: "application/atom+xml"}, {Href: w.abs("")}},
		ID:    w.id(""), Updated: updated.Format(time.RFC3339)}
	if cfg.Author != "" {
		feed.Author = &struct {
			Name string `xml:"name"`
		}{cfg.Author}
	}
	for _, c := range dated {
		e := entry{Title: c.Title(), Link: link{Href: w.abs(c.URL())}, ID: w.id(c.URL()), Updated: c.Updated().Format(time.RFC3339), Summary: c.Summary()}
		e.Cat.Term = c.Category()
		feed.Entries = append(feed.Entries, e)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	err := enc.Encode(feed)
	b.WriteByte('\n')
	return b.Bytes(), err
}

// id is an Atom ID: the absolute URL where there is one, else a URN.
func (w *worker) id(p string) string {
	if w.r.absBase != "" {
		return w.abs(p)
	}
	return "urn:careerguide:" + w.r.basePath + p
}

// APISalary is a salary in the JSON API.
type APISalary struct {
	Min       float64 `json:"min"`
	Max       float64 `json:"max"`
	Currency  string  `json:"currency"`
	Period    string  `json:"period"`
	OpenEnded bool    `json:"open_ended"`
	Text      string  `json:"text"`
}

// APICareer is a career in api/careers.json.
type APICareer struct {
	Slug     string    `json:"slug"`
	Title    string    `json:"title"`
	Summary  string    `json:"summary"`
	Category string    `json:"category"`
	URL      string    `json:"url"`
	Salary   APISalary `json:"salary"`
	Demand   string    `json:"demand"`
	AIImpact string    `json:"ai_impact"`
	Skills   []string  `json:"skills"`
	Updated  string    `json:"updated,omitempty"`
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

// api writes api/careers.json or api/skills.json. Each career's object
// is a fragment, so a change to one career writes the list again without
// encoding the others.
func (w *worker) api(which string) ([]byte, error) {
	site := &Site{w}
	indent := "  "
	if w.r.opts.Minify {
		indent = ""
	}
	if which == "careers" {
		var b bytes.Buffer
		careers := site.Careers()
		if indent == "" {
			b.WriteString(`{"careers":[`)
		} else {
			b.WriteString("{\n  \"careers\": [")
		}
		for i, c := range careers {
			v, err := w.fragment(fragment{"api", "career " + c.Slug()}, func() (any, error) {
				return marshal(w.apiCareer(c), strings.Repeat(indent, 2), indent)
			})
			if err != nil {
				return nil, err
			}
			if i > 0 {
				b.WriteByte(',')
			}
			if indent != "" {
				b.WriteString("\n    ")
			}
			b.Write(v.([]byte))
		}
		if indent != "" && len(careers) > 0 {
			b.WriteString("\n  ")
		}
		if indent == "" {
			b.WriteString("]}\n")
		} else {
			b.WriteString("]\n}\n")
		}
		return b.Bytes(), nil
	}
	skills := site.Skills()
	out := make([]APISkill, 0, len(skills))
	for _, sk := range skills {
		a := APISkill{Name: sk.Name(), Slug: sk.Slug(), URL: w.abs(sk.URL()), Careers: []string{}}
		for _, c := range sk.Careers() {
			a.Careers = append(a.Careers, c.Slug())
		}
		a.Salary.Min, a.Salary.Median, a.Salary.Max = sk.Min(), sk.Median(), sk.Max()
		a.Salary.Currency, a.Salary.Period, a.Salary.OpenEnded = sk.Currency(), "year", sk.OpenEnded()
		out = append(out, a)
	}
	data, err := marshal(struct {
		Skills []APISkill `json:"skills"`
	}{out}, "", indent)
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
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
		Salary: APISalary{Min: sal.Min, Max: sal.Max, Currency: sal.Currency, Period: sal.Period, OpenEnded: sal.OpenEnded, Text: sal.String()},
		Demand: c.Demand().String(), AIImpact: c.AIImpact().String(), Skills: []string{}}
	for _, sk := range c.Skills() {
		a.Skills = append(a.Skills, sk.Name())
	}
	if u := c.Updated(); !u.IsZero() {
		a.Updated = u.Format("2006-01-02")
	}
	return a
}
