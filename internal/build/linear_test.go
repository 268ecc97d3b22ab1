package build_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
)

// work builds a site whose one career has body as its Markdown and
// returns the bytes allocated, a measure of work that a busy machine does
// not disturb.
func work(t *testing.T, body string) uint64 {
	t.Helper()
	src := t.TempDir()
	dir := filepath.Join(src, "content", "careers")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "big.md"), []byte(strings.TrimSuffix(goodCareer, "Body text.\n")+body), 0o644)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := build.Run(context.Background(), build.Options{Source: src, Out: filepath.Join(src, "public"), Theme: careerguide.Theme, Workers: 1})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diags)
	}
	return after.TotalAlloc - before.TotalAlloc
}

// TestLinear checks that pathological Markdown costs work in proportion
// to its size through the whole build: four times the input may cost at
// most about four times the bytes allocated (a generous bound of six),
// never the square. Nesting grows with the input, past the limits of
// internal/markdown. internal/markdown's TestLinearTime measures time.
func TestLinear(t *testing.T) {
	patterns := map[string]func(n int) string{
		"nested lists": func(n int) string {
			var b strings.Builder
			for i := 0; b.Len() < n; i++ {
				b.WriteString(strings.Repeat("  ", i) + "- item\n")
			}
			return b.String()
		},
		"nested quotes":     func(n int) string { return strings.Repeat(">", n) + " deep\n" },
		"lists on one line": func(n int) string { return strings.Repeat("> - ", n/4) + "x\n" },
		"emphasis":          func(n int) string { return strings.Repeat("*a **b ", n/7) + "\n" },
		"mixed emphasis":    func(n int) string { return strings.Repeat("w~_", n/3) + "\n" },
		"open brackets":     func(n int) string { return strings.Repeat("[", n/3) + "x" + strings.Repeat("](", n/3) + "\n" },
		"open links":        func(n int) string { return strings.Repeat("[a](", n/4) + "\n" },
		"backticks":         func(n int) string { return strings.Repeat("`a``", n/4) + "\n" },
		"long lines":        func(n int) string { return strings.Repeat("word ", n/5) + "\n" },
		"many lines":        func(n int) string { return strings.Repeat("line\n", n/5) },
		"html-like":         func(n int) string { return strings.Repeat("<div><span>", n/11) + "\n" },
		"link references":   func(n int) string { return strings.Repeat("[a]: /x\n", n/8) },
		"headings":          func(n int) string { return strings.Repeat("#\n", n/2) },
		"wide table": func(n int) string {
			return "|" + strings.Repeat("a|", n/32) + "\n|" + strings.Repeat("-|", n/32) + "\n" + strings.Repeat("x\n", n/4)
		},
		"escaped pipes in rows": func(n int) string { return "|a|\n|-|\n" + strings.Repeat("|`\\|`|\n", n/8) },
	}
	// A build's own allocations vary by a few percent from run to run
	// (some 200 KB of 5.7 MB), as much as a small input adds: each is
	// the least of a few runs.
	least := func(t *testing.T, runs int, body string) uint64 {
		m := work(t, body)
		for range runs - 1 {
			m = min(m, work(t, body))
		}
		return m
	}
	n := 32 << 10
	base := least(t, 3, "")
	for name, gen := range patterns {
		t.Run(name, func(t *testing.T) {
			small, large := least(t, 2, gen(n)), least(t, 2, gen(4*n))
			ratio := float64(large-base) / float64(max(small-base, 1))
			if ratio > 6 {
				t.Errorf("4× the input cost %.1f× the work (%d → %d bytes allocated)", ratio, small-base, large-base)
			}
		})
	}
}

// TestHugePages builds a 10 MB page and a page of 100,000 lines.
func TestHugePages(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs: run without -short")
	}
	para := strings.Repeat("A sentence about careers with **bold** and `code`. ", 20) + "\n\n"
	work(t, strings.Repeat(para, 10<<20/len(para)))
	work(t, strings.Repeat("- a list item\n", 100000))
}
