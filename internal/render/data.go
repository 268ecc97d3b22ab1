package render

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"
	"time"

	"github.com/careerguide/careerguide/internal/index"
)

// sitemapEntry is a page of the sitemap, and the day it last changed.
type sitemapEntry struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap writes sitemap.xml: every page a reader can land on.
func (w *worker) sitemap() ([]byte, error) {
	site := &Site{w}
	var urls []sitemapEntry
	add := func(p string, t time.Time) {
		e := sitemapEntry{Loc: w.abs(p)}
		if !t.IsZero() {
			e.LastMod = t.Format("2006-01-02")
		}
		urls = append(urls, e)
	}
	fixed := []string{"", "careers/", "skills/", "salaries/", "categories/", "sources/", "compare/"}
	for _, p := range fixed {
		add(p, time.Time{})
	}
	// Which careers there are, in any order, and their dates: the sitemap
	// is sorted by URL, so a title that moves in the A–Z order changes
	// nothing here. One key for all of them, rather than each career's
	// date: the sitemap is made again for every career added or removed.
	w.read(kSiteUpdated, "")
	site.Config()
	// The lists' later pages, and the categories' pages: how many there
	// are, not which careers they show.
	pages := func(name string) {
		w.read(kListPages, name)
		base := w.r.listBase(name)
		for i := 2; i <= w.r.site.ListPages(base); i++ {
			add(index.PageURL(base, i), time.Time{})
		}
	}
	pages("careers")
	pages("salaries")
	for _, cat := range site.Categories() {
		add(cat.URL(), time.Time{})
		pages("category " + cat.Slug())
	}
	for _, c := range w.r.site.Careers {
		add(c.URL, c.Updated)
	}
	for _, sk := range site.Skills() {
		add(sk.URL(), time.Time{})
	}
	for _, p := range site.Pages() {
		add(p.URL(), p.Updated())
	}
	n := len(fixed)
	slices.SortStableFunc(urls[n:], func(a, b sitemapEntry) int { return strings.Compare(a.Loc, b.Loc) })
	return writeSitemap(&w.buf, urls, w.r.opts.Minify), nil
}

// writeSitemap writes the entries of a sitemap as encoding/xml would
// (indented by two spaces unless minified), by hand: a sitemap of every
// career is written on every edit that adds or removes a page, and
// encoding/xml's reflection was most of its cost. It writes into b, from
// empty: the worker's buffer, which a large site's sitemap reuses.
func writeSitemap(b *bytes.Buffer, urls []sitemapEntry, minify bool) []byte {
	b.Reset()
	b.Grow(len(xml.Header) + 100*len(urls))
	b.WriteString(xml.Header)
	nl := func(indent string) {
		if !minify {
			b.WriteString("\n" + indent)
		}
	}
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for _, u := range urls {
		nl("  ")
		b.WriteString("<url>")
		nl("    ")
		b.WriteString("<loc>")
		xml.EscapeText(b, []byte(u.Loc))
		b.WriteString("</loc>")
		if u.LastMod != "" {
			nl("    ")
			b.WriteString("<lastmod>")
			xml.EscapeText(b, []byte(u.LastMod))
			b.WriteString("</lastmod>")
		}
		nl("  ")
		b.WriteString("</url>")
	}
	nl("")
	b.WriteString("</urlset>\n")
	return b.Bytes()
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
	// The latest reviewed careers, as one value: an edit of another
	// career does not make the feed again.
	w.read(kSiteRecent, "")
	dated := w.careers(w.r.values.recentCareers())
	updated := time.Unix(0, 0).UTC()
	if len(dated) > 0 {
		updated = dated[0].Updated()
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
	if !w.r.opts.Minify {
		enc.Indent("", "  ")
	}
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
