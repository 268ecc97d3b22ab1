package parse

import (
	"strings"
	"testing"
	"time"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
)

// today fixes the date as_of is checked against.
func today(t *testing.T) {
	t.Helper()
	Now = func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { Now = time.Now })
}

// salaryWith returns valid with lines added to its salary block, from
// line 11 on.
func salaryWith(lines ...string) string {
	return strings.Replace(valid, "  open_ended: true\n", "  open_ended: true\n"+indent(lines)+"\n", 1)
}

// careerWith returns valid with top-level lines added after updated, from
// line 15 on.
func careerWith(lines ...string) string {
	return strings.Replace(valid, "updated: 2026-11-26\n", "updated: 2026-11-26\n"+strings.Join(lines, "\n")+"\n", 1)
}

func indent(lines []string) string {
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n")
}

const (
	bls  = "https://www.bls.gov/ooh/computer-and-information-technology/software-developers.htm"
	oews = "https://www.bls.gov/oes/2019/may/oes151212.htm"
)

func TestFiguresParsed(t *testing.T) {
	today(t)
	src := salaryWith("median: 99,730", "percentiles: {p10: 57810, p25: 75.45K, p75: 128640, p90: 158860}",
		"source: {name: U.S. BLS, url: '"+oews+"'}", "as_of: 2019-05", "note: BLS counts security engineers as information security analysts.")
	src = strings.Replace(src, "updated: 2026-11-26\n", "updated: 2026-11-26\n"+strings.Join([]string{
		"outlook: {growth_percent: 17%, period: 2023–33, openings_per_year: 140100, source: {name: U.S. BLS, url: '" + bls + "'}, as_of: 2024}",
		"soc: 15-1252.00", "education: bachelor’s degree", "demand_source: {name: U.S. BLS, url: '" + bls + "'}"}, "\n")+"\n", 1)
	var ds diag.List
	c := Career("content/careers/x.md", []byte(src), "USD", &ds)
	if len(ds) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", ds)
	}
	want := model.Salary{Min: 95000, Max: 220000, Currency: "USD", Period: "year", OpenEnded: true, Median: 99730,
		P10: 57810, P25: 75450, P75: 128640, P90: 158860, Source: model.Source{Name: "U.S. BLS", URL: oews},
		AsOf: model.Month{Year: 2019, Month: 5}, Note: "BLS counts security engineers as information security analysts."}
	if c.Salary != want {
		t.Errorf("salary = %+v\nwant %+v", c.Salary, want)
	}
	o := model.Outlook{Growth: 17, HasGrowth: true, From: 2023, To: 2033, OpeningsPerYear: 140100, Source: model.Source{Name: "U.S. BLS", URL: bls}, AsOf: model.Month{Year: 2024}}
	if c.Outlook == nil || *c.Outlook != o || c.Outlook.Period() != "2023–2033" {
		t.Errorf("outlook = %+v, want %+v", c.Outlook, o)
	}
	if c.SOC != "15-1252.00" || c.Education != "Bachelor's degree" || c.DemandSource.URL != bls || !c.AIImpactSource.IsZero() {
		t.Errorf("soc %q, education %q, demand source %+v, AI source %+v", c.SOC, c.Education, c.DemandSource, c.AIImpactSource)
	}
	if got := c.At("salary"); got != (model.Pos{Line: 5, Col: 1}) {
		t.Errorf("salary at %+v", got)
	}
	if got := c.Salary.AsOf.Text(); got != "May 2019" {
		t.Errorf("as_of text %q", got)
	}

	// The one-line range with a source beside it.
	src = salaryAs(`{range: "$95K – $220K+", median: 132270, source: {name: U.S. BLS, url: '` + bls + `'}, as_of: 2023}`)
	c = Career("content/careers/x.md", []byte(src), "USD", &ds)
	if len(ds) > 0 || c.Salary.Min != 95000 || !c.Salary.OpenEnded || c.Salary.Median != 132270 || c.Salary.AsOf != (model.Month{Year: 2023}) {
		t.Errorf("range form: %+v\n%s", c.Salary, ds)
	}
}

func TestFigureRules(t *testing.T) {
	today(t)
	const f = "content/careers/x.md"
	const order = "the figures must rise: p10 ≤ p25 ≤ median ≤ p75 ≤ p90"
	src := "source: {name: U.S. BLS, url: '" + bls + "'}"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"percentiles out of order", salaryWith("median: 120000", "percentiles: {p10: 90000, p25: 80000, p75: 110000, p90: 200000}"),
			[]string{f + ":12:34: salary.percentiles.p25: 80,000 is below p10 (90,000); " + order,
				f + ":12:46: salary.percentiles.p75: 110,000 is below median (120,000); " + order}},
		{"median below p25", salaryWith("median: 100000", "percentiles: {p25: 105000}"),
			[]string{f + ":11:11: salary.median: 100,000 is below p25 (105,000); " + order}},
		{"equal figures rise", salaryWith("median: 100000", "percentiles: {p10: 100000, p90: 100000}"), nil},
		{"median outside the range", salaryWith("median: 90000"),
			[]string{f + ":11:11: warning: salary.median: 90,000 is outside the range 95,000–220,000; check both figures"}},
		{"median outside an estimate, unexplained", salaryWith("median: 90000", "estimate: true", src, "as_of: 2023-05"),
			[]string{f + ":11:11: warning: salary.median: 90,000 is outside the range 95,000–220,000; check both figures, or say in salary.note how the source's occupation relates to this career"}},
		{"median outside an estimate, explained", salaryWith("median: 90000", "estimate: true", src, "as_of: 2023-05", "note: BLS counts a broader occupation."), nil},
		{"median over the limit", salaryWith("median: 2e12"),
			[]string{f + ":11:11: salary.median: 2e12 is above the limit of 1,000,000,000,000 a year; check the figure and its period"}},
		{"percentiles not fields", salaryWith("percentiles: [1, 2]"),
			[]string{f + ":11:16: salary.percentiles: must be the fields p10, p25, p75 and p90 (any of them), not a list"}},
		{"percentile misnamed", salaryWith("percentiles: {p50: 100000}"),
			[]string{f + ":11:17: warning: salary.percentiles.p50: unknown field; did you mean salary.percentiles.p10?"}},
		{"percentile not a number", salaryWith("percentiles: {p90: lots}"),
			[]string{f + ":11:22: salary.percentiles.p90: \"lots\" is not a number"}},
		{"as_of in the future", salaryWith("as_of: 2026-12"),
			[]string{f + ":11:10: salary.as_of: 2026-12 is in the future (today is 2026-11-29); give the date the figures describe"}},
		{"as_of this month", salaryWith("as_of: 2026-11"), nil},
		{"as_of next year", salaryWith("as_of: 2027"),
			[]string{f + ":11:10: salary.as_of: 2027 is in the future (today is 2026-11-29); give the date the figures describe"}},
		{"as_of in words", salaryWith("as_of: May 2023"),
			[]string{f + `:11:10: salary.as_of: "May 2023" is not a year or a month; write it as YYYY or YYYY-MM, such as 2024-05`}},
		{"as_of a day", salaryWith("as_of: 2023-05-15"),
			[]string{f + `:11:10: salary.as_of: "2023-05-15" is not a year or a month; write it as YYYY or YYYY-MM, such as 2024-05; for a day, give its month: 2023-05`}},
		{"as_of month 13", salaryWith("as_of: 2023-13"),
			[]string{f + `:11:10: salary.as_of: "2023-13" is not a real month; write it as YYYY or YYYY-MM, such as 2024-05`}},
		{"source over http", salaryWith("source: {name: BLS, url: 'http://www.bls.gov/ooh/'}"),
			[]string{f + `:11:28: salary.source.url: "http://www.bls.gov/ooh/" is not an https address; link the page as https://…`}},
		{"source without a scheme", salaryWith("source: {name: BLS, url: www.bls.gov/ooh/}"),
			[]string{f + `:11:28: salary.source.url: "www.bls.gov/ooh/" is not an https address; link the page as https://…`}},
		{"source without a host", salaryWith("source: {name: BLS, url: 'https:///ooh/'}"),
			[]string{f + `:11:28: salary.source.url: "https:///ooh/" has no host; write the page's full address, such as https://www.bls.gov/ooh/`}},
		{"source without a url", salaryWith("source: {name: BLS}"),
			[]string{f + ":11:11: salary.source.url: required field is missing; a source needs both name and url, such as " + sourceExample}},
		{"source as text", salaryWith("source: BLS"),
			[]string{f + `:11:11: salary.source: must be the fields name and url, such as ` + sourceExample + `, not "BLS"`}},
		{"estimate not true or false", salaryWith("estimate: perhaps"),
			[]string{f + `:11:13: salary.estimate: must be true or false, not "perhaps"`}},
		{"range and min", salaryAs(`{range: "$95K – $220K", min: 90000}`),
			[]string{f + ":5:38: salary.min: the range is already given as range on line 5; keep range or the fields min, max, currency, period and open_ended, not both"}},
		{"range unreadable", salaryAs(`{range: "about 100 grand"}`),
			[]string{f + `:5:17: salary.range: cannot read "about 100 grand": expected a figure, found 'a'; ` + SalaryForms}},
		{"range min above max", salaryAs(`{range: "$220K – $95K"}`),
			[]string{f + ":5:17: salary: min 220K is greater than max 95K; swap them"}},
		{"every problem at once", salaryWith("median: 300000", "percentiles: {p90: 100000}", "as_of: 2030", "source: {url: 'ftp://x'}"),
			[]string{f + ":11:11: warning: salary.median: 300,000 is outside the range 95,000–220,000; check both figures",
				f + ":12:22: salary.percentiles.p90: 100,000 is below median (300,000); " + order,
				f + ":13:10: salary.as_of: 2030 is in the future (today is 2026-11-29); give the date the figures describe",
				f + ":14:11: salary.source.name: required field is missing; a source needs both name and url, such as " + sourceExample,
				f + `:14:17: salary.source.url: "ftp://x" is not an https address; link the page as https://…`}},
		{"outlook declining", careerWith("outlook: {growth_percent: -3, period: 2023-2033, " + src + "}"), nil},
		{"outlook bad figures", careerWith("outlook: {growth_percent: lots, period: 2033–2023, openings_per_year: 12.5, " + src + "}"),
			[]string{f + `:15:27: outlook.growth_percent: "lots" is not a growth in percent from -100 to 1000, such as 17 or -3`,
				f + `:15:41: outlook.period: "2033–2023" is not a period of years; write it as 2023–2033`,
				f + `:15:71: outlook.openings_per_year: must be a whole number of openings a year, not "12.5"`}},
		{"outlook without source, period or figures", careerWith("outlook: {as_of: 2024}"),
			[]string{f + ":15:10: outlook: gives no figure; add growth_percent, openings_per_year or both",
				f + ":15:10: outlook.period: required field is missing", f + ":15:10: outlook.source: required field is missing"}},
		{"outlook as text", careerWith("outlook: growing"),
			[]string{f + `:15:10: outlook: must be the fields growth_percent, period, openings_per_year, source and as_of, not "growing"`}},
		{"soc short", careerWith("soc: 15-1252"), nil},
		{"soc without dash", careerWith("soc: 151252"),
			[]string{f + `:15:6: soc: "151252" is not an O*NET-SOC code; write it as NN-NNNN or NN-NNNN.NN, such as 15-1252 or 15-1252.00`}},
		{"education misspelled", careerWith("education: Bachelors degree"),
			[]string{f + `:15:12: education: "Bachelors degree" is not one of ` + strings.Join(model.Educations, "; ") + "; did you mean Bachelor's degree?"}},
		{"demand source over http", careerWith("demand_source: {name: X, url: 'http://example.org/'}"),
			[]string{f + `:15:31: demand_source.url: "http://example.org/" is not an https address; link the page as https://…`}},
		{"AI impact source without a name", careerWith("ai_impact_source: {url: 'https://example.org/'}"),
			[]string{f + ":15:19: ai_impact_source.name: required field is missing; a source needs both name and url, such as " + sourceExample}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkCareer(t, tt.src, tt.want) })
	}
}

func TestFiguresTOML(t *testing.T) {
	today(t)
	src := `+++
title = "Data Engineering"
summary = "Move data."
category = "Data"
demand = "High"
ai_impact = "Moderate"
skills = ["SQL"]

[salary]
min = 100000
max = 210000
median = 134870
as_of = "2022-05"

[salary.source]
name = "BLS"
url = "http://www.bls.gov/ooh/"
+++
`
	var ds diag.List
	Career("content/careers/d.md", []byte(src), "USD", &ds)
	want := "content/careers/d.md:17:7: salary.source.url: \"http://www.bls.gov/ooh/\" is not an https address; link the page as https://…\n"
	if ds.String() != want {
		t.Errorf("got:\n%swant:\n%s", ds, want)
	}
}

func TestUnsourced(t *testing.T) {
	today(t)
	const f = "content/careers/x.md"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"no source, no date", valid, []string{
			f + ":5:1: warning: salary: names no source; add salary.source, the name and https url of the page the figures come from, or estimate: true if they are the site's own estimate",
			f + ":5:1: warning: salary: has no date; add salary.as_of, the year or month the figures describe, such as 2024-05"}},
		{"one line", salaryAs(`"$95K – $220K+"`), []string{
			f + ":5:1: warning: salary: names no source; add salary.source, the name and https url of the page the figures come from, or estimate: true if they are the site's own estimate",
			f + ":5:1: warning: salary: has no date; add salary.as_of, the year or month the figures describe, such as 2024-05"}},
		{"estimate without a date", salaryWith("estimate: true"), []string{
			f + ":5:1: warning: salary: has no date; add salary.as_of, the year or month the figures describe, such as 2024-05"}},
		{"source without a date", salaryWith("source: {name: BLS, url: '" + bls + "'}"), []string{
			f + ":5:1: warning: salary: has no date; add salary.as_of, the year or month the figures describe, such as 2024-05"}},
		{"estimate with a date", salaryWith("estimate: true", "as_of: 2026-11"), nil},
		{"sourced and dated", salaryWith("source: {name: BLS, url: '"+bls+"'}", "as_of: 2023-05"), nil},
		{"a draft", careerWith("draft: true"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ds diag.List
			c := Career(f, []byte(tt.src), "USD", &ds)
			if c == nil || len(ds) > 0 {
				t.Fatalf("the career does not parse:\n%s", ds)
			}
			Unsourced(c, &ds)
			var got []string
			for _, d := range ds {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestMonthAndExact(t *testing.T) {
	for _, tt := range []struct {
		m          model.Month
		str, words string
	}{{model.Month{Year: 2023, Month: 5}, "2023-05", "May 2023"}, {model.Month{Year: 2019}, "2019", "2019"}, {model.Month{}, "", ""}} {
		if tt.m.String() != tt.str || tt.m.Text() != tt.words {
			t.Errorf("%+v: %q, %q; want %q, %q", tt.m, tt.m.String(), tt.m.Text(), tt.str, tt.words)
		}
	}
	for _, tt := range []struct {
		v    float64
		cur  string
		want string
	}{{132270, "USD", "$132,270"}, {45.5, "USD", "$45.50"}, {999, "EUR", "€999"}, {1234567, "CHF", "CHF\u00a01,234,567"}} {
		if got := model.Exact(tt.v, tt.cur); got != tt.want {
			t.Errorf("Exact(%v, %s) = %q, want %q", tt.v, tt.cur, got, tt.want)
		}
	}
	for _, tt := range []struct{ lang, country, want string }{{"en", "", "en_US"}, {"en", "GB", "en_GB"}, {"en-gb", "US", "en_GB"}, {"de", "", "de"}, {"de", "AT", "de_AT"}, {"zh-Hant-TW", "", "zh_TW"}} {
		if got := (model.Config{Language: tt.lang, Country: tt.country}).Locale(); got != tt.want {
			t.Errorf("Locale(%q, %q) = %q, want %q", tt.lang, tt.country, got, tt.want)
		}
	}
}
