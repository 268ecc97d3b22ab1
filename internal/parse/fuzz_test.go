package parse

import (
	"bytes"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
)

// FuzzCareer feeds arbitrary files to the frontmatter parser and its
// validation: it must never panic, and it must return a career exactly
// when it reports no error, with every diagnostic placed in the file.
func FuzzCareer(f *testing.F) {
	f.Add([]byte(valid))
	f.Add([]byte(salaryAs(`"$95K – $220K+"`)))
	f.Add([]byte("+++\ntitle = \"x\"\n[salary]\nmin = 1\nmax = 2\n+++\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("\ufeff---\r\ntitle: x\r\n---\r\n"))
	f.Add([]byte("---\nskills: &a [*a]\n---\n"))
	f.Add([]byte("+++\ndeep = {a={a={a={a={a={a={a={a={a={a={a=1}}}}}}}}}}}\n+++\n"))
	f.Add([]byte(salaryAs("{min: 1, max: 1e305, period: hour}")))
	f.Fuzz(func(t *testing.T, src []byte) {
		var ds diag.List
		c := Career("content/careers/f.md", src, "USD", &ds)
		if (c != nil) == ds.HasErrors() {
			t.Fatalf("career %v with diagnostics %s", c != nil, ds)
		}
		lines := strings.Count(string(src), "\n") + 1
		for _, d := range ds {
			if d.Line < 0 || d.Line > lines+1 {
				t.Fatalf("diagnostic on line %d of a %d-line file: %s", d.Line, lines, d)
			}
		}
		if c != nil && (c.Salary.Min > c.Salary.Top() || c.Salary.Min <= 0 || len(c.Skills) == 0 || c.Demand == 0 || c.Title == "") {
			t.Fatalf("invalid career accepted: %+v", c)
		}
		// The limits hold for whatever is accepted.
		if c != nil && (len(c.Skills) > MaxSkills || len(c.Aliases) > MaxAliases || len(c.Related) > MaxRelated ||
			len(c.Slug) > MaxSegment || !(c.Salary.Annual(c.Salary.Max) <= MaxAnnualPay)) {
			t.Fatalf("a career over the limits was accepted: %+v", c)
		}
		for _, a := range aliasesOf(c) {
			if pathProblem(a) != "" {
				t.Fatalf("alias %q accepted", a)
			}
		}
	})
}

// FuzzSalary checks that the shorthand parser never panics and that what
// it accepts is a valid range.
func FuzzSalary(f *testing.F) {
	for _, s := range []string{"$95K – $220K+", "$95,000-$220,000", "€40K–€60K", "$25–$45/hour", "CHF 1M to CHF 2M", "95-220K", "$", "1e308-1e309"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sal, err := ParseSalary(s, "USD")
		if err != nil {
			return
		}
		if sal.Currency == "" || sal.Period == "" || sal.Min != sal.Min || sal.Max != sal.Max {
			t.Fatalf("ParseSalary(%q) = %+v", s, sal)
		}
	})
}

func aliasesOf(c *model.Career) []string {
	if c == nil {
		return nil
	}
	return c.Aliases
}

// FuzzSplitBounded checks that the parser, given the file only up to the
// line frontEnd finds (as split gives it), finds the same frontmatter and
// the body at the same place as when it reads the whole file.
func FuzzSplitBounded(f *testing.F) {
	f.Add([]byte(valid))
	f.Add([]byte("\n  \n---\ntitle: x\n --- \nbody\n---\nmore\n"))
	f.Add([]byte("---\r\ntitle: x\r\n---\r\nbody"))
	f.Add([]byte("+++\ntitle = \"x\"\n+++"))
	f.Add([]byte("---\ntitle: x\n"))
	f.Add([]byte("---\n---\n---\n"))
	f.Add([]byte("---\ntitle: x\n---"))
	f.Add([]byte("---\na: 1\n+++\n---\nbody\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		open, openLine := firstLine(src)
		parse := func(src []byte) (front []byte, at int, err error) {
			decode := func(data []byte, _ any) error { front = data; return nil }
			var sink struct{}
			body, err := frontmatter.MustParse(bytes.NewReader(src), &sink,
				frontmatter.NewFormat("---", "---", decode), frontmatter.NewFormat("+++", "+++", decode))
			return front, len(src) - len(body), err
		}
		front, at, err := parse(src)
		head := src[:frontEnd(src, openLine, open)]
		hfront, hat, herr := parse(head)
		if (err == nil) != (herr == nil) || !bytes.Equal(front, hfront) || (err == nil && at != hat) {
			t.Fatalf("whole file: front %q, body at %d, %v; up to the closing line: front %q, body at %d, %v", front, at, err, hfront, hat, herr)
		}
		// Nothing past the closing line is handed over.
		if err == nil && hat != len(head) {
			t.Fatalf("the parser was given %d bytes past the closing line", len(head)-hat)
		}
	})
}
