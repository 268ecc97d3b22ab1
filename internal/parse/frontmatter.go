// Package parse owns the reading of one content file: it splits the
// frontmatter from the Markdown body (through adrg/frontmatter), decodes
// YAML or TOML with the position of every value, and checks each field
// against the schema of a career or a plain page. It is pure: bytes in,
// a model value and diagnostics out.
package parse

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"

	"github.com/careerguide/careerguide/internal/diag"
)

// block is a file split into its frontmatter and body.
type block struct {
	root     *yaml.Node // the frontmatter mapping; nil when it failed to decode
	front    []byte     // the frontmatter's text
	line     int        // file line of the first line inside the frontmatter
	body     []byte
	bodyLine int
}

var bom = []byte("\xef\xbb\xbf")

// split separates the frontmatter from the body and decodes it. Problems
// are appended to ds with positions in the file.
func split(path string, src []byte, ds *diag.List) (*block, bool) {
	src = bytes.TrimPrefix(src, bom)
	if bytes.IndexByte(src, 0) >= 0 {
		ds.Errorf(path, 0, 0, "", "the file holds NUL bytes and looks binary; a content file must be Markdown text")
		return nil, false
	}
	if !utf8.Valid(src) {
		line, col := badUTF8(src)
		ds.Errorf(path, line, col, "", "the file is not valid UTF-8 text; save it as UTF-8")
		return nil, false
	}
	open, openLine := firstLine(src)
	var format string
	switch open {
	case "---":
		format = "yaml"
	case "+++":
		format = "toml"
	default:
		if len(bytes.TrimSpace(src)) == 0 {
			ds.Errorf(path, 0, 0, "", "the file is empty; start it with frontmatter between --- lines (careerguide new writes one)")
		} else {
			ds.Errorf(path, 1, 1, "", "no frontmatter: the file must start with a --- line, the fields in YAML, and a closing --- line")
		}
		return nil, false
	}
	b := &block{line: openLine + 1}
	var decodeErr error
	decode := func(data []byte, _ any) error {
		b.front = data
		if decodeErr = checkLimits(format, data); decodeErr == nil {
			b.root, decodeErr = decodeNode(format, data)
		}
		return nil
	}
	formats := []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", decode),
		frontmatter.NewFormat("+++", "+++", decode),
	}
	var sink struct{}
	// The parser copies all it reads; it is given the file up to the
	// closing line, where it stops reading anyway, and the body is sliced
	// from the file.
	head := src[:frontEnd(src, openLine, open)]
	rest, err := frontmatter.MustParse(bytes.NewReader(head), &sink, formats...)
	if errors.Is(err, frontmatter.ErrNotFound) {
		ds.Errorf(path, openLine, 1, "", "the frontmatter opened here is never closed; add a %s line after the last field", open)
		return nil, false
	}
	if err != nil {
		ds.Errorf(path, openLine, 1, "", "reading frontmatter: %v", err)
		return nil, false
	}
	at := len(head) - len(rest) // where the body starts
	b.body = src[at:]
	b.bodyLine = bytes.Count(src[:at], []byte("\n")) + 1
	var le *limitError
	if errors.As(decodeErr, &le) {
		if le.line == 0 {
			ds.Errorf(path, openLine, 1, "", "%s", le.msg)
		} else {
			ds.Errorf(path, b.line+le.line-1, le.col, "", "%s", le.msg)
		}
		return nil, false
	}
	if decodeErr != nil {
		line, col, msg := errorPos(decodeErr)
		if format == "yaml" {
			line, col, msg = yamlFix(b.front, max(line, 1), msg, b.line)
		}
		if line > 0 {
			line += b.line - 1
		} else {
			line = b.line
		}
		ds.Errorf(path, line, col, "", "malformed %s frontmatter: %s", format, msg)
		return nil, false
	}
	if b.root == nil {
		b.root = &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
	}
	if b.root.Kind != yaml.MappingNode {
		ds.Errorf(path, b.line, 1, "", "the frontmatter must be a set of fields (key: value), not a %s", kindName(b.root))
		return nil, false
	}
	return b, true
}

// firstLine returns the first non-blank line, trimmed, and its line number.
func firstLine(src []byte) (string, int) {
	line := 1
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		var l []byte
		if i < 0 {
			l, src = src, nil
		} else {
			l, src = src[:i], src[i+1:]
		}
		if t := bytes.TrimSpace(l); len(t) > 0 {
			return string(t), line
		}
		line++
	}
	return "", line
}

// frontEnd returns the end of the line that closes the frontmatter opened
// on line openLine by delim: the first line after it that reads delim once
// trimmed, as adrg/frontmatter finds it; len(src) when there is none.
func frontEnd(src []byte, openLine int, delim string) int {
	at, line := 0, 1
	for at < len(src) {
		end := len(src)
		if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
			end = at + i + 1
		}
		if line > openLine && string(bytes.TrimSpace(src[at:end])) == delim {
			return end
		}
		at, line = end, line+1
	}
	return len(src)
}

// badUTF8 finds the line and column of the first invalid byte.
func badUTF8(src []byte) (int, int) {
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return line, col
}

// decodeNode decodes YAML or TOML frontmatter into a YAML node tree whose
// positions are relative to the first line of the frontmatter.
func decodeNode(format string, data []byte) (*yaml.Node, error) {
	if format == "toml" {
		return tomlNode(data)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// posError is a decoding error with a known position.
type posError struct {
	line, col int
	msg       string
}

func (e *posError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// errorPos extracts a position from a YAML or TOML decoding error.
func errorPos(err error) (line, col int, msg string) {
	var pe *posError
	if errors.As(err, &pe) {
		return pe.line, pe.col, pe.msg
	}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		err = errors.New(te.Errors[0])
	}
	msg = err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		// yaml.v3 counts lines from 0 in parser errors, from 1 in scanner ones.
		if strings.HasPrefix(msg, "did not find expected") || strings.HasPrefix(msg, "while parsing") {
			line++
		}
	}
	return line, 0, msg
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "set of fields"
	case yaml.ScalarNode:
		return "single value"
	}
	return "value"
}
