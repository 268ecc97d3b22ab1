package parse

import (
	"bytes"
	"encoding/xml"
	"image"
	_ "image/gif"  // GIF headers for image sizes
	_ "image/jpeg" // JPEG headers
	_ "image/png"  // PNG headers
	"math"
	"path"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp" // WebP headers

	"github.com/careerguide/careerguide/internal/model"
)

// MaxResource is the size in bytes of the largest file published beside a
// career; a larger one is left out with a warning. Pages load what they
// show, and 20 MiB is far more than any image a page needs.
const MaxResource = 20 << 20

// Resource describes a file beside a career's Markdown: its fingerprint,
// and an image's size in pixels read from its header (PNG, JPEG, GIF,
// WebP, and SVG from its width and height or its viewBox).
func Resource(file string, data []byte) model.Resource {
	r := model.Resource{Path: file, Sum: model.Fingerprint(data), Size: int64(len(data))}
	switch strings.ToLower(path.Ext(file)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp":
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
			r.Width, r.Height = cfg.Width, cfg.Height
		}
	case ".svg":
		r.Width, r.Height = svgSize(data)
	}
	return r
}

// svgSize reads an SVG's size from its root element: width and height in
// pixels (or without a unit), else its viewBox.
func svgSize(data []byte) (int, int) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if el.Name.Local != "svg" {
			return 0, 0
		}
		var w, h float64
		var box []string
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "width":
				w = pixels(a.Value)
			case "height":
				h = pixels(a.Value)
			case "viewBox":
				box = strings.Fields(strings.ReplaceAll(a.Value, ",", " "))
			}
		}
		if (w <= 0 || h <= 0) && len(box) == 4 {
			w, h = pixels(box[2]), pixels(box[3])
		}
		if w <= 0 || h <= 0 || w > 1e5 || h > 1e5 {
			return 0, 0
		}
		return int(math.Round(w)), int(math.Round(h))
	}
}

// pixels reads a length in pixels, "640" or "640px"; anything else is 0.
func pixels(s string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
	if err != nil || math.IsNaN(v) {
		return 0
	}
	return v
}
