package render

import (
	"bytes"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// minifier minifies output by media type, or passes it through when off.
type minifier struct{ m *minify.M }

func newMinifier(on bool) *minifier {
	if !on {
		return &minifier{}
	}
	m := minify.New()
	// Keep what validators and indexers read: document tags, attribute
	// quotes and end tags.
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepQuotes: true, KeepEndTags: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddRegexp(regexp.MustCompile(`[/+]json$`), &json.Minifier{KeepNumbers: true})
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &minifier{m: m}
}

// newTemplateMinifier minifies template text, leaving its actions alone:
// the theme's HTML is minified once, when parsed, instead of every page's
// bytes after each render.
func newTemplateMinifier(on bool) *minifier {
	if !on {
		return &minifier{}
	}
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepQuotes: true, KeepEndTags: true, KeepDefaultAttrVals: true,
		TemplateDelims: html.GoTemplateDelims})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	return &minifier{m: m}
}

// templateComment is a template comment, {{/* … */}}, with or without
// trim markers.
var templateComment = regexp.MustCompile(`\{\{(-\s)?/\*(?s:.*?)\*/(\s-)?\}\}`)

// template returns the text of an HTML template minified, its actions
// left alone. A comment's words are dropped first, its trim markers
// kept: the minifier reads an apostrophe in a comment as the start of a
// quoted string and would leave the rest of the file as it is.
func (m *minifier) template(data []byte) ([]byte, error) {
	if m.m == nil {
		return bytes.Clone(data), nil
	}
	return m.m.Bytes("text/html", templateComment.ReplaceAll(data, []byte("{{$1/**/$2}}")))
}

// bytes returns data minified as media type mt, in a new slice. data may
// be changed.
func (m *minifier) bytes(mt string, data []byte) ([]byte, error) {
	if m.m == nil {
		return bytes.Clone(data), nil
	}
	return m.m.Bytes(mt, data)
}

// mediaType returns the media type to minify a static file by, or "".
func mediaType(name string) string {
	switch ext(name) {
	case ".css":
		return "text/css"
	case ".js", ".mjs":
		return "application/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".json", ".webmanifest":
		return "application/json"
	case ".xml":
		return "application/xml"
	}
	return ""
}

func ext(name string) string {
	for i := len(name) - 1; i >= 0 && name[i] != '/'; i-- {
		if name[i] == '.' {
			return name[i:]
		}
	}
	return ""
}
