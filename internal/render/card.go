package render

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/careerguide/careerguide/internal/model"
)

// A social card is the picture sites show for a link to a career page
// (og:image): 1200×630 pixels, drawn here from the career's title, pay,
// demand and category and the site's name, in the Go fonts. Its job
// reads exactly those values, so a card is drawn again only when one of
// them changes; the same values always give the same bytes.

// CardPath is the card of the career whose page is at url ("careers/x/").
func CardPath(url string) string { return url + "card.png" }

const cardW, cardH = 1200, 630

var (
	cardBG     = color.RGBA{0xfb, 0xfa, 0xf7, 0xff}
	cardText   = color.RGBA{0x1c, 0x23, 0x21, 0xff}
	cardMuted  = color.RGBA{0x4d, 0x57, 0x54, 0xff}
	cardAccent = color.RGBA{0x0d, 0x6e, 0x63, 0xff}
	cardGreen  = color.RGBA{0x17, 0x69, 0x2f, 0xff}
	cardLine   = color.RGBA{0xdc, 0xdc, 0xd4, 0xff}
)

var cardFonts = sync.OnceValues(func() (*opentype.Font, *opentype.Font) {
	reg, err := opentype.Parse(goregular.TTF)
	if err != nil {
		panic(err)
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		panic(err)
	}
	return reg, bold
})

// cardFace is a face of f at size pixels. Faces keep glyph caches that
// are not safe to share between goroutines, so each card makes its own.
func cardFace(f *opentype.Font, size float64) font.Face {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err)
	}
	return face
}

// card draws a career's social card.
func (w *worker) card(slug string) ([]byte, error) {
	c := (&Site{w}).CareerBySlug(slug)
	if c == nil {
		return nil, errNoItem("career", slug)
	}
	site := (&Site{w}).Title()
	return drawCard(site, c.Title(), c.Category(), c.Salary(), c.Demand())
}

func drawCard(site, title, category string, sal model.Salary, demand model.Level) ([]byte, error) {
	reg, bold := cardFonts()
	// A paletted image of the card's colours and their blends with the
	// background (for smooth edges) encodes several times faster than
	// RGBA, and smaller.
	img := cardImages.Get().(*image.Paletted)
	defer cardImages.Put(img)
	clear(img.Pix) // all background
	fill := func(r image.Rectangle, c color.Color) {
		i := uint8(img.Palette.Index(c))
		for y := r.Min.Y; y < r.Max.Y; y++ {
			row := img.Pix[y*img.Stride+r.Min.X : y*img.Stride+r.Max.X]
			for x := range row {
				row[x] = i
			}
		}
	}
	fill(image.Rect(0, 0, 24, cardH), cardAccent)
	text := func(face font.Face, c color.RGBA, x, y int, s string) int { return drawText(img, face, c, x, y, s) }
	const left, right = 90, cardW - 80
	small := cardFace(reg, 34)
	text(small, cardAccent, left, 100, fit(small, strings.ToUpper(category), right-left))
	// The title in the largest size that takes three lines at most.
	var lines []string
	var face font.Face
	for _, size := range []float64{84, 72, 60, 50} {
		face = cardFace(bold, size)
		if lines = wrap(face, title, right-left); len(lines) <= 3 {
			break
		}
	}
	if len(lines) > 3 {
		lines = append(lines[:2], fit(face, strings.Join(lines[2:], " "), right-left))
	}
	lh := face.Metrics().Height.Round()
	y := 130 + face.Metrics().Ascent.Round()
	for _, l := range lines {
		text(face, cardText, left, y, l)
		y += lh
	}
	// Pay, and demand as the site's meter: four dots and the level's name.
	y = max(y+30, 440)
	payFace := cardFace(bold, 56)
	x := text(payFace, cardText, left, y, sal.Range())
	text(cardFace(reg, 34), cardMuted, x+16, y, sal.PeriodText())
	y += 62
	x = text(small, cardMuted, left, y, "Demand")
	for i := model.Low; i <= model.VeryHigh; i++ {
		cx, cy, r := x+28+int(i-1)*32, y-11, 11
		hole := 0
		if i > demand {
			hole = r - 4
		}
		ring(img, cx, cy, r, hole)
	}
	text(cardFace(bold, 34), cardGreen, x+28+4*32, y, demand.String())
	fill(image.Rect(left, cardH-70, right, cardH-68), cardLine)
	text(small, cardMuted, left, cardH-26, fit(small, site, right-left))
	var b bytes.Buffer
	err := (&png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: cardBuffers{}}).Encode(&b, img)
	return b.Bytes(), err
}

// Cards are drawn one after another on every CPU: their pictures and
// the encoder's buffers are reused rather than made anew for each.
var (
	cardImages = sync.Pool{New: func() any { return image.NewPaletted(image.Rect(0, 0, cardW, cardH), cardPalette()) }}
	cardPool   sync.Pool
)

type cardBuffers struct{}

func (cardBuffers) Get() *png.EncoderBuffer {
	b, _ := cardPool.Get().(*png.EncoderBuffer)
	return b
}

func (cardBuffers) Put(b *png.EncoderBuffer) { cardPool.Put(b) }

// cardColors are the colours a card draws in; cardPalette is the
// background, then 16 steps from it to each of them.
var cardColors = []color.RGBA{cardText, cardMuted, cardAccent, cardGreen, cardLine}

var cardPalette = sync.OnceValue(func() color.Palette {
	p := color.Palette{cardBG}
	for _, c := range cardColors {
		for i := 1; i <= 16; i++ {
			p = append(p, blend(cardBG, c, float64(i)/16))
		}
	}
	return p
})

func blend(a, b color.RGBA, t float64) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + .5) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// drawText draws s from (x, y) on the baseline in colour c, one of
// cardColors, and returns where it ends. Each pixel takes the step of the
// colour's ramp nearest the glyph's coverage: no search of the palette.
func drawText(img *image.Paletted, face font.Face, c color.RGBA, x, y int, s string) int {
	ramp := rampOf(c)
	dot := fixed.P(x, y)
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += face.Kern(prev, r)
		}
		dr, mask, mp, adv, ok := face.Glyph(dot, r)
		if ok {
			for py := dr.Min.Y; py < dr.Max.Y; py++ {
				for px := dr.Min.X; px < dr.Max.X; px++ {
					if !(image.Point{px, py}.In(img.Rect)) {
						continue
					}
					var a uint32
					if am, ok := mask.(*image.Alpha); ok {
						a = uint32(am.Pix[am.PixOffset(mp.X+px-dr.Min.X, mp.Y+py-dr.Min.Y)]) * 0x101
					} else {
						_, _, _, a = mask.At(mp.X+px-dr.Min.X, mp.Y+py-dr.Min.Y).RGBA()
					}
					if step := (int(a)*16 + 0x7fff) / 0xffff; step > 0 {
						i := py*img.Stride + px
						if cur := int(img.Pix[i]); cur == 0 || cur >= ramp && cur < ramp+step-1 {
							img.Pix[i] = uint8(ramp + step - 1)
						}
					}
				}
			}
		}
		dot.X += adv
		prev = r
	}
	return dot.X.Round()
}

// ring draws a disc of radius r in cardGreen, hollow inside radius
// hole when hole > 0, its edges smoothed over a pixel.
func ring(img *image.Paletted, cx, cy, r, hole int) {
	ramp := rampOf(cardGreen)
	clamp := func(v float64) float64 { return math.Max(0, math.Min(1, v)) }
	for y := cy - r - 1; y <= cy+r+1; y++ {
		for x := cx - r - 1; x <= cx+r+1; x++ {
			dx, dy := float64(x-cx)+.5, float64(y-cy)+.5
			d := math.Sqrt(dx*dx + dy*dy)
			cover := clamp(float64(r) + .5 - d)
			if hole > 0 {
				cover -= clamp(float64(hole) + .5 - d)
			}
			if step := int(cover*16 + .5); step > 0 && (image.Point{x, y}).In(img.Rect) {
				img.Pix[y*img.Stride+x] = uint8(ramp + step - 1)
			}
		}
	}
}

// rampOf is the palette index of the first step from the background to
// c, one of cardColors.
func rampOf(c color.RGBA) int {
	for i, k := range cardColors {
		if k == c {
			return 1 + 16*i
		}
	}
	return 1
}

// wrap breaks s into lines no wider than width.
func wrap(face font.Face, s string, width int) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		next := strings.TrimSpace(cur + " " + word)
		if cur != "" && font.MeasureString(face, next).Round() > width {
			lines = append(lines, cur)
			next = word
		}
		cur = next
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	for i, l := range lines {
		lines[i] = fit(face, l, width)
	}
	return lines
}

// fit shortens s with an ellipsis until it is no wider than width.
func fit(face font.Face, s string, width int) string {
	if font.MeasureString(face, s).Round() <= width {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && font.MeasureString(face, string(rs)+"…").Round() > width {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimSpace(string(rs)) + "…"
}
