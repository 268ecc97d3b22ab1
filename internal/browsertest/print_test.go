package browsertest

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// noBackgrounds does what browsers do when printing by default: no
// background colours or images.
const noBackgrounds = `(() => { const s = document.createElement("style");
  s.textContent = "*, *::before, *::after { background: none !important; box-shadow: none !important; }";
  document.head.appendChild(s); return true; })()`

// shotOf takes a picture of exactly the box of the first element sel
// matches, at twice the pixels.
func shotOf(t *testing.T, ctx context.Context, sel string) []byte {
	t.Helper()
	var r struct{ X, Y, W, H float64 }
	var png []byte
	err := do(ctx,
		chromedp.Evaluate(`(() => { const e = document.querySelector(`+strconv.Quote(sel)+`); e.scrollIntoView({block: "center"});
			const r = e.getBoundingClientRect(); return {X: r.left + scrollX, Y: r.top + scrollY, W: r.width, H: r.height}; })()`, &r),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			png, err = page.CaptureScreenshot().WithFormat(page.CaptureScreenshotFormatPng).WithCaptureBeyondViewport(true).
				WithClip(&page.Viewport{X: r.X, Y: r.Y, Width: r.W, Height: r.H, Scale: 2}).Do(ctx)
			return err
		}),
	)
	if err != nil || r.W < 1 || r.H < 1 {
		t.Fatalf("%s: %v (box %+v)", sel, err, r)
	}
	return png
}

// ink is the share of an element's pixels that are not white.
func ink(t *testing.T, shot []byte) float64 {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0xd000 {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy())
}

// TestPrint emulates printing, after choosing the dark theme with the
// toggle and with the system in either scheme: the page prints dark on
// white, meters and chart bars have ink without background graphics,
// and outside links print their URLs.
func TestPrint(t *testing.T) {
	ctx := browser(t)
	base := env(t, "CAREERGUIDE_SITE_URL")
	checked := 0
	for _, scheme := range []string{"light", "dark"} {
		for _, pg := range []struct {
			path              string
			link, dots, chart bool
		}{
			{"careers/backend-engineering/", false, true, false},
			{"categories/data-and-ai/", false, true, true},
			{"skills/sql/", true, false, true},
		} {
			page := pg.path
			name := scheme + " " + page
			var bg, fg, after string
			var on, off, bar []byte
			err := do(ctx,
				emulation.SetDeviceMetricsOverride(1000, 900, 2, false),
				emulation.SetEmulatedMedia().WithMedia("print").WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}),
				chromedp.Navigate(base+page),
				chromedp.WaitReady("body"),
				chromedp.Evaluate(`localStorage.setItem("cg-theme", "dark"), document.documentElement.setAttribute("data-theme", "dark"), true`, nil),
				chromedp.Evaluate(noBackgrounds, nil),
				chromedp.Sleep(100*time.Millisecond),
				chromedp.Evaluate(`getComputedStyle(document.body).backgroundColor`, &bg),
				chromedp.Evaluate(`getComputedStyle(document.querySelector("h1")).color`, &fg),
				chromedp.Evaluate(`(() => { const a = document.querySelector('main a[href^="http"]'); return a ? getComputedStyle(a, "::after").content : "none"; })()`, &after),
			)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			checked++
			if bg != "rgb(255, 255, 255)" && bg != "rgba(0, 0, 0, 0)" || fg != "rgb(0, 0, 0)" {
				t.Errorf("%s prints %s text on %s", name, fg, bg)
			}
			if pg.link && (after == "none" || after == "") {
				t.Errorf("%s: an outside link prints no URL (%s)", name, after)
			}
			if pg.dots {
				on, off = shotOf(t, ctx, `.dots i.on`), shotOf(t, ctx, `.dots i:not(.on)`)
				if d := os.Getenv("CAREERGUIDE_PRINT_DEBUG"); d != "" {
					os.WriteFile(filepath.Join(d, strings.ReplaceAll(name, "/", "_")+"-on.png"), on, 0o644)
					os.WriteFile(filepath.Join(d, strings.ReplaceAll(name, "/", "_")+"-off.png"), off, 0o644)
				}
				if i := ink(t, on); i < 0.5 {
					t.Errorf("%s: a filled dot prints %.0f%% ink", name, 100*i)
				}
				if i := ink(t, off); i < 0.15 || i > 0.6 {
					t.Errorf("%s: an empty dot prints %.0f%% ink, want a ring", name, 100*i)
				}
			}
			if pg.chart {
				bar = shotOf(t, ctx, `.chart .range`)
				if i := ink(t, bar); i < 0.8 {
					t.Errorf("%s: a chart bar prints %.0f%% ink", name, 100*i)
				}
			}
		}
	}
	do(ctx, chromedp.Evaluate(`localStorage.removeItem("cg-theme"), true`, nil), emulation.SetEmulatedMedia().WithMedia(""))
	t.Logf("%d page views printed", checked)
}
