package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// TestRecentCareers: the feed holds the FeedEntries careers reviewed
// last, newest first and those of one day A–Z, as a stable sort of every
// dated career does; careers without a date are left out.
func TestRecentCareers(t *testing.T) {
	var cs []*model.Career
	for i := range 2*FeedEntries + 7 {
		c := testCareers()[1]
		c.Slug, c.Source, c.Title = fmt.Sprintf("c%03d", i), fmt.Sprintf("content/careers/c%03d.md", i), fmt.Sprintf("Career %03d", (i*37)%200)
		c.Updated = time.Date(2026, 1, 1+i%9, 0, 0, 0, 0, time.UTC)
		if i%11 == 0 {
			c.Updated = time.Time{}
		}
		cs = append(cs, c)
	}
	r, _ := testRenderer(t, cs)
	var want []*index.Career
	for _, c := range r.site.Careers {
		if !c.Updated.IsZero() {
			want = append(want, c)
		}
	}
	slices.SortStableFunc(want, func(a, b *index.Career) int { return b.Updated.Compare(a.Updated) })
	want = want[:FeedEntries]
	if got := r.values.recentCareers(); !slices.Equal(got, want) {
		t.Errorf("the feed's careers differ from the latest reviewed")
	}
}

// TestFeedAndSitemapReads: the feed reads which careers it holds as one
// value, not the A–Z list or every career's date; the sitemap reads which
// careers there are in any order, with their dates, as one value; the
// sources page reads which careers cite something: so that a title that
// moves in the A–Z order makes none of them again, and a career added
// that cites nothing, not the sources page.
func TestFeedAndSitemapReads(t *testing.T) {
	r, _ := testRenderer(t, testCareers())
	for _, tc := range []struct {
		job  Kind
		want trace.Key
		not  []trace.Key
	}{
		{KindFeed, key(kSiteRecent, ""), []trace.Key{key(kSiteCareers, "")}},
		{KindSitemap, key(kSiteUpdated, ""), []trace.Key{key(kSiteCareers, ""), key(kCareerUpdated, "b")}},
		{KindSources, key(kSiteCiting, ""), []trace.Key{key(kSiteCareers, ""), key(kCareerCited, "b")}},
	} {
		wk, err := r.NewWorker()
		if err != nil {
			t.Fatal(err)
		}
		var path string
		for _, j := range r.Jobs() {
			if j.Kind == tc.job {
				path = j.Path
				out, err := wk.Render(j)
				if err != nil {
					t.Fatal(err)
				}
				if !recorded(out.Reads, tc.want) || slices.ContainsFunc(tc.not, func(k trace.Key) bool { return recorded(out.Reads, k) }) {
					t.Errorf("%s: reads %v, want %v and not %v", path, out.Reads.Reads(), tc.want, tc.not)
				}
			}
		}
		wk.Close()
		if path == "" {
			t.Fatalf("no job of kind %v", tc.job)
		}
	}
	// The sum of the careers and their dates is the same in any order, and
	// another set's is not.
	s := r.site
	sum := r.values.Sum(key(kSiteUpdated, ""))
	s.Careers[0], s.Careers[1] = s.Careers[1], s.Careers[0]
	if r.values.Sum(key(kSiteUpdated, "")) != sum {
		t.Error("the sum of the careers changes with their order")
	}
	s.Careers = s.Careers[1:]
	if r.values.Sum(key(kSiteUpdated, "")) == sum {
		t.Error("the sum of the careers is the same without one")
	}
}

// TestWriteSitemap: the sitemap written by hand is what encoding/xml
// makes of the same entries, indented or minified.
func TestWriteSitemap(t *testing.T) {
	urls := []sitemapEntry{
		{Loc: "https://example.org/"},
		{Loc: "https://example.org/a&b/<c>/\"d\"/'e'/", LastMod: "2026-01-02"},
		{Loc: "https://example.org/é/\t\n/", LastMod: "2026-03-04"},
	}
	for _, minify := range []bool{false, true} {
		var want bytes.Buffer
		want.WriteString(xml.Header)
		enc := xml.NewEncoder(&want)
		if !minify {
			enc.Indent("", "  ")
		}
		err := enc.Encode(struct {
			XMLName xml.Name       `xml:"urlset"`
			NS      string         `xml:"xmlns,attr"`
			URLs    []sitemapEntry `xml:"url"`
		}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", URLs: urls})
		if err != nil {
			t.Fatal(err)
		}
		want.WriteByte('\n')
		if got := writeSitemap(new(bytes.Buffer), urls, minify); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("minify %v:\n%s\nwant\n%s", minify, got, want.Bytes())
		}
	}
}

// TestSiteKeysFollowTheirValues: the site's keys that stand for many
// careers at once change with what they stand for, and only with it.
func TestSiteKeysFollowTheirValues(t *testing.T) {
	sum := func(k trace.Key, change func(cs []*model.Career)) uint64 {
		cs := testCareers()
		if change != nil {
			change(cs)
		}
		r, _ := testRenderer(t, cs)
		return r.Values().Sum(k)
	}
	for _, tc := range []struct {
		name   string
		key    trace.Key
		change func(cs []*model.Career)
		moves  bool
	}{
		{"a date", key(kSiteUpdated, ""), func(cs []*model.Career) { cs[1].Updated = cs[1].Updated.AddDate(0, 1, 0) }, true},
		{"a career gone", key(kSiteUpdated, ""), func(cs []*model.Career) { cs[2].Slug = "a" }, true},
		{"a title", key(kSiteUpdated, ""), func(cs []*model.Career) { cs[1].Title = "Aaa" }, false},
		{"a source", key(kSiteCiting, ""), func(cs []*model.Career) { cs[1].DemandSource = model.Source{Name: "S", URL: "https://example.org/"} }, true},
		{"an estimate", key(kSiteCiting, ""), func(cs []*model.Career) { cs[2].Salary.Estimate = true }, true},
		{"a source gone", key(kSiteCiting, ""), func(cs []*model.Career) { cs[0].Outlook = nil }, true},
		{"a career that cites nothing", key(kSiteCiting, ""), func(cs []*model.Career) { cs[2].Slug = "a" }, false},
	} {
		if moved := sum(tc.key, tc.change) != sum(tc.key, nil); moved != tc.moves {
			t.Errorf("%s: %s changed %v, want %v", tc.name, tc.key, moved, tc.moves)
		}
	}
}
