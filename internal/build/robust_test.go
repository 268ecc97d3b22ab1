package build_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
)

const goodCareer = "---\ntitle: Good\nsummary: Fine.\ncategory: Eng\nsalary: \"$95K – $220K+\"\ndemand: High\nai_impact: Low\nskills: [Go]\n---\nBody text.\n"

// outcome builds src into its public/ folder, which holds a file from
// before, and returns the diagnostics as lines and whether it failed. A
// failed build must leave public/ exactly as it was.
func outcome(t *testing.T, src string) (lines []string, failed bool) {
	t.Helper()
	out := filepath.Join(src, "public")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "before.txt"), []byte("before"), 0o644)
	res, err := build.Run(context.Background(), build.Options{Source: src, Out: out, Theme: careerguide.Theme})
	for _, d := range res.Diags {
		if d.Path == out {
			continue // about before.txt, which no build made: left with a warning
		}
		lines = append(lines, strings.ReplaceAll(d.String(), src, "SITE"))
	}
	if err != nil {
		if !errors.Is(err, build.ErrContent) {
			t.Fatalf("unexpected error: %v", err)
		}
		entries, _ := os.ReadDir(out)
		if len(entries) != 1 || entries[0].Name() != "before.txt" {
			t.Errorf("a failed build changed the output folder: %v", entries)
		}
	}
	return lines, err != nil
}

// TestBadInput runs every fixture in testdata/bad: a small site and the
// exact outcome a user should see.
func TestBadInput(t *testing.T) {
	fixtures, _ := filepath.Glob("testdata/bad/*.txtar")
	if len(fixtures) < 10 {
		t.Fatalf("only %d fixtures", len(fixtures))
	}
	for _, fx := range fixtures {
		t.Run(strings.TrimSuffix(filepath.Base(fx), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(fx)
			if err != nil {
				t.Fatal(err)
			}
			src := t.TempDir()
			var want []string
			for _, f := range ar.Files {
				if f.Name == "want" {
					want = strings.Split(strings.TrimSpace(string(f.Data)), "\n")
					continue
				}
				p := filepath.Join(src, f.Name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, f.Data, 0o644)
			}
			lines, failed := outcome(t, src)
			if exit := map[bool]string{true: "exit 1", false: "exit 0"}[failed]; exit != want[0] {
				t.Errorf("%s, want %s", exit, want[0])
			}
			if strings.Join(lines, "\n") != strings.Join(want[1:], "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want[1:], "\n"))
			}
		})
	}
}

// TestOddFiles covers the cases a text fixture cannot hold.
func TestOddFiles(t *testing.T) {
	site := func(t *testing.T, name string, data []byte) string {
		src := t.TempDir()
		dir := filepath.Join(src, "content", "careers")
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "good.md"), []byte(goodCareer), 0o644)
		if name != "" {
			os.WriteFile(filepath.Join(dir, name), data, 0o644)
		}
		return src
	}
	// The files are in testdata/odd: a byte-order mark and CRLF line
	// endings must simply work; invalid UTF-8 and binary files are errors.
	tests := []struct {
		name   string
		want   string // the one diagnostic, or "" for none
		failed bool
	}{
		{"bom", "", false},
		{"crlf", "", false},
		{"invalid-utf8", "content/careers/invalid-utf8.md:3:12: the file is not valid UTF-8 text; save it as UTF-8", true},
		{"binary", "content/careers/binary.md: the file holds NUL bytes and looks binary; a content file must be Markdown text", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/odd", tt.name+".md"))
			if err != nil {
				t.Fatal(err)
			}
			lines, failed := outcome(t, site(t, tt.name+".md", data))
			if failed != tt.failed || strings.Join(lines, "\n") != tt.want {
				t.Errorf("failed=%v %q; want failed=%v %q", failed, lines, tt.failed, tt.want)
			}
		})
	}
	t.Run("symlink-loop", func(t *testing.T) {
		src := site(t, "", nil)
		os.Symlink("..", filepath.Join(src, "content", "careers", "loop"))
		lines, failed := outcome(t, src)
		if !failed || strings.Join(lines, "\n") != "content/careers/loop: symbolic link loop: this folder leads back to one already being read; remove the link" {
			t.Errorf("failed=%v %q", failed, lines)
		}
	})
	t.Run("symlink-outside", func(t *testing.T) {
		src := site(t, "", nil)
		outside := filepath.Join(t.TempDir(), "secret.md")
		os.WriteFile(outside, []byte(goodCareer), 0o644)
		os.Symlink(outside, filepath.Join(src, "content", "careers", "link.md"))
		lines, failed := outcome(t, src)
		want := "content/careers/link.md: warning: symbolic link leads outside the site folder, to " + outside + "; it is not followed"
		if failed || len(lines) != 1 || !strings.HasPrefix(strings.ReplaceAll(lines[0], "SITE", src), strings.TrimSuffix(want, outside+"; it is not followed")) {
			t.Errorf("failed=%v %q", failed, lines)
		}
	})
	t.Run("unreadable", func(t *testing.T) {
		src := site(t, "", nil)
		// A named pipe cannot be read as a file, even by root.
		if err := syscall.Mkfifo(filepath.Join(src, "content", "careers", "pipe.md"), 0o644); err != nil {
			t.Fatal(err)
		}
		lines, failed := outcome(t, src)
		if !failed || strings.Join(lines, "\n") != "content/careers/pipe.md: cannot read: not a regular file" {
			t.Errorf("failed=%v %q", failed, lines)
		}
		if os.Geteuid() != 0 && runtime.GOOS != "windows" {
			os.Remove(filepath.Join(src, "content", "careers", "pipe.md"))
			p := filepath.Join(src, "content", "careers", "locked.md")
			os.WriteFile(p, []byte(goodCareer), 0o000)
			lines, failed := outcome(t, src)
			if !failed || !strings.HasPrefix(strings.Join(lines, "\n"), "content/careers/locked.md: cannot read: ") {
				t.Errorf("failed=%v %q", failed, lines)
			}
		}
	})
}

// TestNoScriptInjection builds a site full of script payloads in every
// field and parses every output file: the only script is the theme's, no
// element has an on* attribute, no link is a javascript: URL, and every
// JSON and XML file parses.
func TestNoScriptInjection(t *testing.T) {
	for _, base := range []string{"", "https://example.org/guide/"} {
		out := run(t, build.Options{Source: "testdata/xss", BaseURL: base})
		all := files(t, out)
		if len(all) < 20 {
			t.Fatalf("only %d files", len(all))
		}
		for p, data := range all {
			switch filepath.Ext(p) {
			case ".html":
				for _, problem := range scriptProblems(string(data)) {
					t.Errorf("%s: %s", p, problem)
				}
			case ".json":
				var v any
				if err := json.Unmarshal(data, &v); err != nil {
					t.Errorf("%s does not parse: %v", p, err)
				}
			case ".xml":
				d := xml.NewDecoder(bytes.NewReader(data))
				for {
					if _, err := d.Token(); err != nil {
						if err != io.EOF {
							t.Errorf("%s does not parse: %v", p, err)
						}
						break
					}
				}
				if bytes.Contains(bytes.ToLower(data), []byte("<script")) {
					t.Errorf("%s holds a script element", p)
				}
			}
		}
	}
}

// TestScriptCheckerSeesUnsafeHTML proves the checker above can fail: with
// unsafe_html on, the author's raw script reaches the page, and is found.
func TestScriptCheckerSeesUnsafeHTML(t *testing.T) {
	src := t.TempDir()
	for _, f := range []string{"site.yaml", "content/careers/evil.md"} {
		data, _ := os.ReadFile(filepath.Join("testdata/xss", f))
		if f == "site.yaml" {
			data = append(data, "unsafe_html: true\n"...)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(src, f)), 0o755)
		os.WriteFile(filepath.Join(src, f), data, 0o644)
	}
	out := run(t, build.Options{Source: src, Out: filepath.Join(src, "public")})
	data, _ := os.ReadFile(filepath.Join(out, "careers/evil/index.html"))
	if n := len(scriptProblems(string(data))); n < 3 {
		t.Errorf("the checker found %d problems in a page with raw script", n)
	}
}
