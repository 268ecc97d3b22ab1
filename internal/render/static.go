package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/careerguide/careerguide/internal/load"
)

// prepareStatic minifies the static files and gives every CSS and JS file
// a content-hashed name (assets/style.css → assets/style.3f9a1c2e.css), so
// hosts can cache them forever.
func (r *Renderer) prepareStatic(files []load.File) error {
	r.static = map[string][]byte{}
	r.assets = map[string]string{}
	for _, f := range files {
		data := f.Data
		if mt := mediaType(f.Path); mt != "" {
			var err error
			if data, err = r.min.bytes(mt, data); err != nil {
				return fmt.Errorf("static/%s: %w", f.Path, err)
			}
		}
		out := f.Path
		if e := ext(f.Path); e == ".css" || e == ".js" {
			sum := sha256.Sum256(data)
			out = strings.TrimSuffix(f.Path, e) + "." + hex.EncodeToString(sum[:4]) + e
			r.assets[f.Path] = out
		}
		r.static[out] = data
	}
	return nil
}

// StaticPaths lists the output paths of the static files, for the index.
func StaticPaths(files []load.File) []string {
	out := make([]string, 0, len(files))
	for _, f := range files {
		out = append(out, f.Path)
	}
	return out
}
