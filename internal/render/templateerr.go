package render

import (
	"errors"
	"fmt"
	htmltemplate "html/template"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	texttemplate "text/template"

	"github.com/careerguide/careerguide/internal/diag"
)

// TemplateError is a mistake in a theme's template, in the site's words:
// the file and position of the action, the action, and what is wrong with
// it, such as
//
//	templates/career.html:12:7: .Titel: a career has no field Titel; did you mean Title?
type TemplateError struct {
	File      string // "templates/career.html"
	Line, Col int    // 0 when unknown
	Action    string // the action as written, such as ".Career.Titel"; may be ""
	Message   string
}

func (e *TemplateError) Error() string { return e.Diagnostic().String() }

// Diagnostic is the error as a build reports it.
func (e *TemplateError) Diagnostic() diag.Diagnostic {
	return diag.Diagnostic{Path: e.File, Line: e.Line, Col: e.Col, Field: e.Action, Message: e.Message, Severity: diag.Error}
}

// AsTemplateError returns the TemplateError err is or wraps.
func AsTemplateError(err error) (*TemplateError, bool) {
	var te *TemplateError
	ok := errors.As(err, &te)
	return te, ok
}

var (
	execErr  = regexp.MustCompile(`(?s)^template: ([^:]+):(\d+):(\d+): executing "[^"]*" at <(.*?)>: (.*)$`)
	parseErr = regexp.MustCompile(`(?s)^template: ([^:]+):(\d+):(?:(\d+):)? (.*)$`)
	htmlErr  = regexp.MustCompile(`(?s)^html/template:([^:]+):(\d+):(?:(\d+):)? (.*)$`)
	// Go's own words for what went wrong, rewritten below.
	noField   = regexp.MustCompile(`^can't evaluate field (\w+) in type (.+)$`)
	nilField  = regexp.MustCompile(`^nil pointer evaluating (\S+)\.(\w+)$`)
	argCount  = regexp.MustCompile(`^wrong number of args for (\w+): want (\d+) got (\d+)$`)
	calling   = regexp.MustCompile(`(?s)^error calling (\w+): (.*)$`)
	noSuch    = regexp.MustCompile(`^no such template "([^"]*)"$`)
	notDefine = regexp.MustCompile(`^function "([^"]*)" not defined$`)
)

// explain turns an error from parsing or executing the theme's templates
// into a TemplateError. known lists the names of the templates defined,
// for "did you mean"; funcs those of the functions.
func explain(err error, known []string) error {
	if err == nil {
		return nil
	}
	// A template run by partial reports inside the error of the one
	// that called it: the innermost is the one to fix.
	var ee texttemplate.ExecError
	for errors.As(err, &ee) {
		err = ee.Err
		var inner texttemplate.ExecError
		if !errors.As(ee.Err, &inner) {
			break
		}
	}
	text := err.Error()
	te := &TemplateError{Message: text}
	var m []string
	switch {
	case execErr.MatchString(text):
		m = execErr.FindStringSubmatch(text)
		te.Action, te.Message = m[4], rewrite(m[5], m[4])
	case htmlErr.MatchString(text):
		m = htmlErr.FindStringSubmatch(text)
		te.Message = rewriteParse(m[4], known)
	case parseErr.MatchString(text):
		m = parseErr.FindStringSubmatch(text)
		te.Message = rewriteParse(m[4], known)
	default:
		return err
	}
	te.File = "templates/" + m[1]
	te.Line, _ = strconv.Atoi(m[2])
	if m[3] != "" {
		col, _ := strconv.Atoi(m[3])
		te.Col = col + 1 // text/template counts columns from 0
	}
	return te
}

// rewrite says what went wrong executing action in the site's words.
func rewrite(msg, action string) string {
	if m := calling.FindStringSubmatch(msg); m != nil {
		if strings.Contains(m[2], "nil pointer dereference") {
			return "the value " + m[1] + " is called on is missing on this page; check it first with {{with …}}"
		}
		return m[2] // the function's own message
	}
	if m := noField.FindStringSubmatch(msg); m != nil {
		field, typ := m[1], m[2]
		if vt, ok := viewType(typ); ok {
			s := vt.Noun + " has no field " + field
			if vt.Type == reflect.TypeFor[Bar]() && slices.Contains(Members(reflect.TypeFor[Placed]()), field) {
				return s + "; it is a placed bar's: draw the chart's .Placed, not its .Bars"
			}
			if near, close := diag.Nearest(field, Members(vt.Type)); close {
				s += "; did you mean " + near + "?"
			} else {
				s += "; docs/templates.md lists what " + vt.Noun + " has"
			}
			return s
		}
		switch typ {
		case "interface {}":
			return "there is nothing here to take " + field + " from"
		case "string", "int", "float64", "bool", "template.HTML":
			return "a value of type " + typ + " has no field " + field + "; " + strings.TrimSuffix(action, "."+field) + " is already a single value"
		}
		return fmt.Sprintf("a value of type %s has no field %s", typ, field)
	}
	if m := nilField.FindStringSubmatch(msg); m != nil {
		noun := "the value"
		if vt, ok := viewType(m[1]); ok {
			noun = vt.Noun
		}
		return "there is no " + strings.TrimPrefix(strings.TrimPrefix(noun, "a "), "an ") + " on this page to take " + m[2] + " from; check it first with {{with …}}"
	}
	if m := argCount.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s takes %s, not %s", m[1], count(m[2], "argument"), m[3])
	}
	return msg
}

// rewriteParse says what is wrong with a template's text.
func rewriteParse(msg string, known []string) string {
	if m := noSuch.FindStringSubmatch(msg); m != nil {
		s := fmt.Sprintf("no template is named %q", m[1])
		if near, ok := diag.Nearest(m[1], known); ok {
			s += fmt.Sprintf("; did you mean %q?", near)
		}
		return s
	}
	if m := notDefine.FindStringSubmatch(msg); m != nil {
		s := fmt.Sprintf("there is no function %s", m[1])
		if near, ok := diag.Nearest(m[1], FuncNames()); ok {
			s += "; did you mean " + near + "?"
		} else {
			s += "; docs/templates.md lists the functions"
		}
		return s
	}
	return msg
}

func count(n, noun string) string {
	if n == "1" {
		return n + " " + noun
	}
	return n + " " + noun + "s"
}

// templateNames lists the templates a parsed set defines.
func templateNames(t *htmltemplate.Template) []string {
	var out []string
	for _, x := range t.Templates() {
		out = append(out, x.Name())
	}
	return out
}
