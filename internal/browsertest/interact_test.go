package browsertest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestSearch types into the home page's search box.
func TestSearch(t *testing.T) {
	ctx := browser(t)
	base := env(t, "CAREERGUIDE_SITE_URL")
	var results string
	err := do(ctx,
		chromedp.Navigate(base),
		ready(),
		chromedp.SendKeys(`#cg-q-home`, "backend"),
		chromedp.WaitVisible(`.search-results li a`),
		chromedp.Text(`.search-results ul`, &results),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(strings.TrimSpace(results), "Backend Engineering") {
		t.Errorf("searching backend lists: %q", results)
	}
	var status string
	var count int
	err = do(ctx,
		chromedp.Evaluate(`document.querySelector("#cg-q-home").value = ""`, nil),
		chromedp.SendKeys(`#cg-q-home`, "SQL"),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`document.querySelectorAll(".search-results li").length`, &count),
		chromedp.Text(`.search-results [role=status]`, &status),
		chromedp.Text(`.search-results ul`, &results),
	)
	if err != nil {
		t.Fatal(err)
	}
	if count < 3 || !strings.Contains(results, "Data Engineering") || !strings.Contains(status, "found") {
		t.Errorf("searching SQL: %d results %q, status %q", count, results, status)
	}
	// Keyboard: arrow down selects the first result, Enter opens it.
	var url string
	err = do(ctx,
		chromedp.Evaluate(`document.querySelector("#cg-q-home").value = ""`, nil),
		chromedp.SendKeys(`#cg-q-home`, "backend"),
		chromedp.WaitVisible(`.search-results li a`),
		chromedp.KeyEvent("\u0301"), // ArrowDown
		chromedp.KeyEvent("\r"),
		chromedp.Sleep(500*time.Millisecond),
		chromedp.Location(&url),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(url, "/careers/backend-engineering/") {
		t.Errorf("arrow down and enter went to %s", url)
	}
}

// TestSalaryTable sorts the salary table and filters it by demand.
func TestSalaryTable(t *testing.T) {
	ctx := browser(t)
	base := env(t, "CAREERGUIDE_SITE_URL")
	var before, after []string
	var sort string
	err := do(ctx,
		chromedp.Navigate(base+"salaries/"),
		ready(),
		chromedp.WaitVisible(`table[data-sortable] th button`),
		chromedp.Evaluate(`[...document.querySelectorAll("table[data-sortable] tbody tr")].map(r => r.dataset.slug)`, &before),
		chromedp.Click(`table[data-sortable] thead th:nth-child(1) button`),
		chromedp.Evaluate(`[...document.querySelectorAll("table[data-sortable] tbody tr")].map(r => r.dataset.slug)`, &after),
		chromedp.AttributeValue(`table[data-sortable] thead th:nth-child(1)`, "aria-sort", &sort, nil),
	)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(before, ",") == strings.Join(after, ",") || sort != "ascending" || after[0] != "ai-research" {
		t.Errorf("sorting by career: aria-sort %q, first rows %v → %v", sort, before[:3], after[:3])
	}
	var visible, hidden int
	var chartShown int
	err = do(ctx,
		chromedp.SetValue(`form.filters select[name=demand]`, "Very High"),
		chromedp.Evaluate(`document.querySelector("form.filters").dispatchEvent(new Event("change")), true`, nil),
		chromedp.Evaluate(`[...document.querySelectorAll("table[data-sortable] tbody tr")].filter(r => !r.hidden).length`, &visible),
		chromedp.Evaluate(`[...document.querySelectorAll("table[data-sortable] tbody tr")].filter(r => r.hidden).length`, &hidden),
		chromedp.Evaluate(`[...document.querySelectorAll(".chart g.bar")].filter(g => g.style.display !== "none").length`, &chartShown),
	)
	if err != nil {
		t.Fatal(err)
	}
	if visible == 0 || hidden == 0 || chartShown != visible {
		t.Errorf("demand filter: %d rows shown, %d hidden, %d chart bars shown", visible, hidden, chartShown)
	}
	var rowsDemand []string
	do(ctx, chromedp.Evaluate(`[...document.querySelectorAll("table[data-sortable] tbody tr")].filter(r => !r.hidden).map(r => r.dataset.demand)`, &rowsDemand))
	for _, d := range rowsDemand {
		if d != "Very High" {
			t.Errorf("a %q row is shown under the Very High filter", d)
		}
	}
}
