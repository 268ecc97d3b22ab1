package markdown

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/careerguide/careerguide/internal/diag"
)

// repeat repeats unit to about n bytes.
func repeat(unit string, n int) string { return strings.Repeat(unit, n/len(unit)+1) }

// plainPage is ordinary prose of about n bytes, the yardstick.
func plainPage(n int) string {
	return repeat("A sentence about careers with **bold** and `code`, and a [link](/skills/go/).\n\n", n)
}

// pathological are Markdown shapes that cost goldmark, without limits,
// more than in proportion to their size: each a function of a size in
// bytes.
var pathological = map[string]func(n int) string{
	"lists nested by indentation": func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	},
	"quotes nested on one line":    func(n int) string { return strings.Repeat(">", n) + " deep\n" },
	"lists nested on one line":     func(n int) string { return repeat("- ", n) + "x\n" },
	"lists and quotes on one line": func(n int) string { return repeat("> - ", n) + "x\n" },
	"ordered lists on one line":    func(n int) string { return repeat("1. ", n) + "x\n" },
	"quotes deeper line by line": func(n int) string {
		var b strings.Builder
		for i := 1; b.Len() < n; i++ {
			b.WriteString(strings.Repeat(">", i) + " x\n")
		}
		return b.String()
	},
	"reference definitions":          func(n int) string { return repeat("[a]: /x\n", n) },
	"definitions in a quote":         func(n int) string { return repeat("> [a]: /x\n", n) },
	"definitions in a list item":     func(n int) string { return "- x\n" + repeat("  [a]: /x\n", n) },
	"definitions before a paragraph": func(n int) string { return strings.Repeat("[a]: /x\n", 600) + repeat("text\n", n) },
	"a wide table of short rows": func(n int) string {
		cols := n / 16
		return "|" + strings.Repeat("a|", cols) + "\n|" + strings.Repeat("-|", cols) + "\n" + repeat("x\n", n/2)
	},
	"escaped pipes in a table": func(n int) string { return "|a|b|\n|-|-|\n" + repeat("`\\|", n) },
	"pipes and code in rows":   func(n int) string { return "|a|\n|-|\n" + repeat("|`\\|`|\n", n) },
	"mixed emphasis":           func(n int) string { return repeat("w~_", n) },
	"mixed emphasis by line":   func(n int) string { return repeat("\n~*", n) },
	"emphasis openers":         func(n int) string { return repeat("*a **b ", n) },
	"open links":               func(n int) string { return repeat("[a](", n) },
	"open images":              func(n int) string { return repeat("![a](", n) },
	"brackets and parentheses": func(n int) string { return repeat("[](", n) },
	"open brackets":            func(n int) string { return strings.Repeat("[", n/3) + "x" + strings.Repeat("](", n/3) },
	"code spans of every length": func(n int) string {
		var b strings.Builder
		for i := 1; b.Len() < n; i++ {
			b.WriteString(strings.Repeat("`", i) + " ")
		}
		return b.String()
	},
	"backslashed backticks": func(n int) string { return repeat("\\``", n) },
	"unclosed HTML":         func(n int) string { return repeat("<a ", n) },
	"unclosed declarations": func(n int) string { return repeat("\n<!", n) },
	"unclosed autolinks":    func(n int) string { return repeat("<http://a", n) },
	"empty headings":        func(n int) string { return repeat("#\n", n) },
	"setext headings":       func(n int) string { return repeat("a\n=\n", n) },
}

// cpuTime is the processor time this process has used, in every thread:
// unlike the time on the wall, other processes do not add to it.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// convertTime returns the processor time of converting src, after a
// garbage collection, so that one's garbage is not another's cost.
func convertTime(c *Converter, src []byte) time.Duration {
	var ds diag.List
	runtime.GC()
	start := cpuTime()
	c.Convert("f.md", "x/", src, 1, site{}, &ds)
	return cpuTime() - start
}

// TestLinearTime measures the time per byte of each pathological shape
// against a plain page of the same size, at two sizes eight times apart.
// Work in proportion to the size keeps the ratio; work that grows with
// the square multiplies it by eight. Times are processor times, the
// least of several runs taken in turns, and the ratios are compared
// within the run, so other work on the machine changes neither much.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing: run without -short")
	}
	c := New(Options{})
	small, large := 16<<10, 128<<10
	const reps, factor = 3, 3.0
	names := make([]string, 0, len(pathological))
	for name := range pathological {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		gen := pathological[name]
		ratio := func(n int) (float64, float64) {
			shape := []byte(gen(n))
			plain := []byte(plainPage(len(shape)))
			ts, tp := time.Duration(1<<62), time.Duration(1<<62)
			for r := 0; r < reps; r++ {
				ts = min(ts, convertTime(c, shape))
				tp = min(tp, convertTime(c, plain))
			}
			return float64(ts) / float64(tp), float64(ts.Nanoseconds()) / float64(len(shape))
		}
		rs, ns := ratio(small)
		rl, nl := ratio(large)
		t.Logf("%-32s %5.1f ns/B (%4.1f× plain) → %5.1f ns/B (%4.1f× plain)", name, ns, rs, nl, rl)
		if rl > factor*rs {
			t.Errorf("%s: eight times the input cost %.1f times as much per byte, against a plain page", name, rl/rs)
		}
	}
}

// BenchmarkPathological converts each shape at 256 KiB, and a plain page.
func BenchmarkPathological(b *testing.B) {
	c := New(Options{})
	bench := func(name, src string) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				var ds diag.List
				c.Convert("f.md", "x/", []byte(src), 1, site{}, &ds)
			}
		})
	}
	bench("plain page", plainPage(256<<10))
	names := make([]string, 0, len(pathological))
	for name := range pathological {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		bench(name, pathological[name](256<<10))
	}
}

// ExampleConverter_Convert shows a limit at work.
func ExampleConverter_Convert() {
	var ds diag.List
	New(Options{}).Convert("content/about.md", "about/", []byte(strings.Repeat(">", 100)+" deep\n"), 5, site{}, &ds)
	fmt.Print(ds)
	// Output: content/about.md:5: warning: markdown: lists and quotes nest more than 32 deep here; the deeper levels are shown as text
}
