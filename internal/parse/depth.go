package parse

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// MaxDepth is how deeply frontmatter values may nest. A career's fields
// are one level, salary's fields two and a source's fields three; ten leaves room for any value an
// author could mean. It is checked on the raw text before the YAML or TOML
// parser sees it, so a file nested thousands deep never reaches a parser
// that recurses.
const MaxDepth = 10

// MaxFrontmatter is the largest frontmatter accepted, in bytes: a career
// with every field, 50 long skill names and 20 aliases needs under 8 KiB.
const MaxFrontmatter = 64 << 10

// limitError is frontmatter refused before decoding, at a position
// relative to the frontmatter's first line (line 0: the whole of it).
type limitError struct {
	line, col int
	msg       string
}

func (e *limitError) Error() string { return e.msg }

// checkLimits refuses frontmatter that is too large or nests too deeply.
func checkLimits(format string, data []byte) error {
	if len(data) > MaxFrontmatter {
		return &limitError{msg: fmt.Sprintf("the frontmatter is %d KiB; the limit is %d KiB, far more than any page needs; keep only the fields",
			(len(data)+1023)>>10, MaxFrontmatter>>10)}
	}
	var line, col int
	if format == "toml" {
		line, col = tomlTooDeep(data)
	} else {
		line, col = yamlTooDeep(data)
	}
	if line > 0 {
		return &limitError{line: line, col: col, msg: fmt.Sprintf("values nest more than %d levels deep here; a page's fields need at most 3, so flatten or remove this value", MaxDepth)}
	}
	return nil
}

// lines calls fn for each line of data with its 1-based number, without
// the line ending, until fn returns false.
func lines(data []byte, fn func(n int, l []byte) bool) {
	for n := 1; len(data) > 0; n++ {
		l := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if !fn(n, bytes.TrimSuffix(l, []byte("\r"))) {
			return
		}
	}
}

func column(l []byte, i int) int { return utf8.RuneCount(l[:i]) + 1 }

func spaceAt(l []byte, i int) bool { return i >= len(l) || l[i] == ' ' || l[i] == '\t' }

// yamlTooDeep returns the position (1-based, within data) where YAML
// nesting first exceeds MaxDepth, or 0, 0. It over-counts rather than
// under-counts: every block collection is assumed to open a level when a
// line starts a key or a "- " entry at a deeper indentation, and every
// flow bracket outside quotes opens one. A sequence written at its
// parent key's indentation is one level it does not see, so the parser
// never meets more than twice MaxDepth.
func yamlTooDeep(data []byte) (line, col int) {
	var stack []int // columns of the open block collections
	flow := 0       // open flow brackets
	var quote byte  // the quote of a scalar that continues, or 0
	scalarIn := -2  // a block scalar's parent column, or -2 outside one
	lines(data, func(n int, l []byte) bool {
		i := 0
		if quote == 0 && flow == 0 {
			for i < len(l) && l[i] == ' ' {
				i++
			}
			blank := i == len(l)
			if scalarIn > -2 {
				if blank || i > scalarIn {
					return true
				}
				scalarIn = -2
			}
			if blank || l[i] == '#' {
				return true
			}
			for len(stack) > 0 && stack[len(stack)-1] >= i {
				stack = stack[:len(stack)-1]
			}
		}
		open := func(at int) bool {
			if len(stack)+flow > MaxDepth {
				line, col = n, column(l, at)
				return false
			}
			return true
		}
		push := func(c int) {
			if len(stack) == 0 || stack[len(stack)-1] < c {
				stack = append(stack, c)
			}
		}
		start, keyCol := true, i // at the start of a value; where it began
		for ; i < len(l); i++ {
			c := l[i]
			if quote != 0 {
				switch {
				case quote == '"' && c == '\\':
					i++
				case c == quote && quote == '\'' && i+1 < len(l) && l[i+1] == '\'':
					i++
				case c == quote:
					quote = 0
				}
				continue
			}
			switch {
			case c == ' ' || c == '\t':
				continue
			case c == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t'):
				return true
			case start && (c == '"' || c == '\''):
				quote, start = c, false
				continue
			case c == '[' || c == '{':
				if flow > 0 || start {
					flow++
					if !open(i) {
						return false
					}
					start = true
					continue
				}
			case (c == ']' || c == '}') && flow > 0:
				flow--
			case c == ',' && flow > 0:
				start = true
				continue
			case (c == '-' || c == '?') && flow == 0 && start && spaceAt(l, i+1):
				push(i)
				if !open(i) {
					return false
				}
				keyCol = i + 1
				for keyCol < len(l) && l[keyCol] == ' ' {
					keyCol++
				}
				continue
			case c == ':' && (spaceAt(l, i+1) || flow > 0):
				if flow == 0 {
					push(keyCol)
					if !open(keyCol) {
						return false
					}
				}
				start = true
				continue
			case (c == '|' || c == '>') && start && flow == 0:
				scalarIn = -1
				if len(stack) > 0 {
					scalarIn = stack[len(stack)-1]
				}
				return true
			case (c == '&' || c == '!') && start:
				for i+1 < len(l) && !spaceAt(l, i+1) {
					i++
				}
				continue
			}
			if start {
				keyCol = i
			}
			start = false
		}
		return true
	})
	return line, col
}

// tomlTooDeep is yamlTooDeep for TOML: a table header is as deep as its
// dotted name (one more for an array of tables), a key one more than the
// dotted parts of its name below its table, and every array or inline
// table one more than the value holding it.
func tomlTooDeep(data []byte) (line, col int) {
	type frame struct {
		kind  byte // '[' or '{'
		depth int  // depth of the values inside
	}
	var stack []frame
	base := 0    // depth of the current table
	var str byte // open string: '"', '\'', or 'D'/'S' for multi-line ones
	inKey, dots := false, 0
	keyBase, cur := 0, 0
	lines(data, func(n int, l []byte) bool {
		i := 0
		deeper := func(d, at int) bool {
			if d > MaxDepth {
				line, col = n, column(l, at)
				return false
			}
			return true
		}
		if str == 0 && len(stack) == 0 {
			for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
				i++
			}
			if i < len(l) && l[i] == '[' {
				// A table header: [a.b] or [[a.b]].
				at, open := i, 0
				for ; i < len(l) && (l[i] == '[' || l[i] == ' ' || l[i] == '\t'); i++ {
					if l[i] == '[' {
						open++
					}
				}
				parts := 1
				var q byte
				for ; i < len(l) && (q != 0 || l[i] != ']'); i++ {
					switch {
					case q != 0 && l[i] == q:
						q = 0
					case q == 0 && (l[i] == '"' || l[i] == '\''):
						q = l[i]
					case q == 0 && l[i] == '.':
						parts++
					}
				}
				base = parts + open - 1
				return deeper(base, at)
			}
			inKey, dots, keyBase = true, 0, base
		}
		for ; i < len(l); i++ {
			c := l[i]
			switch str {
			case '"', '\'':
				if c == '\\' && str == '"' {
					i++
				} else if c == str {
					str = 0
				}
				continue
			case 'D', 'S':
				q := byte('"')
				if str == 'S' {
					q = '\''
				}
				if c == '\\' && str == 'D' {
					i++
				} else if c == q && bytes.HasPrefix(l[i:], []byte{q, q, q}) {
					str = 0
					for i+1 < len(l) && l[i+1] == q {
						i++
					}
				}
				continue
			}
			switch {
			case c == '#':
				return true
			case c == '"' || c == '\'':
				str = c
				if !inKey && bytes.HasPrefix(l[i:], []byte{c, c, c}) {
					str = map[byte]byte{'"': 'D', '\'': 'S'}[c]
					i += 2
				}
			case inKey && c == '.':
				dots++
			case inKey && c == '=':
				inKey, cur = false, keyBase+dots+1
				if !deeper(cur, i) {
					return false
				}
			case !inKey && (c == '[' || c == '{'):
				d := cur + 1
				if !deeper(d, i) {
					return false
				}
				stack = append(stack, frame{c, d})
				if c == '{' {
					inKey, dots, keyBase = true, 0, d-1
				} else {
					cur = d
				}
			case c == ']' || c == '}':
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
				if len(stack) > 0 {
					cur = stack[len(stack)-1].depth
				}
			case c == ',' && len(stack) > 0:
				if top := stack[len(stack)-1]; top.kind == '{' {
					inKey, dots, keyBase = true, 0, top.depth-1
				} else {
					cur = top.depth
				}
			}
		}
		return true
	})
	return line, col
}
