package parse

import (
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
)

// valid is a career with every required field; tests replace lines of it.
const valid = `---
title: Backend Engineering
summary: Build the server side.
category: Software Engineering
salary:
  min: 95000
  max: 220000
  currency: USD
  period: year
  open_ended: true
demand: Very High
ai_impact: Moderate
skills: [Python, Go, SQL]
updated: 2026-11-26
---

## What Backend Engineers Do
`

// with returns valid with the line starting with prefix replaced by repl
// (or removed when repl is "").
func with(prefix, repl string) string {
	var out []string
	for _, l := range strings.Split(valid, "\n") {
		if strings.HasPrefix(l, prefix) {
			if repl == "" {
				continue
			}
			l = repl
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// salaryAs returns valid with the salary block replaced by one line.
func salaryAs(v string) string {
	return strings.Replace(valid, "salary:\n  min: 95000\n  max: 220000\n  currency: USD\n  period: year\n  open_ended: true", "salary: "+v, 1)
}

func TestCareerValid(t *testing.T) {
	var ds diag.List
	c := Career("content/careers/backend-engineering.md", []byte(valid), "USD", &ds)
	if len(ds) != 0 {
		t.Fatalf("unexpected diagnostics:\n%s", ds)
	}
	want := model.Salary{Min: 95000, Max: 220000, Currency: "USD", Period: "year", OpenEnded: true}
	if c.Salary != want {
		t.Errorf("salary = %+v, want %+v", c.Salary, want)
	}
	if c.Slug != "backend-engineering" || c.Demand != model.VeryHigh || c.AIImpact != model.Moderate {
		t.Errorf("slug %q demand %v ai %v", c.Slug, c.Demand, c.AIImpact)
	}
	if c.BodyLine != 16 {
		t.Errorf("body starts on line %d, want 16", c.BodyLine)
	}
	if got := c.At("skills[1]"); got != (model.Pos{Line: 13, Col: 18}) {
		t.Errorf("skills[1] at %+v", got)
	}
}

func TestCareerRules(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // diagnostics, in order
	}{
		{"unknown level", with("demand:", "demand: Very Hgh"),
			[]string{`content/careers/x.md:11:9: demand: "Very Hgh" is not one of Low, Moderate, High, Very High; did you mean Very High?`}},
		{"level case-insensitive", with("ai_impact:", "ai_impact: very HIGH"), nil},
		{"missing field", with("summary:", ""),
			[]string{"content/careers/x.md:1:1: summary: required field is missing"}},
		{"unknown key", with("skills:", "skils: [Go]"),
			[]string{"content/careers/x.md:1:1: skills: required field is missing", "content/careers/x.md:13:1: warning: skils: unknown field; did you mean skills?"}},
		{"min above max", with("  min:", "  min: 300000"),
			[]string{"content/careers/x.md:6:8: salary: min 300K is greater than max 220K; swap them"}},
		{"negative", with("  min:", "  min: -5"),
			[]string{`content/careers/x.md:6:8: salary.min: must be a positive amount, not "-5"`}},
		{"zero", with("  max:", "  max: 0"),
			[]string{`content/careers/x.md:7:8: salary.max: must be a positive amount, not "0"`}},
		{"non-numeric", with("  max:", "  max: lots"),
			[]string{`content/careers/x.md:7:8: salary.max: "lots" is not a number`}},
		{"unknown currency", with("  currency:", "  currency: XYZ"),
			[]string{`content/careers/x.md:8:13: salary.currency: "XYZ" is not an ISO 4217 currency code such as USD, EUR or GBP`}},
		{"bad period", with("  period:", "  period: week"),
			[]string{`content/careers/x.md:9:11: salary.period: "week" is not one of year, month, hour`}},
		{"salary shorthand", salaryAs(`"$95K – $220K+"`), nil},
		{"duplicate key", with("category:", "category: A\ncategory: B"),
			[]string{"content/careers/x.md:5:1: category: written twice; the first is on line 4, keep one"}},
		{"unparseable shorthand", salaryAs(`"about 100 grand"`),
			[]string{`content/careers/x.md:5:9: salary: cannot read "about 100 grand": expected a figure, found 'a'; ` + SalaryForms}},
		{"empty skills", with("skills:", "skills: []"),
			[]string{"content/careers/x.md:13:9: skills: needs at least one skill, such as [SQL, System Design]"}},
		{"skills not a list", with("skills:", "skills: {a: b}"),
			[]string{"content/careers/x.md:13:9: skills: must be a list such as [a, b], not a set of fields"}},
		{"duplicate skill", with("skills:", "skills: [Go, go]"),
			[]string{`content/careers/x.md:13:14: warning: skills: "go" is listed twice`}},
		{"title not text", with("title:", "title: [a, b]"),
			[]string{"content/careers/x.md:2:8: title: must be text, not a list"}},
		{"bad date", with("updated:", "updated: yesterday"),
			[]string{`content/careers/x.md:14:10: updated: "yesterday" is not a date; write it as YYYY-MM-DD, such as 2026-11-26`}},
		{"bad slug", with("updated:", "slug: Not A Slug"),
			[]string{`content/careers/x.md:14:7: slug: "Not A Slug" is not a valid slug; use lower-case letters, digits and hyphens, such as "not-a-slug"`}},
		{"bad alias", with("updated:", "aliases: [old]"),
			[]string{`content/careers/x.md:14:11: aliases: "old" is not a path on this site; write it as /old-path/`}},
		{"draft not bool", with("updated:", "draft: maybe"),
			[]string{`content/careers/x.md:14:8: draft: must be true or false, not "maybe"`}},
		{"malformed yaml", with("category:", "category: [unclosed"),
			[]string{"content/careers/x.md:4: malformed yaml frontmatter: did not find expected ',' or ']'"}},
		{"unterminated", strings.TrimSuffix(with("---", ""), "\n"),
			[]string{"content/careers/x.md:1:1: no frontmatter: the file must start with a --- line, the fields in YAML, and a closing --- line"}},
		{"never closed", "---\ntitle: x\n", []string{"content/careers/x.md:1:1: the frontmatter opened here is never closed; add a --- line after the last field"}},
		{"empty file", "", []string{"content/careers/x.md: the file is empty; start it with frontmatter between --- lines (careerguide new writes one)"}},
		{"invalid utf-8", "---\ntitle: \xff\n---\n", []string{"content/careers/x.md:2:8: the file is not valid UTF-8 text; save it as UTF-8"}},
		{"binary", "---\x00\x01", []string{"content/careers/x.md: the file holds NUL bytes and looks binary; a content file must be Markdown text"}},
		{"bom and crlf", "\ufeff" + strings.ReplaceAll(valid, "\n", "\r\n"), nil},
		// Level words as authors write them.
		{"level V. High", with("demand:", "demand: V. High"), nil},
		{"level v high", with("demand:", "demand: v high"), nil},
		{"level medium", with("demand:", "demand: medium"), nil},
		{"level Med", with("ai_impact:", "ai_impact: Med"), nil},
		{"level unknown word", with("demand:", "demand: Hgh"),
			[]string{`content/careers/x.md:11:9: demand: "Hgh" is not one of Low, Moderate, High, Very High; did you mean High?`}},
		// Pay: floors, separators, plausibility.
		{"pay floor as text", salaryAs(`"$150K+"`), nil},
		{"pay floor as fields", salaryAs(`{min: 150000, open_ended: true}`), nil},
		{"max missing", salaryAs(`{min: 150000}`),
			[]string{"content/careers/x.md:5:9: salary.max: required field is missing; for a pay floor with no top, such as $150K+, set open_ended: true"}},
		{"single figure", salaryAs(`"$150K"`),
			[]string{`content/careers/x.md:5:9: salary: cannot read "$150K": a range needs two figures, and a pay floor a + after its figure ("$150K+"); ` + SalaryForms}},
		{"thousands with dots in fields", salaryAs(`{min: 45.000, max: "60 000", currency: EUR}`), nil},
		{"ambiguous text", salaryAs(`"KWD 45.500 – KWD 60.000"`),
			[]string{`content/careers/x.md:5:9: salary: "KWD 45.500 – KWD 60.000" is ambiguous: 45.500 could be 45,500 or 45.5, as KWD has three decimal places; write 45500 or 45.5`}},
		{"ambiguous field", salaryAs(`{min: 45.500, max: 60000, currency: KWD}`),
			[]string{`content/careers/x.md:5:15: salary.min: 45.500 could be 45,500 or 45.5, as KWD has three decimal places; write 45500 or 45.5`}},
		{"ambiguous median", salaryAs(`{min: 20, max: 60, median: 45.500, period: hour}`),
			[]string{`content/careers/x.md:5:36: salary.median: 45.500 could be 45,500 or 45.5, as the pay is per hour; write 45500 or 45.5`}},
		{"odd groups", salaryAs(`{min: "45.00.0", max: 60000}`),
			[]string{`content/careers/x.md:5:15: salary.min: "45.00.0" groups its digits oddly; thousands come in groups of three, such as 45,000 or 45 000`}},
		{"implausibly low", salaryAs(`"€45 – €60"`),
			[]string{`content/careers/x.md:5:9: warning: salary: €45 is below 1,000 a year, too little for a salary; check the figure, its K (45K is 45,000) and its period`}},
		{"implausibly low per month", salaryAs(`{min: 50, max: 90, period: month}`),
			[]string{`content/careers/x.md:5:15: warning: salary: $50 is below 1,000 a year (50 per month is 600 a year), too little for a salary; check the figure, its K (45K is 45,000) and its period`}},
		{"hourly is plausible", salaryAs(`"$25–$45/hour"`), nil},
		// YAML mistakes come with their fix.
		{"tab indents", strings.Replace(valid, "  max: 220000", "\tmax: 220000", 1),
			[]string{"content/careers/x.md:7:1: malformed yaml frontmatter: found a tab character that violates indentation; use spaces, not tabs, to indent"}},
		{"tab indents a list", strings.Replace(valid, "skills: [Python, Go, SQL]", "skills:\n\t- Go", 1),
			[]string{"content/careers/x.md:14:1: malformed yaml frontmatter: found character that cannot start any token; use spaces, not tabs, to indent"}},
		{"tab before a key", with("summary:", "\tsummary: Build the server side."),
			[]string{"content/careers/x.md:3:1: malformed yaml frontmatter: found a tab character that violates indentation; use spaces, not tabs, to indent"}},
		{"colon in a value", with("summary:", "summary: Note: build the server side."),
			[]string{`content/careers/x.md:3: malformed yaml frontmatter: mapping values are not allowed in this context; quote a value that holds ": ", such as summary: "Note: build the server side."`}},
		{"unclosed quote", with("title:", `title: "Backend Engineering`),
			[]string{`content/careers/x.md:2:8: malformed yaml frontmatter: the quote " opened here is never closed; end the value with "`}},
		{"unclosed quote in a list", with("skills:", `skills: [Python, 'Go, SQL]`),
			[]string{`content/careers/x.md:13:18: malformed yaml frontmatter: the quote ' opened here is never closed; end the value with '`}},
		{"quotes that close", with("summary:", `summary: "It's \"fine\"" # a comment with "`), nil},
		{"quote closed by the next value's", "---\ntitle: x\nsummary: \"Find data\ncategory: Data\nsalary: \"$50K – $90K\"\ndemand: High\n---\nBody\n",
			[]string{`content/careers/x.md:3:10: malformed yaml frontmatter: the quote " opened here runs on to line 5, and the YAML breaks after it (did not find expected key); end the value on this line with "`}},
		{"value starting with @", with("summary:", "summary: @handle"),
			[]string{"content/careers/x.md:3: malformed yaml frontmatter: found character that cannot start any token; quote a value that starts with @ or `"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkCareer(t, tt.src, tt.want) })
	}
}

func TestCareerTOML(t *testing.T) {
	src := `+++
title = "Data Engineering"
summary = "Move data."
category = "Data"
demand = "High"
ai_impact = "Modrate"
skills = ["SQL", "Python"]
updated = 2026-11-01

[salary]
min = 100000
max = 90000
+++
Body.
`
	var ds diag.List
	Career("content/careers/d.md", []byte(src), "USD", &ds)
	ds.Sort()
	want := `content/careers/d.md:6:13: ai_impact: "Modrate" is not one of Low, Moderate, High, Very High; did you mean Moderate?
content/careers/d.md:11:7: salary: min 100K is greater than max 90K; swap them
`
	if ds.String() != want {
		t.Errorf("got:\n%swant:\n%s", ds, want)
	}
}

func TestPage(t *testing.T) {
	var ds diag.List
	p := Page("content/guides/index.md", []byte("---\ntitle: Guides\ndescription: All guides.\n---\nText\n"), &ds)
	if len(ds) > 0 || p.Path != "guides/" || p.Title != "Guides" || p.BodyLine != 5 {
		t.Fatalf("page %+v, diags %s", p, ds)
	}
	Page("content/about.md", []byte("---\ndescription: x\n---\n"), &ds)
	if ds.String() != "content/about.md:1:1: title: required field is missing\n" {
		t.Errorf("got %s", ds)
	}
	// A career outside content/careers/: one warning saying where it
	// belongs, not one for each of its fields.
	ds = nil
	p = Page("content/jobs/data-engineer.md", []byte(strings.Replace(valid, "updated:", "sumary: x\nupdated:", 1)), &ds)
	want := `content/jobs/data-engineer.md:3:1: warning: this file has a career's fields (summary, category, salary, demand, ai_impact, skills), but careers are read only from content/careers/; move it to content/careers/data-engineer.md to make it a career (as a plain page here, those fields are ignored)
content/jobs/data-engineer.md:14:1: warning: sumary: unknown field; did you mean summary?
`
	if p == nil || ds.String() != want {
		t.Errorf("got:\n%swant:\n%s", ds, want)
	}
}

func TestConfig(t *testing.T) {
	var ds diag.List
	cfg := Config("site.yaml", []byte("title: G\nbase_url: https://example.org/guide\ncurrency: eur\ntitel: x\n"), &ds)
	if cfg.BaseURL != "https://example.org/guide/" || cfg.Currency != "EUR" || cfg.Language != "en" {
		t.Errorf("config %+v", cfg)
	}
	if ds.String() != "site.yaml:4:1: warning: titel: unknown field; did you mean title?\n" {
		t.Errorf("diags %s", ds)
	}
	ds = nil
	for _, good := range []string{"gb", "UK"} { // UK is reserved for GB
		cfg = Config("site.yaml", []byte("country: "+good+"\n"), &ds)
		if cfg.Country != "GB" || len(ds) > 0 {
			t.Errorf("country %s: %q, diags %s", good, cfg.Country, ds)
		}
	}
	for _, bad := range []string{"USA", "EU", "840", "ZZ"} {
		ds = nil
		Config("site.yaml", []byte("country: "+bad+"\n"), &ds)
		if want := "site.yaml:1:10: country: \"" + bad + "\" is not an ISO 3166-1 country code such as US, GB or DE\n"; ds.String() != want {
			t.Errorf("country %s: got %swant %s", bad, ds, want)
		}
	}
	ds = nil
	cfg = Config("site.yaml", []byte("theme_color: \"#0D6E63\"\naccent_color: '#abc'\n"), &ds)
	if cfg.ThemeColor != "#0d6e63" || cfg.AccentColor != "#abc" || len(ds) > 0 {
		t.Errorf("colours %q %q, diags %s", cfg.ThemeColor, cfg.AccentColor, ds)
	}
	Config("site.yaml", []byte("theme_color: #0d6e63\naccent_color: teal\n"), &ds)
	if want := `site.yaml:1:14: theme_color: #0d6e63 is read as a comment; quote the colour: theme_color: "#0d6e63"
site.yaml:2:15: accent_color: "teal" is not a CSS hex colour; write it as "#rgb" or "#rrggbb", such as "#0d6e63"
`; ds.String() != want {
		t.Errorf("got:\n%swant:\n%s", ds, want)
	}
	ds = nil
	Config("site.yaml", []byte("title: [\n"), &ds)
	if !ds.HasErrors() || ds[0].String() != "site.yaml:2: malformed YAML: did not find expected node content" {
		t.Errorf("malformed site.yaml: %s", ds)
	}
}

// checkCareer parses src as content/careers/x.md and checks that the
// diagnostics, sorted, are want.
func checkCareer(t *testing.T, src string, want []string) {
	t.Helper()
	var ds diag.List
	Career("content/careers/x.md", []byte(src), "USD", &ds)
	ds.Sort()
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
