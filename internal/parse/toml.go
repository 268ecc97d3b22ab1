package parse

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// tomlNode decodes TOML frontmatter into the same node tree YAML gives, so
// one set of field rules serves both. BurntSushi/toml does not report where
// keys were written, so their lines are found by scanning the text.
func tomlNode(data []byte) (*yaml.Node, error) {
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &posError{line: pe.Position.Line, col: pe.Position.Col, msg: pe.Message}
		}
		return nil, err
	}
	return tomlValue(m, "", keyLines(data), 1), nil
}

type linePos struct{ line, col int }

// keyLines maps each dotted key path to the line and value column where it is
// assigned or its table is opened.
func keyLines(data []byte) map[string]linePos {
	out := map[string]linePos{}
	table := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), len(data)+1)
	for n := 1; sc.Scan(); n++ {
		raw := sc.Text()
		l := strings.TrimSpace(raw)
		indent := len(raw) - len(strings.TrimLeft(raw, " \t"))
		switch {
		case l == "" || l[0] == '#':
		case strings.HasPrefix(l, "["):
			table = strings.Trim(strings.TrimSpace(strings.Trim(l, "[]")), `"'`)
			out[table] = linePos{n, indent + 1}
		default:
			eq := strings.IndexByte(l, '=')
			if eq < 0 {
				continue
			}
			key := strings.Trim(strings.TrimSpace(l[:eq]), `"'`)
			if table != "" {
				key = table + "." + key
			}
			if _, seen := out[key]; !seen {
				col := indent + eq + 2
				for col <= len(raw) && col > 0 && (raw[col-1] == ' ' || raw[col-1] == '\t') {
					col++
				}
				out[key] = linePos{n, col}
			}
		}
	}
	return out
}

func tomlValue(v any, path string, lines map[string]linePos, fallback int) *yaml.Node {
	p, ok := lines[path]
	if !ok {
		p = linePos{fallback, 1}
	}
	n := &yaml.Node{Line: p.line, Column: p.col}
	switch v := v.(type) {
	case map[string]any:
		n.Kind, n.Tag = yaml.MappingNode, "!!map"
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		child := func(k string) string {
			if path == "" {
				return k
			}
			return path + "." + k
		}
		sort.Slice(keys, func(i, j int) bool {
			li, lj := lines[child(keys[i])].line, lines[child(keys[j])].line
			if li != lj {
				return li < lj
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			val := tomlValue(v[k], child(k), lines, p.line)
			key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Line: val.Line, Column: 1}
			if kp, ok := lines[child(k)]; ok {
				key.Line = kp.line
			}
			n.Content = append(n.Content, key, val)
		}
	case []any:
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		for _, item := range v {
			c := tomlValue(item, "\x00", lines, p.line)
			c.Line, c.Column = p.line, p.col
			n.Content = append(n.Content, c)
		}
	default:
		n.Kind = yaml.ScalarNode
		n.Tag, n.Value = tomlScalar(v)
	}
	return n
}

func tomlScalar(v any) (tag, value string) {
	switch v := v.(type) {
	case string:
		return "!!str", v
	case int64:
		return "!!int", strconv.FormatInt(v, 10)
	case float64:
		return "!!float", strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return "!!bool", strconv.FormatBool(v)
	case time.Time:
		return "!!timestamp", v.Format(time.RFC3339)
	}
	return "!!str", fmt.Sprint(v)
}
