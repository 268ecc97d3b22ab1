package parse

import (
	"math"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
)

// fields reads values out of a frontmatter mapping, reporting problems with
// their position in the file.
type fields struct {
	path string
	base int // file line of the frontmatter's first line
	open int // file line of the opening delimiter
	ds   *diag.List
	pos  map[string]model.Pos // where values were written
	keys map[string]model.Pos // where keys were written
	seen map[string]*yaml.Node
	// skillPos holds where each kept skill was written, duplicates left out.
	skillPos []model.Pos
	lone     []loneFigure // see number
}

func newFields(path string, b *block, ds *diag.List) *fields {
	f := &fields{path: path, base: b.line, open: b.line - 1, ds: ds, pos: map[string]model.Pos{}, keys: map[string]model.Pos{}, seen: map[string]*yaml.Node{}}
	return f
}

// at returns a node's position in the file.
func (f *fields) at(n *yaml.Node) model.Pos {
	return model.Pos{Line: f.base + n.Line - 1, Col: n.Column}
}

func (f *fields) errorf(n *yaml.Node, field, format string, args ...any) {
	p := f.at(n)
	f.ds.Errorf(f.path, p.Line, p.Col, field, format, args...)
}

func (f *fields) warnf(n *yaml.Node, field, format string, args ...any) {
	p := f.at(n)
	f.ds.Warnf(f.path, p.Line, p.Col, field, format, args...)
}

// mapping walks a mapping node, handing each known key to its handler in
// the order written, and warning about unknown keys with the nearest known
// one. prefix names the parent field in messages ("salary.").
func (f *fields) mapping(m *yaml.Node, prefix string, known []string, handle func(key string, v *yaml.Node)) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key := k.Value
		if first, dup := f.keys[prefix+key]; dup {
			f.errorf(k, prefix+key, "written twice; the first is on line %d, keep one", first.Line)
			continue
		}
		f.keys[prefix+key] = f.at(k)
		if !contains(known, key) {
			msg := "unknown field"
			if near, ok := diag.Nearest(key, known); ok {
				msg += "; did you mean " + prefix + near + "?"
			} else {
				msg += "; known fields are " + strings.Join(known, ", ")
			}
			f.warnf(k, prefix+key, "%s", msg)
			continue
		}
		f.seen[prefix+key] = v
		f.pos[prefix+key] = f.at(v)
		handle(key, v)
	}
}

// positions returns what later stages need of the recorded positions.
func (f *fields) positions() model.Positions {
	var p model.Positions
	p.Title, p.Slug, p.Category, p.Salary = f.pos["title"], f.pos["slug"], f.pos["category"], f.keys["salary"]
	p.Skills = f.skillPos
	for _, l := range []struct {
		name string
		to   *[]model.Pos
	}{{"aliases", &p.Aliases}, {"related", &p.Related}} {
		for i := 0; ; i++ {
			at, ok := f.pos[l.name+"["+strconv.Itoa(i)+"]"]
			if !ok {
				break
			}
			*l.to = append(*l.to, at)
		}
	}
	return p
}

// require reports each named field that the mapping lacks.
func (f *fields) require(names ...string) {
	for _, n := range names {
		if _, ok := f.seen[n]; !ok {
			f.ds.Errorf(f.path, f.open, 1, n, "required field is missing")
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isNull reports an empty value (`key:` or `key: null`).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// text reads a scalar as text. Empty text is an error when required.
func (f *fields) text(n *yaml.Node, field string, required bool) (string, bool) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode {
		f.errorf(n, field, "must be text, not a %s", kindName(n))
		return "", false
	}
	v := strings.TrimSpace(n.Value)
	if isNull(n) {
		v = ""
	}
	if v == "" && required {
		f.errorf(n, field, "must not be empty")
		return "", false
	}
	return v, true
}

// list reads a list of text items. A single text value is read as a
// comma-separated list, the way authors sometimes write it. A list of
// more than max items is an error, hint saying what to do.
func (f *fields) list(n *yaml.Node, field string, max int, hint string) ([]string, []*yaml.Node, bool) {
	tooMany := func(at *yaml.Node, count int) {
		f.errorf(at, field, "%s items are listed; the limit is %d, %s", thousands(count), max, hint)
	}
	switch {
	case isNull(n):
		return nil, nil, true
	case n.Kind == yaml.ScalarNode:
		var out []string
		var nodes []*yaml.Node
		for _, s := range strings.Split(n.Value, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
				nodes = append(nodes, n)
			}
		}
		if len(out) > max {
			tooMany(n, len(out))
			return nil, nil, false
		}
		return out, nodes, true
	case n.Kind != yaml.SequenceNode:
		f.errorf(n, field, "must be a list such as [a, b], not a %s", kindName(n))
		return nil, nil, false
	case len(n.Content) > max:
		tooMany(n.Content[max], len(n.Content))
		return nil, nil, false
	}
	ok := true
	var out []string
	var nodes []*yaml.Node
	for i, item := range n.Content {
		name := field + "[" + strconv.Itoa(i) + "]"
		s, good := f.text(item, name, true)
		if !good {
			ok = false
			continue
		}
		f.pos[name] = f.at(item)
		out = append(out, s)
		nodes = append(nodes, item)
	}
	return out, nodes, ok
}

func (f *fields) boolean(n *yaml.Node, field string) (bool, bool) {
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(strings.TrimSpace(n.Value)) {
		case "true", "yes", "on":
			return true, true
		case "false", "no", "off", "", "null", "~":
			return false, true
		}
	}
	f.errorf(n, field, "must be true or false, not %s", show(n))
	return false, false
}

var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04:05Z07:00"}

func (f *fields) date(n *yaml.Node, field string) (time.Time, bool) {
	if n.Kind == yaml.ScalarNode {
		v := strings.TrimSpace(n.Value)
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, v); err == nil {
				return t.UTC(), true
			}
		}
	}
	f.errorf(n, field, "%s is not a date; write it as YYYY-MM-DD, such as 2026-11-26", show(n))
	return time.Time{}, false
}

// number reads a positive figure as authors write it in any locale (see
// numeral.go): "95K", "95,000", "95.000", "95 000". A figure whose lone
// separator may also be a decimal point is noted in f.lone, for the
// salary to decide once its currency and period are known.
func (f *fields) number(n *yaml.Node, field string) (float64, bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		f.errorf(n, field, "must be a number, not %s", show(n))
		return 0, false
	}
	v := strings.TrimSpace(n.Value)
	mult := 1.0
	switch {
	case strings.HasSuffix(v, "K") || strings.HasSuffix(v, "k"):
		mult, v = 1e3, strings.TrimSpace(v[:len(v)-1])
	case strings.HasSuffix(v, "M") || strings.HasSuffix(v, "m"):
		mult, v = 1e6, strings.TrimSpace(v[:len(v)-1])
	}
	num, size, err := scanNumeral(v)
	if err != nil {
		f.errorf(n, field, "%v", err)
		return 0, false
	}
	x := num.value
	if size != len(v) || size == 0 {
		x, err = strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
		num.decimal = 0
	}
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		f.errorf(n, field, "%s is not a number", show(n))
		return 0, false
	}
	x *= mult
	if x <= 0 {
		f.errorf(n, field, "must be a positive amount, not %s", show(n))
		return 0, false
	}
	if num.decimal != 0 {
		f.lone = append(f.lone, loneFigure{n, field, num.text, x, num.decimal * mult, mult})
	}
	return x, true
}

// loneFigure is a figure read as thousands whose lone separator may also
// be a decimal point.
type loneFigure struct {
	node               *yaml.Node
	field, text        string
	thousands, decimal float64
	mult               float64
}

// show quotes a node's value for a message.
func show(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return "a " + kindName(n)
	}
	return strconv.Quote(n.Value)
}
