// Package browsertest holds the checks that need a real browser and real
// servers: the built site served by nginx under a base path, driven in
// Chromium with chromedp, checked with axe-core and the Nu HTML Checker,
// and the dev server's live reload. .ci/browser installs what they need
// and runs them with CAREERGUIDE_BROWSER=1; without it they are skipped,
// and with it a missing browser or tool is a failure.
package browsertest
