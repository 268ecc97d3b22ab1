// Package diag owns the problems a build reports about its input: each one
// carries the file, line and column it is about, the field it concerns and
// whether it is an error or a warning. Every stage appends to a List so that
// one run reports every problem at once, sorted by file.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is reported but does not stop the build unless --strict is set.
	Warning
)

// Diagnostic is one problem at one place.
type Diagnostic struct {
	Path     string // slash-separated, relative to the site folder
	Line     int    // 1-based; 0 when the problem concerns the whole file
	Col      int    // 1-based; 0 when unknown
	Field    string // the frontmatter field or subject, may be empty
	Message  string
	Severity Severity
}

// String formats the diagnostic as path:line:col: field: message, the form
// editors and terminals recognise.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Path)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	if d.Field != "" {
		b.WriteString(d.Field)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// List collects diagnostics from every stage of one run.
type List []Diagnostic

// Errorf appends an error.
func (l *List) Errorf(path string, line, col int, field, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Field: field, Message: fmt.Sprintf(format, args...), Severity: Error})
}

// Warnf appends a warning.
func (l *List) Warnf(path string, line, col int, field, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Field: field, Message: fmt.Sprintf(format, args...), Severity: Warning})
}

// Add appends diagnostics from another list.
func (l *List) Add(other List) { *l = append(*l, other...) }

// Sort orders the list by file, line, column and message, so output is stable.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
}

// Strict turns every warning into an error, as --strict asks.
func (l List) Strict() {
	for i := range l {
		l[i].Severity = Error
	}
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// String joins the diagnostics one per line.
func (l List) String() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Nearest returns the candidate closest to s by edit distance, if it is
// close enough to be a plausible typo, for "did you mean" hints. Its cost
// is in proportion to the candidates' total length: a comparison stops as
// soon as the two strings are too far apart.
func Nearest(s string, candidates []string) (string, bool) {
	ls := []rune(strings.ToLower(s))
	limit := len(ls)/3 + 1
	if limit > 3 {
		limit = 3
	}
	best, bestD := "", limit+1
	var rb []rune
	for _, c := range candidates {
		if n := len(c); n+limit < len(ls) || n > 4*(len(ls)+limit) {
			continue // too short or too long even in bytes
		}
		rb = append(rb[:0], []rune(strings.ToLower(c))...)
		if d := distance(ls, rb, bestD-1); d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD <= limit
}

// distance is the Levenshtein distance between a and b, or limit+1 when
// it is more than limit. Only the cells within limit of the diagonal
// can hold a distance of at most limit, so only they are computed.
func distance(a, b []rune, limit int) int {
	if limit < 0 {
		return limit + 1
	}
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	const far = 1 << 30
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		cur[0] = i
		if lo > 1 {
			cur[lo-1] = far
		}
		rowMin := far
		if lo == 1 {
			rowMin = i
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			up := prev[j]
			if j > i-1+limit {
				up = far // outside the band in the row above
			}
			cur[j] = min(up+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if hi < len(b) {
			cur[hi+1] = far
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	if prev[len(b)] > limit {
		return limit + 1
	}
	return prev[len(b)]
}

// Unique returns the list sorted, with repeated diagnostics once.
func (l List) Unique() List {
	l.Sort()
	out := l[:0]
	for i, d := range l {
		if i == 0 || d != l[i-1] {
			out = append(out, d)
		}
	}
	return out
}
