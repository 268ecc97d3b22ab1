package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// pageTypes are one page of each type of the bundled site.
// pageTypes are one page of each type of the bundled site, and the pages
// the script draws from the data: lists with filters from the URL and
// the compare page. wait names what shows once the script is done.
var pageTypes = []struct{ name, path, wait string }{
	{"home", "", ""},
	{"career", "careers/backend-engineering/", ""},
	{"careers", "careers/", ""},
	{"careers-filtered", "careers/?category=data-and-ai&q=engineering", ".filter-count:not(:empty)"},
	{"skills", "skills/", ""},
	{"skill", "skills/sql/", ""},
	{"salaries", "salaries/", ""},
	{"salaries-filtered", "salaries/?demand=very-high&sort=-max", ".filter-count:not(:empty)"},
	{"categories", "categories/", ""},
	{"category", "categories/data-and-ai/", ""},
	{"compare", "compare/?c=backend-engineering&c=data-engineering&c=data-science", ".compare-table"},
	{"page", "about/", ""},
	{"404", "no-such-page/", ""},
}

// chartCheck finds what makes a chart hard to read: a chart wider than
// its container or than the window, text in it smaller than 12 px, a bar
// that leaves its track, or a bar not where its range puts it on the
// chart's axis (--from and --to against --top), or without them.
const chartCheck = `(() => {
  const out = [];
  document.querySelectorAll(".chart").forEach((ch, i) => {
    const r = ch.getBoundingClientRect(), parent = ch.parentElement.getBoundingClientRect();
    if (r.width > parent.width + 1 || r.right > document.documentElement.clientWidth + 1 || ch.scrollWidth > ch.clientWidth + 1)
      out.push("chart " + i + " is " + Math.round(r.width) + " px wide in " + Math.round(parent.width) + " px");
    const walker = document.createTreeWalker(ch, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim() || !n.parentElement.getClientRects().length) continue;
      const size = parseFloat(getComputedStyle(n.parentElement).fontSize);
      if (size < 12) { out.push("chart " + i + ": " + JSON.stringify(n.textContent.trim()) + " at " + size + " px"); break; }
    }
    const top = parseFloat(ch.style.getPropertyValue("--top"));
    ch.querySelectorAll(".bars li:not([hidden]) .range").forEach(b => {
      const br = b.getBoundingClientRect(), track = b.parentElement.getBoundingClientRect();
      if (br.right > track.right + 12 || br.width < 1) out.push("chart " + i + ": a bar leaves its track");
      // A bar the page placed with --from and --to stands where they say
      // on the axis, at least half a percent wide and within it.
      const from = parseFloat(b.style.getPropertyValue("--from")), to = parseFloat(b.style.getPropertyValue("--to"));
      if (isNaN(from) || isNaN(to) || !(top > 0)) { out.push("chart " + i + ": a bar without --from and --to, or a chart without --top"); return; }
      const width = Math.max(track.width / 200, (to - from) / top * track.width), left = Math.min(from / top * track.width, track.width - width);
      if (Math.abs(br.left - track.left - left) > 1.5 || Math.abs(br.width - width) > 1.5)
        out.push("chart " + i + ": a bar from " + from + " to " + to + " of " + top + " is at " + Math.round(br.left - track.left) + " px, " + Math.round(br.width) + " px wide, in " + Math.round(track.width) + " px; want " + Math.round(left) + ", " + Math.round(width));
    });
  });
  return out;
})()`

// watch records console errors, uncaught exceptions and failed requests.
type watch struct {
	mu       sync.Mutex
	problems []string
}

func (w *watch) add(s string) {
	w.mu.Lock()
	w.problems = append(w.problems, s)
	w.mu.Unlock()
}

func (w *watch) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.problems
	w.problems = nil
	return p
}

func listen(ctx context.Context, is404 func(string) bool) *watch {
	w := &watch{}
	chromedp.ListenTarget(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value))
				}
				w.add("console error: " + strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			w.add("exception: " + e.ExceptionDetails.Error())
		case *network.EventLoadingFailed:
			w.add(fmt.Sprintf("request failed: %s (%s)", e.ErrorText, e.Type))
		case *network.EventResponseReceived:
			if e.Response.Status >= 400 && !is404(e.Response.URL) {
				w.add(fmt.Sprintf("HTTP %d for %s", e.Response.Status, e.Response.URL))
			}
		}
	})
	return w
}

// TestPageTypes loads every page type at two widths in both color
// schemes: no console error, no failed request, no horizontal overflow,
// no axe-core violation at WCAG 2.1 A/AA. It saves a screenshot of each.
func TestPageTypes(t *testing.T) {
	ctx := browser(t)
	base := env(t, "CAREERGUIDE_SITE_URL")
	axe, err := os.ReadFile(env(t, "CAREERGUIDE_AXE"))
	if err != nil {
		t.Fatal(err)
	}
	shots := env(t, "CAREERGUIDE_SCREENSHOTS")
	os.MkdirAll(shots, 0o755)
	w := listen(ctx, func(u string) bool { return strings.Contains(u, "no-such-page") })
	if err := do(ctx, network.Enable(), runtime.Enable()); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{375, 1280} {
			for _, pt := range pageTypes {
				name := fmt.Sprintf("%s-%d-%s", pt.name, width, scheme)
				var overflow bool
				var png []byte
				var violations string
				var chartProblems []string
				err := do(ctx,
					emulation.SetDeviceMetricsOverride(width, 900, 1, width < 600),
					emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}),
					chromedp.Navigate(base+pt.path),
					chromedp.WaitReady("body"),
					waitFor(pt.wait),
					chromedp.Sleep(150*time.Millisecond),
					chromedp.Evaluate(`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`, &overflow),
					chromedp.Evaluate(chartCheck, &chartProblems),
					chromedp.FullScreenshot(&png, 80),
					chromedp.Evaluate(string(axe), nil),
					chromedp.Evaluate(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]})
						.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + ": " + n.failureSummary)}))))`,
						&violations, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
				)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				checked++
				os.WriteFile(filepath.Join(shots, name+".jpg"), png, 0o644)
				if overflow {
					t.Errorf("%s: scrolls sideways", name)
				}
				for _, p := range chartProblems {
					t.Errorf("%s: %s", name, p)
				}
				if violations != "[]" {
					var pretty any
					json.Unmarshal([]byte(violations), &pretty)
					out, _ := json.MarshalIndent(pretty, "", "  ")
					t.Errorf("%s: axe-core violations:\n%s", name, out)
				}
				for _, p := range w.take() {
					t.Errorf("%s: %s", name, p)
				}
			}
		}
	}
	t.Logf("%d page loads checked; screenshots in %s", checked, shots)
}

// waitFor waits for sel to be in the page, or does nothing for "".
func waitFor(sel string) chromedp.Action {
	if sel == "" {
		return chromedp.ActionFunc(func(context.Context) error { return nil })
	}
	return chromedp.WaitReady(sel)
}
