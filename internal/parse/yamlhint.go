package parse

import (
	"bytes"
	"fmt"
	"strings"
)

// yamlFix adds to a YAML error what to do about it, where the cause is
// one authors often meet: a tab that indents, a colon and space in a value
// that is not quoted, a quote that is never closed (which the decoder
// reports where the text ends) or that the next value's quote closes.
// data is the YAML, whose first line is the file's line first, and line
// (from 1, in data) and msg the decoder's error; it returns the line (in
// data) and column to report and the message with its fix.
func yamlFix(data []byte, line int, msg string, first int) (int, int, string) {
	open, runOn := scanQuotes(data)
	if open.ok {
		return open.line, open.col, "the quote " + string(open.quote) + " opened here is never closed; end the value with " + string(open.quote)
	}
	if runOn.ok && runOn.line < line && runOn.end <= line {
		// A quoted value may span lines, but one that does in a file
		// that fails to parse is most likely a quote left open, closed
		// by the next value's quote.
		return runOn.line, runOn.col, fmt.Sprintf("the quote %c opened here runs on to line %d, and the YAML breaks after it (%s); end the value on this line with %c",
			runOn.quote, runOn.end+first-1, msg, runOn.quote)
	}
	if strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token") {
		// The decoder may name the line before the tab's.
		for l, text := range strings.Split(string(data), "\n") {
			indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
			if i := strings.IndexByte(indent, '\t'); i >= 0 {
				return l + 1, i + 1, msg + "; use spaces, not tabs, to indent"
			}
		}
	}
	text := lineOf(data, line)
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		key, value, ok := strings.Cut(strings.TrimSpace(text), ": ")
		if ok && strings.Contains(value, ": ") {
			return line, 0, msg + `; quote a value that holds ": ", such as ` + key + `: "` + strings.ReplaceAll(value, `"`, `\"`) + `"`
		}
	case strings.Contains(msg, "cannot start any token"):
		return line, 0, msg + "; quote a value that starts with @ or `"
	}
	return line, 0, msg
}

// lineOf returns line n (from 1) of data, without its line break.
func lineOf(data []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return ""
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	return strings.TrimRight(string(data), "\r")
}

// quoted is where a quoted value opened, and the line it closed on.
type quoted struct {
	line, col int
	quote     byte
	end       int // the line of the closing quote; 0 while open
	ok        bool
}

// scanQuotes finds a quoted value that is still open where the YAML ends
// (open), and the first quoted value that runs over a line break (runOn).
// A quote opens a value at the start of one: after "key: ", "- ", "[",
// "{" or ",", or at the start of a line; inside double quotes a backslash
// escapes, inside single quotes ” is a quote.
func scanQuotes(data []byte) (open, runOn quoted) {
	var q byte
	l, c := 1, 0     // the position of data[i]
	ql, qc := 0, 0   // where q opened
	start := true    // at the start of a value
	comment := false // in a comment, to the end of the line
	flow := 0        // the [ and { open around data[i]
	for i := 0; i < len(data); i++ {
		ch := data[i]
		c++
		if ch == '\n' {
			if q != 0 && !runOn.ok {
				runOn = quoted{line: ql, col: qc, quote: q, ok: true}
			}
			l, c, start, comment = l+1, 0, true, false
			continue
		}
		switch {
		case comment:
		case q == '"' && ch == '\\':
			i, c = i+1, c+1
		case q != 0 && ch == q:
			if q == '\'' && i+1 < len(data) && data[i+1] == '\'' {
				i, c = i+1, c+1
				continue
			}
			if runOn.ok && runOn.end == 0 && runOn.line == ql && runOn.col == qc {
				runOn.end = l
			}
			q = 0
		case q != 0:
		case (ch == '"' || ch == '\'') && start:
			q, ql, qc = ch, l, c
		case ch == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t'):
			comment = true
		case ch == ' ' || ch == '\t':
			continue // spaces keep the start of a value
		case (ch == '[' || ch == '{') && (start || flow > 0):
			flow, start = flow+1, true // a value starts inside
			continue
		case (ch == ']' || ch == '}') && flow > 0:
			flow--
		}
		start = q == 0 && !comment && (ch == ',' && flow > 0 ||
			(ch == ':' || ch == '-') && i+1 < len(data) && (data[i+1] == ' ' || data[i+1] == '\n'))
	}
	if q != 0 {
		open = quoted{line: ql, col: qc, quote: q, ok: true}
	}
	return open, runOn
}
