package render

import "testing"

// TestTemplateComments: a comment in a template, whatever it says, leaves
// the rest of the file minified, and keeps its trim markers.
func TestTemplateComments(t *testing.T) {
	m := newTemplateMinifier(true)
	for _, tc := range []struct{ in, want string }{
		{"<div>\n  <p>  a  </p>\n</div>", "<div><p>a</p></div>"},
		{"{{/* it's a note */}}\n<div>\n  <p>  a  </p>\n</div>", "{{/**/}}<div><p>a</p></div>"},
		{"<p>{{- /* the \"title\",\nit's */ -}}\n  {{.Title}}  </p>\n<p>  b  </p>", "<p>{{- /**/ -}}\n{{.Title}}</p><p>b</p>"},
		{"<p>{{\"it's\"}}</p>\n<p>  b  </p>", "<p>{{\"it's\"}}</p><p>b</p>"},
	} {
		got, err := m.template([]byte(tc.in))
		if err != nil || string(got) != tc.want {
			t.Errorf("%q minified to %q (%v), want %q", tc.in, got, err, tc.want)
		}
	}
}
