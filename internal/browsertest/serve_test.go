package browsertest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// copyDir copies the site folder's content and theme for the serve test.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	out, err := exec.Command("cp", "-r", from, to).CombinedOutput()
	if err != nil {
		t.Fatalf("cp: %v\n%s", err, out)
	}
}

// TestLiveReload opens a page through `careerguide serve`, edits its
// Markdown and sees the new text with no action; then edits the CSS and
// sees the new style without the page reloading.
func TestLiveReload(t *testing.T) {
	bin := env(t, "CAREERGUIDE_BIN")
	root := env(t, "CAREERGUIDE_SOURCE")
	ctx := browser(t)
	site := t.TempDir()
	for _, d := range []string{"content", "templates", "static"} {
		copyDir(t, filepath.Join(root, d), filepath.Join(site, d))
	}
	ready := filepath.Join(t.TempDir(), "url")
	cmd := exec.Command(bin, "serve", "--source", site, "--addr", "127.0.0.1:0", "--ready", ready, "--base-url", "/guide/")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	var base string
	for i := 0; i < 300 && base == ""; i++ {
		data, _ := os.ReadFile(ready)
		base = strings.TrimSpace(string(data))
		time.Sleep(50 * time.Millisecond)
	}
	if base == "" {
		t.Fatal("serve did not start")
	}
	if !strings.HasSuffix(base, "/guide/") {
		t.Fatalf("served at %s, want the /guide/ base path", base)
	}
	page := filepath.Join(site, "content/careers/backend-engineering.md")
	if err := do(ctx,
		chromedp.Navigate(base+"careers/backend-engineering/"),
		chromedp.WaitVisible("h1"),
		chromedp.Evaluate(`window.__marker = "same page"`, nil),
		chromedp.Sleep(300*time.Millisecond), // the live-reload stream connects
	); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(page)
	os.WriteFile(page, append(data, "\n\nA sentence the browser must show by itself.\n"...), 0o644)
	var text string
	if err := do(ctx,
		chromedp.WaitVisible(`//p[contains(., "A sentence the browser must show by itself.")]`, chromedp.BySearch),
		chromedp.Text(".prose", &text),
	); err != nil {
		t.Fatalf("the edit did not appear: %v", err)
	}

	// CSS: the style changes, the page does not reload.
	if err := do(ctx, chromedp.Evaluate(`window.__marker = "same page"`, nil)); err != nil {
		t.Fatal(err)
	}
	css := filepath.Join(site, "static/assets/style.css")
	data, _ = os.ReadFile(css)
	os.WriteFile(css, append(data, "\nh1 { letter-spacing: 7px; }\n"...), 0o644)
	var spacing, marker string
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && spacing != "7px" {
		do(ctx, chromedp.Evaluate(`getComputedStyle(document.querySelector("h1")).letterSpacing`, &spacing))
		time.Sleep(100 * time.Millisecond)
	}
	do(ctx, chromedp.Evaluate(`window.__marker || "reloaded"`, &marker))
	if spacing != "7px" {
		t.Errorf("the new style did not apply: letter-spacing %q", spacing)
	}
	if marker != "same page" {
		t.Errorf("the page reloaded for a CSS change")
	}
}
