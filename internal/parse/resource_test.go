package parse

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/careerguide/careerguide/internal/diag"
)

// webp is the header of a lossless WebP image of w×h pixels.
func webp(w, h int) []byte {
	var b bytes.Buffer
	bits := uint32(w-1) | uint32(h-1)<<14
	chunk := append([]byte{0x2f}, binary.LittleEndian.AppendUint32(nil, bits)...)
	b.WriteString("RIFF")
	b.Write(binary.LittleEndian.AppendUint32(nil, uint32(4+8+len(chunk)+1)))
	b.WriteString("WEBPVP8L")
	b.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(chunk))))
	b.Write(chunk)
	b.WriteByte(0)
	return b.Bytes()
}

func TestResourceSizes(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 33, 21))
	var p, j, g bytes.Buffer
	png.Encode(&p, img)
	jpeg.Encode(&j, img, nil)
	gif.Encode(&g, img, nil)
	tests := []struct {
		name string
		data []byte
		w, h int
	}{
		{"a.png", p.Bytes(), 33, 21},
		{"a.JPG", j.Bytes(), 33, 21},
		{"a.jpeg", j.Bytes(), 33, 21},
		{"a.gif", g.Bytes(), 33, 21},
		{"a.webp", webp(640, 480), 640, 480},
		{"a.svg", []byte(`<?xml version="1.0"?><!-- x --><svg xmlns="http://www.w3.org/2000/svg" width="120px" height="60"/>`), 120, 60},
		{"b.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300.4 150"/>`), 300, 150},
		{"c.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="50%" height="2em"/>`), 0, 0},
		{"d.svg", []byte(`<html><svg width="1" height="1"/></html>`), 0, 0},
		{"broken.png", []byte("not a png"), 0, 0},
		{"a.pdf", []byte("%PDF-1.4"), 0, 0},
	}
	for _, tt := range tests {
		r := Resource("content/careers/x/"+tt.name, tt.data)
		if r.Width != tt.w || r.Height != tt.h || r.Size != int64(len(tt.data)) || r.Sum == "" {
			t.Errorf("%s: %d×%d (%d bytes), want %d×%d", tt.name, r.Width, r.Height, r.Size, tt.w, tt.h)
		}
	}
}

// TestBundle checks that a career in a folder of its own takes the
// folder's name as its slug, and that a flat career notes the files its
// body links to.
func TestBundle(t *testing.T) {
	var ds diag.List
	c := Career("content/careers/ux-research/index.md", []byte(valid+"\n![a](a.png)\n"), "USD", &ds)
	if c == nil || c.Slug != "ux-research" || c.Refs != nil {
		t.Errorf("bundle: %+v %s", c, ds)
	}
	c = Career("content/careers/flat.md", []byte(valid+"\n![a](img/a.png) [b](b.pdf) [c](other.md)\n"), "USD", &ds)
	if c == nil || c.Slug != "flat" || strings.Join(c.Refs, " ") != "b.pdf img/a.png" {
		t.Errorf("flat: %+v %s", c, ds)
	}
}
