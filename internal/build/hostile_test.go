package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hostile is a site with one career file and what a build must report.
type hostile struct {
	name string
	file func() string // the career's content
	want []string      // every diagnostic; the build fails when one is an error
}

// careerWith is goodCareer with extra lines of frontmatter.
func careerWith(extra string) string {
	return strings.Replace(goodCareer, "skills: [Go]\n", "skills: [Go]\n"+extra+"\n", 1)
}

func tomlCareer(extra string) string {
	return "+++\ntitle = \"T\"\nsummary = \"S\"\ncategory = \"C\"\nsalary = \"$1K-$2K\"\ndemand = \"Low\"\nai_impact = \"Low\"\nskills = [\"Go\"]\n" + extra + "\n+++\nBody.\n"
}

func skillList(n int) string {
	var b strings.Builder
	b.WriteString("skills: [")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "Skill %d", i)
	}
	return b.String() + "]"
}

const deepMsg = "values nest more than 10 levels deep here; a page's fields need at most 3, so flatten or remove this value"

// hostileFrontmatter lists the hostile frontmatter, generated
// at full size.
var hostileFrontmatter = []hostile{
	{"TOML inline tables 10,000 deep", func() string {
		return tomlCareer("deep = " + strings.Repeat("{a=", 10000) + "1" + strings.Repeat("}", 10000))
	}, []string{"content/careers/x.md:9:35: " + deepMsg}},
	{"TOML arrays 2,000,000 deep", func() string {
		return tomlCareer("deep = " + strings.Repeat("[", 2000000) + strings.Repeat("]", 2000000))
	}, []string{"content/careers/x.md:1:1: the frontmatter is 3907 KiB; the limit is 64 KiB, far more than any page needs; keep only the fields"}},
	{"TOML table header 30,000 deep", func() string {
		return tomlCareer(strings.Repeat("[", 30000) + "a" + strings.Repeat("]", 30000))
	}, []string{"content/careers/x.md:9:1: " + deepMsg}},
	{"YAML flow lists 30,000 deep", func() string { return careerWith("deep: " + strings.Repeat("[", 30000)) },
		[]string{"content/careers/x.md:9:16: " + deepMsg}},
	{"YAML flow maps 15,000 deep", func() string { return careerWith("deep: " + strings.Repeat("{a: ", 15000)) },
		[]string{"content/careers/x.md:9:43: " + deepMsg}},
	{"YAML blocks 200 deep", func() string {
		var b strings.Builder
		for i := 0; i < 200; i++ {
			b.WriteString(strings.Repeat(" ", i) + "a:\n")
		}
		return careerWith(b.String())
	}, []string{"content/careers/x.md:19:11: " + deepMsg}},
	{"YAML flow lists 2,000,000 deep", func() string { return careerWith("deep: " + strings.Repeat("[", 2000000)) },
		[]string{"content/careers/x.md:1:1: the frontmatter is 1954 KiB; the limit is 64 KiB, far more than any page needs; keep only the fields"}},
	{"4,000 skills", func() string { return strings.Replace(goodCareer, "skills: [Go]", skillList(4000), 1) },
		[]string{"content/careers/x.md:8:500: skills: 4,000 items are listed; the limit is 50, so keep the ones that matter most"}},
	{"20,000 skills", func() string { return strings.Replace(goodCareer, "skills: [Go]", skillList(20000), 1) },
		[]string{"content/careers/x.md:1:1: the frontmatter is 244 KiB; the limit is 64 KiB, far more than any page needs; keep only the fields"}},
}

// TestHostileFrontmatter builds each case, which must fail at once with
// its message and leave the output as it was.
func TestHostileFrontmatter(t *testing.T) {
	for _, tt := range hostileFrontmatter {
		t.Run(tt.name, func(t *testing.T) {
			src := t.TempDir()
			os.MkdirAll(filepath.Join(src, "content", "careers"), 0o755)
			os.WriteFile(filepath.Join(src, "content", "careers", "x.md"), []byte(tt.file()), 0o644)
			start := time.Now()
			lines, failed := outcome(t, src)
			if !failed || strings.Join(lines, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("failed=%v\n%s\nwant:\n%s", failed, strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
			}
			t.Logf("%v", time.Since(start))
		})
	}
}

// TestLinkedFolders refuses content/, static/, templates/ and site.yaml
// that are symbolic links leading outside the site.
func TestLinkedFolders(t *testing.T) {
	for _, name := range []string{"content", "static", "templates", "site.yaml"} {
		t.Run(name, func(t *testing.T) {
			src, elsewhere := t.TempDir(), t.TempDir()
			os.MkdirAll(filepath.Join(src, "content", "careers"), 0o755)
			os.WriteFile(filepath.Join(src, "content", "careers", "good.md"), []byte(goodCareer), 0o644)
			target := filepath.Join(elsewhere, name)
			if name == "site.yaml" {
				os.WriteFile(target, []byte("title: Secret\n"), 0o644)
			} else {
				os.MkdirAll(filepath.Join(target, "careers"), 0o755)
				os.WriteFile(filepath.Join(target, "careers", "secret.md"), []byte(goodCareer), 0o644)
				os.WriteFile(filepath.Join(target, "secret.html"), []byte("secret"), 0o644)
			}
			os.RemoveAll(filepath.Join(src, name))
			if err := os.Symlink(target, filepath.Join(src, name)); err != nil {
				t.Fatal(err)
			}
			real, _ := filepath.EvalSymlinks(target)
			lines, failed := outcome(t, src)
			want := name + ": is a symbolic link to " + real + ", outside the site folder; careerguide reads only what is inside it, so move or copy it into the site"
			if name == "content" {
				want = "content: " + want[len(name)+2:]
			}
			if !failed || strings.Join(lines, "\n") != want {
				t.Errorf("failed=%v %q\nwant %q", failed, lines, want)
			}
		})
	}
}

// TestHostileMarkdown builds pages the issue found slow: each builds,
// with a warning at the line where a limit cut it, at once.
func TestHostileMarkdown(t *testing.T) {
	nested := func(depth int) string {
		var b strings.Builder
		for i := 0; i < depth; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	tests := []struct{ name, body, want string }{
		{"100,000 link reference definitions", strings.Repeat("[a]: /x\n", 100000),
			"content/careers/x.md:510: warning: markdown: the page holds more than 500 link reference definitions; the 99,500 after them, from this line on, are left out"},
		{"a list nested 2,000 deep", nested(2000),
			"content/careers/x.md:42: warning: markdown: lists and quotes nest more than 32 deep here; the deeper levels are shown as text"},
		{"quotes nested 100,000 deep", strings.Repeat(">", 100000) + " deep\n",
			"content/careers/x.md:10: warning: markdown: lists and quotes nest more than 32 deep here; the deeper levels are shown as text"},
		{"emphasis of every kind", strings.Repeat("w~_*a_b*c", 20000),
			"content/careers/x.md:10: warning: markdown: a paragraph holds more than 250 pieces of inline markup (emphasis, links, code, HTML) here; the rest of it is shown as plain text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := t.TempDir()
			os.MkdirAll(filepath.Join(src, "content", "careers"), 0o755)
			os.WriteFile(filepath.Join(src, "content", "careers", "x.md"), []byte(strings.TrimSuffix(goodCareer, "Body text.\n")+tt.body), 0o644)
			start := time.Now()
			lines, failed := outcome(t, src)
			if failed || strings.Join(lines, "\n") != tt.want {
				t.Errorf("failed=%v\n%s\nwant:\n%s", failed, strings.Join(lines, "\n"), tt.want)
			}
			t.Logf("%d bytes: %v", len(tt.body), time.Since(start))
		})
	}
}
