package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// env reads a setting .ci/browser provides, failing when it is missing.
func env(t *testing.T, name string) string {
	t.Helper()
	if os.Getenv("CAREERGUIDE_BROWSER") == "" {
		t.Skip("browser checks run in .ci/browser (CAREERGUIDE_BROWSER=1)")
	}
	v := os.Getenv(name)
	if v == "" {
		t.Fatalf("%s is not set", name)
	}
	return v
}

// browser starts a headless Chromium and returns a context for it.
func browser(t *testing.T) context.Context {
	t.Helper()
	env(t, "CAREERGUIDE_SITE_URL")
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("chromium is not installed: %v", err)
	}
	// Chromium may still write its profile as it exits, so the folder is
	// removed on a best-effort basis rather than by t.TempDir.
	profile, err := os.MkdirTemp("", "careerguide-chromium-*")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 10 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(profile),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(cancel3)
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// do runs browser actions with a time limit, so a check that waits for
// something that never happens fails instead of hanging.
func do(ctx context.Context, actions ...chromedp.Action) error {
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return chromedp.Run(tctx, actions...)
}

// ready waits until the theme's script has started on the page.
func ready() chromedp.Action {
	return chromedp.WaitVisible(`.theme-toggle`)
}
