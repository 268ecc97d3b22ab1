package careerguide_test

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/parse"
	"github.com/careerguide/careerguide/internal/slug"
)

// TestBundledContent holds the bundled career guide to its structure, so
// later edits keep it: every career has its facts, sourced and dated (see
// checkFigures), the four sections of the sample page, 400 to 900 words,
// and skills spelled one way.
func TestBundledContent(t *testing.T) {
	files, err := filepath.Glob("content/careers/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 {
		t.Errorf("%d careers; the guide needs at least 30", len(files))
	}
	categories := map[string]int{}
	spellings := map[string]map[string]bool{} // slug → spellings
	uses := map[string]int{}
	heading := regexp.MustCompile(`(?m)^## (.+)$`)
	word := regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}'’.-]*`)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var ds diag.List
		c := parse.Career(filepath.ToSlash(f), src, "USD", &ds)
		if len(ds) > 0 || c == nil {
			t.Errorf("%s:\n%s", f, ds)
			continue
		}
		if c.Draft {
			t.Errorf("%s is a draft", f)
		}
		if c.Updated.IsZero() {
			t.Errorf("%s has no updated date", f)
		}
		if n := strings.Count(strings.TrimSuffix(c.Summary, "."), ". "); n > 1 {
			t.Errorf("%s: the summary should be one or two sentences", f)
		}
		if c.Salary.Currency != "USD" || c.Salary.Period != "year" || c.Salary.Min < 30000 || c.Salary.Max > 500000 {
			t.Errorf("%s: salary %v is not a realistic U.S. annual range", f, c.Salary)
		}
		checkFigures(t, f, c)
		categories[c.Category]++
		for _, s := range c.Skills {
			k := slug.Make(s)
			if spellings[k] == nil {
				spellings[k] = map[string]bool{}
			}
			spellings[k][s] = true
			uses[k]++
		}
		hs := heading.FindAllStringSubmatch(string(c.Body), -1)
		var got []string
		for _, h := range hs {
			got = append(got, h[1])
		}
		if len(got) != 4 || !strings.HasPrefix(got[0], "What ") || !strings.HasSuffix(got[0], " Do") ||
			got[1] != "Skills That Matter" || !strings.HasPrefix(got[2], "AI's Impact on ") || got[3] != "Career Trajectory" {
			t.Errorf("%s: sections are %q; want What <Role>s Do, Skills That Matter, AI's Impact on <Field>, Career Trajectory", f, got)
		}
		if n := len(word.FindAllString(string(c.Body), -1)); n < 400 || n > 900 {
			t.Errorf("%s: %d words; want 400 to 900", f, n)
		}
		skillsSection := string(c.Body)
		if i := strings.Index(skillsSection, "## Skills That Matter"); i >= 0 {
			skillsSection = skillsSection[i:]
			if j := strings.Index(skillsSection[3:], "\n## "); j >= 0 {
				skillsSection = skillsSection[:j+3]
			}
		}
		items := regexp.MustCompile(`(?m)^- (.*)$`).FindAllStringSubmatch(skillsSection, -1)
		if len(items) < 4 {
			t.Errorf("%s: Skills That Matter has %d items; want at least 4", f, len(items))
		}
		for _, it := range items {
			if !regexp.MustCompile(`^\*\*[^*]+\*\*: `).MatchString(it[1]) {
				t.Errorf("%s: skill item without a bold lead term: %q", f, it[1])
			}
		}
	}
	if len(categories) < 6 {
		t.Errorf("%d categories; want at least 6", len(categories))
	}
	shared := 0
	for k, sp := range spellings {
		if len(sp) > 1 {
			var names []string
			for n := range sp {
				names = append(names, n)
			}
			sort.Strings(names)
			t.Errorf("skill %s is spelled %d ways: %q", k, len(sp), names)
		}
		if uses[k] > 1 {
			shared++
		}
	}
	if shared*2 < len(spellings) {
		t.Errorf("only %d of %d skills appear on more than one career; most should", shared, len(spellings))
	}
	t.Logf("%d careers, %d categories, %d distinct skills, %d shared by 2+ careers", len(files), len(categories), len(spellings), shared)
	for _, p := range []string{"content/about.md", "content/methodology.md", "site.yaml"} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s is missing", p)
		}
	}
}

// officialHosts are the sites whose pages the guide cites for figures:
// U.S. government statistics.
var officialHosts = []string{"www.bls.gov", "www.onetonline.org", "www.careeronestop.org"}

// checkFigures requires every career's pay to say where it comes from and
// when: a source with the date its figures describe, or the mark that the
// range is the guide's own estimate, with the date of the estimate. The
// guide rounds its ranges to $5K (content/methodology.md says so). A
// source gives a figure, and every source the guide cites, for pay,
// outlook, demand or AI impact, is an official page.
func checkFigures(t *testing.T, f string, c *model.Career) {
	t.Helper()
	s := c.Salary
	switch {
	case s.Source.IsZero() && !s.Estimate:
		t.Errorf("%s: the pay names no source and is not marked as the guide's estimate (salary.estimate: true)", f)
	case s.AsOf.IsZero():
		t.Errorf("%s: the pay has no as_of date", f)
	case !s.Source.IsZero() && s.Median == 0 && !s.HasPercentiles():
		t.Errorf("%s: salary.source gives no figure; add the median or percentiles read on it", f)
	}
	if s.Estimate && (int(s.Min)%5000 != 0 || int(s.Max)%5000 != 0) {
		t.Errorf("%s: the guide's range %s is not rounded to $5K", f, s.Range())
	}
	sources := map[string]model.Source{"salary.source": s.Source, "demand_source": c.DemandSource, "ai_impact_source": c.AIImpactSource}
	if c.Outlook != nil {
		sources["outlook.source"] = c.Outlook.Source
	}
	for field, src := range sources {
		if src.IsZero() {
			continue
		}
		u, err := url.Parse(src.URL)
		if err != nil || !slices.Contains(officialHosts, u.Host) {
			t.Errorf("%s: %s %s is not a page of %s", f, field, src.URL, strings.Join(officialHosts, ", "))
		}
	}
}
