package parse

import (
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/careerguide/careerguide/internal/diag"
)

func TestLimits(t *testing.T) {
	skills := func(n int) string {
		var s []string
		for i := 0; i < n; i++ {
			s = append(s, "S"+thousands(i))
		}
		return "skills: [" + strings.Join(s, ", ") + "]"
	}
	items := func(n int, item string) string {
		return "[" + strings.TrimSuffix(strings.Repeat(item+", ", n), ", ") + "]"
	}
	long := strings.Repeat("a", 300)
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"frontmatter size", with("summary:", "summary: "+strings.Repeat("x", MaxFrontmatter)),
			[]string{"content/careers/x.md:1:1: the frontmatter is 65 KiB; the limit is 64 KiB, far more than any page needs; keep only the fields"}},
		{"yaml flow depth", with("category:", "category: "+strings.Repeat("[", 50000)),
			[]string{"content/careers/x.md:4:20: values nest more than 10 levels deep here; a page's fields need at most 3, so flatten or remove this value"}},
		{"yaml map depth", with("category:", "category: "+strings.Repeat("{a: ", 20)),
			[]string{"content/careers/x.md:4:47: values nest more than 10 levels deep here; a page's fields need at most 3, so flatten or remove this value"}},
		{"yaml block depth", with("category:", "category:\n"+nestedYAML(11)),
			[]string{"content/careers/x.md:14:21: values nest more than 10 levels deep here; a page's fields need at most 3, so flatten or remove this value"}},
		{"yaml compact sequences", with("category:", "category:\n  "+strings.Repeat("- ", 11)+"x"),
			[]string{"content/careers/x.md:5:21: values nest more than 10 levels deep here; a page's fields need at most 3, so flatten or remove this value"}},
		{"yaml at the limit", with("category:", "category: "+strings.Repeat("[", 9)+"x"+strings.Repeat("]", 9)),
			[]string{"content/careers/x.md:4:11: category: must be text, not a list"}},
		{"yaml brackets in text, quotes, comments and block scalars", with("category:", "category: C[[[[[[[[[[[[1 # [[[[[[[[[[[[\n"+
			"summary2: '[[[[[[[[[[[[[[ '' [[[['\nsummary3: \"[[[[[[[[[[[[\\\" [[\"\nsummary4: |\n"+nestedYAML(12)),
			[]string{"content/careers/x.md:5:1: warning: summary2: unknown field; did you mean summary?", "content/careers/x.md:6:1: warning: summary3: unknown field; did you mean summary?",
				"content/careers/x.md:7:1: warning: summary4: unknown field; did you mean summary?"}},
		{"too many skills", with("skills:", skills(MaxSkills+1)),
			[]string{"content/careers/x.md:13:250: skills: 51 items are listed; the limit is 50, so keep the ones that matter most"}},
		{"skills at the limit", with("skills:", skills(MaxSkills)), nil},
		{"too many aliases", with("updated:", "aliases: "+items(MaxAliases+1, "/a/")),
			[]string{"content/careers/x.md:14:111: aliases: 21 items are listed; the limit is 20, so keep the old URLs that people still use"}},
		{"too many related", with("updated:", "related: "+items(MaxRelated+1, "a")),
			[]string{"content/careers/x.md:14:71: related: 21 items are listed; the limit is 20, and only 5 are shown; keep the closest"}},
		{"long skill", with("skills:", "skills: ["+long+"]"),
			[]string{`content/careers/x.md:13:10: skills: "` + long[:39] + `…" would be published at /skills/` + long[:39] + `…/, a segment of 300 bytes; the limit is 100, so shorten the name`}},
		{"long skill in symbols", with("skills:", "skills: ['"+strings.Repeat("%", 15)+"']"),
			[]string{`content/careers/x.md:13:10: skills: "%%%%%%%%%%%%%%%" would be published at /skills/percent-percent-percent-percent-percent…/, a segment of 119 bytes; the limit is 100, so shorten the name`}},
		{"long slug", with("updated:", "slug: "+long),
			[]string{`content/careers/x.md:14:7: slug: "` + long[:39] + `…" is 300 bytes long; the limit is 100, so shorten it`}},
		{"long alias segment", with("updated:", "aliases: [/old/"+long+"/]"),
			[]string{`content/careers/x.md:14:11: aliases: "/old/` + long[:34] + `…" has a segment of 300 bytes (` + long[:39] + `…); the limit is 100, so shorten it`}},
		{"long alias", with("updated:", "aliases: [/"+strings.Repeat("abcdefg/", 70)+"]"),
			[]string{`content/careers/x.md:14:11: aliases: "/abcdefg/abcdefg/abcdefg/abcdefg/abcdef…" is 561 bytes long; the limit is 512, so shorten it`}},
		{"salary overflow", salaryAs("{min: 1, max: 1.7e308}"),
			[]string{"content/careers/x.md:5:23: salary.max: 1.7e308 is above the limit of 1,000,000,000,000 a year; check the figure and its period"}},
		{"hourly salary overflow", salaryAs("{min: 1, max: 1e305, period: hour}"),
			[]string{"content/careers/x.md:5:23: salary.max: 1e305 is above the limit of 480,769,230 per hour (1,000,000,000,000 a year); check the figure and its period"}},
		{"salary with a suffix overflows", salaryAs("{min: 1, max: 1.7e308M}"),
			[]string{"content/careers/x.md:5:23: salary.max: 1.7e308M is above the limit of 1,000,000,000,000 a year; check the figure and its period"}},
		{"salary at the limit", salaryAs("{min: 1000, max: 1e12}"), nil},
		{"monthly salary over the limit", salaryAs("{min: 1e11, max: 2e11, period: month}"),
			[]string{"content/careers/x.md:5:15: salary.min: 1e11 is above the limit of 83,333,333,333 per month (1,000,000,000,000 a year); check the figure and its period"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkCareer(t, tt.src, tt.want) })
	}
}

// nestedYAML is a block mapping n levels deep, indented by two.
func nestedYAML(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat("  ", i+1) + "a:\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func TestTOMLLimits(t *testing.T) {
	career := func(extra string) string {
		return "+++\ntitle = \"T\"\nsummary = \"S\"\ncategory = \"C\"\nsalary = \"$1K-$2K\"\ndemand = \"Low\"\nai_impact = \"Low\"\nskills = [\"Go\"]\n" + extra + "\n+++\n"
	}
	deep := func(n int) string {
		return "deep = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n)
	}
	const msg = "values nest more than 10 levels deep here; a page's fields need at most 3, so flatten or remove this value"
	tests := []struct{ name, src, want string }{
		{"inline tables", career(deep(10000)), "content/careers/x.md:9:35: " + msg},
		{"arrays", career("deep = " + strings.Repeat("[", 30000)), "content/careers/x.md:9:17: " + msg},
		{"header", career(strings.Repeat("[", 30000) + "a" + strings.Repeat("]", 30000)), "content/careers/x.md:9:1: " + msg},
		{"dotted header", career("[" + strings.Repeat("a.", 10) + "a]"), "content/careers/x.md:9:1: " + msg},
		{"dotted key", career(strings.Repeat("a.", 10) + "a = 1"), "content/careers/x.md:9:23: " + msg},
		{"at the limit", career(deep(9)), "content/careers/x.md:9:1: warning: deep: unknown field; known fields are " + strings.Join(CareerFields, ", ")},
		{"brackets in strings and comments", career("x = \"[[[[[[[[[[[[\" # [[[[[[[[[[[[[[[\ny = '''\n[[[[[[[[[[[[[[[[[\n'''"),
			"content/careers/x.md:9:1: warning: x: unknown field; known fields are " + strings.Join(CareerFields, ", ") + "\n" +
				"content/careers/x.md:10:1: warning: y: unknown field; known fields are " + strings.Join(CareerFields, ", ")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ds diag.List
			Career("content/careers/x.md", []byte(tt.src), "USD", &ds)
			ds.Sort()
			if got := strings.TrimSuffix(ds.String(), "\n"); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestDepthScanIsLinear runs the scanners over millions of brackets, far
// past the size limit, which they must handle in one pass.
func TestDepthScanIsLinear(t *testing.T) {
	for _, data := range []string{
		strings.Repeat("[", 2000000), strings.Repeat("{a: ", 500000), strings.Repeat("- ", 1000000),
		nestedYAML(2000), strings.Repeat("'", 2000000), strings.Repeat("a: |\n", 400000),
	} {
		start := time.Now()
		yamlTooDeep([]byte(data))
		tomlTooDeep([]byte(data))
		tomlTooDeep([]byte("a = " + data))
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%.10q…: %v", data, d)
		}
	}
}

// FuzzDepth checks that whatever the scanners let through, the parsers
// decode to a tree at most twice MaxDepth deep.
func FuzzDepth(f *testing.F) {
	for _, s := range []string{"a: [b, {c: d}]", "a:\n  - - b\n  - c: d", "a = {b = [1, {c = 2}]}", "[a.b]\nc.d = 1", "a: |\n  [[[\n", "'a': \"[[\"", "[[a]]\nb = 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if l, _ := yamlTooDeep([]byte(s)); l == 0 {
			var n yaml.Node
			if yaml.Unmarshal([]byte(s), &n) == nil && nodeDepth(&n)-1 > 2*MaxDepth {
				t.Fatalf("YAML %q passed the scan but nests %d deep", s, nodeDepth(&n)-1)
			}
		}
		if l, _ := tomlTooDeep([]byte(s)); l == 0 {
			if n, err := tomlNode([]byte(s)); err == nil && nodeDepth(n) > 2*MaxDepth {
				t.Fatalf("TOML %q passed the scan but nests %d deep", s, nodeDepth(n))
			}
		}
	})
}

func nodeDepth(n *yaml.Node) int {
	d := 0
	for _, c := range n.Content {
		d = max(d, nodeDepth(c))
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode || n.Kind == yaml.DocumentNode {
		d++
	}
	return d
}
